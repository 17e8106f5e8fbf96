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
        if (auto found = find_locked(key)) {
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
    insert_locked(key, shared);
    return shared;
}

std::size_t DocumentCache::entries() const {
    std::lock_guard lock(mutex_);
    return current_.entries.size() + previous_.entries.size();
}

std::shared_ptr<const DocumentCache::Document> DocumentCache::find_locked(const Key& key) {
    if (auto it = current_.entries.find(key); it != current_.entries.end()) {
        return it->second;
    }
    auto it = previous_.entries.find(key);
    if (it == previous_.entries.end()) {
        return nullptr;
    }
    std::shared_ptr<const Document> found = it->second;
    insert_locked(key, found);  // may drop previous_ (and `it`): `found` holds the document
    return found;
}

void DocumentCache::insert_locked(const Key& key, std::shared_ptr<const Document> document) {
    const std::size_t bytes = footprint_bytes(document->stored);
    if (bytes > generation_budget_bytes_) {
        return;
    }
    if (current_.bytes + bytes > generation_budget_bytes_) {
        previous_ = std::move(current_);
        current_ = Generation{};
    }
    if (current_.entries.try_emplace(key, std::move(document)).second) {
        current_.bytes += bytes;
    }
}

}  // namespace iskra::answer
