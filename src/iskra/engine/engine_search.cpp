// Engine::search: the public entry to ranked search.
#include "iskra/engine.hpp"
#include "iskra/engine/engine_impl.hpp"
#include "iskra/search/searcher.hpp"

namespace iskra {

Result<SearchResponse> Engine::search(const SearchRequest& request) const {
    auto analyzer = impl_->analyzers.borrow();
    search::Searcher searcher(impl_->snapshot());
    return searcher.search(request, *analyzer);
}

}  // namespace iskra
