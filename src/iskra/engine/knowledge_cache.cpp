#include "iskra/engine/knowledge_cache.hpp"

namespace iskra::engine {

Result<std::shared_ptr<const extract::Knowledge>> KnowledgeCache::get(
    const index::Snapshot& snapshot) {
    std::lock_guard lock(mutex_);
    if (knowledge_ && generation_ == snapshot.generation()) {
        return knowledge_;
    }
    auto built = build_knowledge(snapshot);
    if (!built.ok()) {
        return built.status();
    }
    knowledge_ = *built;
    generation_ = snapshot.generation();
    return knowledge_;
}

Result<std::shared_ptr<const extract::Knowledge>> build_knowledge(const index::Snapshot& /*snapshot*/) {
    return Status::unsupported("knowledge: not wired yet");
}

}  // namespace iskra::engine
