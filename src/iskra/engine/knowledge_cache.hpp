#pragma once

#include <cstdint>
#include <filesystem>
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
///
/// Building reads every stored document (seconds on a large collection), so a build is also
/// saved in the collection directory as "knowledge.<generation>.<fingerprint>" and the next
/// process opening the same snapshot reads it instead. The file is a cache: a missing, damaged or
/// unwritable one only costs a rebuild, and older ones are removed when a new one is written.
class KnowledgeCache {
  public:
    /// `dir`: where to keep the saved tables; empty keeps them in memory only.
    explicit KnowledgeCache(std::filesystem::path dir = {}) : dir_(std::move(dir)) {}

    Result<std::shared_ptr<const extract::Knowledge>> get(const index::Snapshot& snapshot);

  private:
    Result<std::shared_ptr<const extract::Knowledge>> load_or_build(
        const index::Snapshot& snapshot);

    const std::filesystem::path dir_;
    std::mutex mutex_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<const extract::Knowledge> knowledge_;
};

/// The name of the file that caches the tables of `snapshot`: its generation and a fingerprint of
/// its contents (a collection deleted and rebuilt in the same place starts generations afresh).
std::string knowledge_file_name(const index::Snapshot& snapshot);

/// Builds the tables from every live document of `snapshot`.
Result<std::shared_ptr<const extract::Knowledge>> build_knowledge(const index::Snapshot& snapshot);

}  // namespace iskra::engine
