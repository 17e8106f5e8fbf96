// Engine::ask, timeline, entities, entity, quiz: everything that reads the extraction tables.
#include <algorithm>

#include "iskra/answer/answerer.hpp"
#include "iskra/engine.hpp"
#include "iskra/engine/engine_impl.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/util/stopwatch.hpp"

namespace iskra {

Result<AskResponse> Engine::ask(const AskRequest& request) const {
    auto snapshot = impl_->snapshot();
    auto knowledge = impl_->knowledge.get(*snapshot);
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto analyzer = impl_->analyzers.borrow();
    answer::Answerer answerer(snapshot, knowledge->get());
    return answerer.ask(request, *analyzer);
}

Result<TimelineResponse> Engine::timeline(const TimelineRequest& request) const {
    util::Stopwatch clock;
    auto knowledge = impl_->knowledge.get(*impl_->snapshot());
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    TimelineResponse response;
    response.events = (*knowledge)->timeline(request);
    response.took_ms = clock.elapsed_ms();
    return response;
}

Result<std::vector<Entity>> Engine::entities(const std::string& type, std::uint32_t limit) const {
    auto knowledge = impl_->knowledge.get(*impl_->snapshot());
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto entities = (*knowledge)->entities(type);
    if (limit > 0 && entities.size() > limit) {
        entities.resize(limit);
    }
    return entities;
}

Result<EntityDetail> Engine::entity(const std::string& name) const {
    auto knowledge = impl_->knowledge.get(*impl_->snapshot());
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto detail = (*knowledge)->entity(name);
    if (!detail) {
        return Status::not_found("no entity named '" + name + "' in this collection");
    }
    return *std::move(detail);
}

Result<std::vector<QuizQuestion>> Engine::quiz(std::uint32_t count, std::uint64_t seed) const {
    auto knowledge = impl_->knowledge.get(*impl_->snapshot());
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    return (*knowledge)->quiz(count, seed);
}

}  // namespace iskra
