// Engine::search: the public entry to ranked search.
#include "iskra/engine.hpp"
#include "iskra/engine/engine_impl.hpp"
#include "iskra/search/searcher.hpp"

namespace iskra {

Result<SearchResponse> Engine::search(const SearchRequest& request) const {
    auto analyzer = impl_->analyzers.borrow();
    search::Searcher searcher(impl_->snapshot());
    // Without snippets (batch runs, benchmarks) no stored document needs to be read: ids and
    // scores come from the index alone.
    auto detail = request.snippets ? search::HitDetail::Full : search::HitDetail::IdsOnly;
    return searcher.search(request, *analyzer, detail);
}

}  // namespace iskra
