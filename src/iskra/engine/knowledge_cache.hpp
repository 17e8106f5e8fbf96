#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "iskra/index/snapshot.hpp"
#include "iskra/status.hpp"

namespace iskra::extract {
class Knowledge;
}

namespace iskra::engine {

/// The collection-wide extraction tables (alias clusters, timeline, offices) for one snapshot.
///
/// Built on first use from the per-document "facts" annotations stored at index time, then kept
/// until a newer snapshot asks; concurrent callers for the same generation wait for one build.
class KnowledgeCache {
  public:
    Result<std::shared_ptr<const extract::Knowledge>> get(const index::Snapshot& snapshot);

  private:
    std::mutex mutex_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<const extract::Knowledge> knowledge_;
};

/// Builds the tables from every live document of `snapshot`.
Result<std::shared_ptr<const extract::Knowledge>> build_knowledge(const index::Snapshot& snapshot);

}  // namespace iskra::engine
