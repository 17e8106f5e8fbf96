// Engine::search: the public entry to ranked search.
#include "iskra/engine.hpp"
#include "iskra/engine/engine_impl.hpp"
#include "iskra/search/searcher.hpp"

namespace iskra {

Result<SearchResponse> Engine::search(const SearchRequest& request) const {
    auto analyzer = impl_->analyzers.borrow();
    auto snapshot = impl_->snapshot();
    // The documents shown come from the cache the asks share (read once per snapshot).
    auto load =
        [this, &snapshot](
            index::DocLocation location) -> Result<std::shared_ptr<const index::StoredDocument>> {
        auto document = impl_->answer_documents.get(*snapshot, location);
        if (!document.ok()) {
            return document.status();
        }
        std::shared_ptr<const answer::DocumentCache::Document> shared = document.take();
        return std::shared_ptr<const index::StoredDocument>(shared, &shared->stored);
    };
    search::Searcher searcher(snapshot, {}, load);
    // Without snippets (batch runs, benchmarks) no stored document needs to be read: ids and
    // scores come from the index alone.
    auto detail = request.snippets ? search::HitDetail::Full : search::HitDetail::IdsOnly;
    return searcher.search(request, *analyzer, detail);
}

}  // namespace iskra
