#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "iskra/index/snapshot.hpp"
#include "iskra/status.hpp"

namespace iskra::answer {

/// Stored documents of recent snapshots, decompressed and parsed once and shared by the questions
/// that retrieve sentences from them, with what answering derives from a whole document.
///
/// Keyed by the snapshot's generation and the document's location in it: a commit makes older
/// entries unreachable (they age out), so a document is never served for another snapshot.
/// Bounded like AnalyzedTextCache: two generations of entries, the older dropped whole when the
/// current fills half the budget. Thread-safe.
class DocumentCache {
  public:
    struct Document {
        index::StoredDocument stored;
        bool lower_case = false;  ///< extract::looks_lower_case of the text
    };

    explicit DocumentCache(std::size_t budget_bytes = std::size_t{64} << 20)
        : generation_budget_bytes_(budget_bytes / 2) {}
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
    struct Generation {
        std::unordered_map<Key, std::shared_ptr<const Document>, KeyHash> entries;
        std::size_t bytes = 0;
    };

    std::shared_ptr<const Document> find_locked(const Key& key);
    void insert_locked(const Key& key, std::shared_ptr<const Document> document);

    const std::size_t generation_budget_bytes_;
    mutable std::mutex mutex_;
    Generation current_;
    Generation previous_;
};

}  // namespace iskra::answer
