#include "iskra/answer/document_cache.hpp"

#include <utility>

#include "iskra/extract/document_facts.hpp"

namespace iskra::answer {
namespace {

std::size_t footprint_bytes(const index::StoredDocument& doc) {
    std::size_t bytes = sizeof(DocumentCache::Document) + doc.external_id.size() + doc.title.size()
                        + doc.source_path.size() + doc.format.size() + doc.text.size()
                        + doc.sentences.size() * sizeof(index::SentenceRecord);
    for (const auto& [name, blob] : doc.annotations) {
        bytes += name.size() + blob.size();
    }
    return bytes;
}

}  // namespace

std::size_t DocumentCache::KeyHash::operator()(const Key& key) const {
    std::uint64_t h = key.generation * 0x9E3779B97F4A7C15ull;
    h ^= (std::uint64_t{key.segment} << 32 | key.doc) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    return static_cast<std::size_t>(h);
}

Result<std::shared_ptr<const DocumentCache::Document>> DocumentCache::get(
    const index::Snapshot& snapshot, index::DocLocation location) {
    const Key key{snapshot.generation(), location.segment, location.doc};
    {
        std::lock_guard lock(mutex_);
        if (auto found = cache_.find(key)) {
            return found;
        }
    }
    auto stored = snapshot.document(location);
    if (!stored.ok()) {
        return stored.status();
    }
    auto document = std::make_shared<Document>();
    document->stored = stored.take();
    document->lower_case = extract::looks_lower_case(document->stored.text);
    std::shared_ptr<const Document> shared = std::move(document);
    std::lock_guard lock(mutex_);
    cache_.insert(key, shared, footprint_bytes(shared->stored));
    return shared;
}

std::size_t DocumentCache::entries() const {
    std::lock_guard lock(mutex_);
    return cache_.entries();
}

}  // namespace iskra::answer
