// Engine::ask, timeline, entities, entity, quiz: everything that reads the extraction tables.
#include "iskra/engine.hpp"
#include "iskra/engine/engine_impl.hpp"

namespace iskra {

Result<AskResponse> Engine::ask(const AskRequest& /*request*/) const {
    return Status::unsupported("ask: not wired yet");
}

Result<TimelineResponse> Engine::timeline(const TimelineRequest& /*request*/) const {
    return Status::unsupported("timeline: not wired yet");
}

Result<std::vector<Entity>> Engine::entities(const std::string& /*type*/,
                                             std::uint32_t /*limit*/) const {
    return Status::unsupported("entities: not wired yet");
}

Result<EntityDetail> Engine::entity(const std::string& /*name*/) const {
    return Status::unsupported("entity: not wired yet");
}

Result<std::vector<QuizQuestion>> Engine::quiz(std::uint32_t /*count*/,
                                               std::uint64_t /*seed*/) const {
    return Status::unsupported("quiz: not wired yet");
}

}  // namespace iskra
