#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "iskra/index/snapshot.hpp"
#include "iskra/status.hpp"
#include "iskra/util/two_generation_cache.hpp"

namespace iskra::answer {

/// Stored documents of recent snapshots, decompressed and parsed once and shared by the questions
/// that retrieve sentences from them, with what answering derives from a whole document.
///
/// Keyed by the snapshot's generation and the document's location in it: a commit makes older
/// entries unreachable (they age out), so a document is never served for another snapshot.
/// Bounded by util::TwoGenerationCache. Thread-safe.
class DocumentCache {
  public:
    struct Document {
        index::StoredDocument stored;
        bool lower_case = false;  ///< extract::looks_lower_case of the text
    };

    explicit DocumentCache(std::size_t budget_bytes = std::size_t{64} << 20)
        : cache_(budget_bytes) {}
    DocumentCache(const DocumentCache&) = delete;
    DocumentCache& operator=(const DocumentCache&) = delete;

    /// The document at `location` of `snapshot`. Fails as Snapshot::document does.
    Result<std::shared_ptr<const Document>> get(const index::Snapshot& snapshot,
                                                index::DocLocation location);

    std::size_t entries() const;

  private:
    struct Key {
        std::uint64_t generation = 0;
        std::uint32_t segment = 0;
        index::DocId doc = 0;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };

    mutable std::mutex mutex_;
    util::TwoGenerationCache<Key, std::shared_ptr<const Document>, KeyHash> cache_;
};

}  // namespace iskra::answer
