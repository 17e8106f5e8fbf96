#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "iskra/index/snapshot.hpp"
#include "iskra/search/query.hpp"
#include "iskra/search/query_evaluator.hpp"
#include "iskra/search/search_options.hpp"
#include "iskra/status.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/types.hpp"

namespace iskra::search {

/// How much of each hit `Searcher::search` fills.
enum class HitDetail : std::uint8_t {
    Full,     ///< prior re-ranking, title, source path, snippets (as the request asks)
    IdsOnly,  ///< doc_id and score only: no stored-document read (batch runs, benchmarks)
};

/// Runs user queries against one snapshot of a collection.
///
/// Thread-safe (all methods const); the analyzer passed in is not (one per thread, the same
/// options as the index's). Cheap to make: one per query batch or per request both work.
/// Reads a stored document of the snapshot (e.g. from a cache shared by queries).
using DocumentLoader =
    std::function<Result<std::shared_ptr<const index::StoredDocument>>(index::DocLocation)>;

class Searcher {
  public:
    /// Without `load_document`, each search reads the documents it shows from the snapshot.
    explicit Searcher(std::shared_ptr<const index::Snapshot> snapshot,
                      SearchOptions options = {},
                      DocumentLoader load_document = {});

    /// Parses, evaluates, re-ranks the top candidates with the document prior (unless
    /// request.show_noise), reads the stored documents of the page [offset, offset + k) and
    /// builds their snippets. InvalidArgument ("query: unbalanced parenthesis at position 7") for
    /// a malformed query; the stored-document reads can fail with Corruption/IoError.
    /// With HitDetail::IdsOnly, hits carry doc_id and BM25 score only and no stored document
    /// is read (the document prior is not applied either).
    Result<SearchResponse> search(const SearchRequest& request,
                                  text::Analyzer& analyzer,
                                  HitDetail detail = HitDetail::Full) const;

    /// The top k documents of a parsed query without reading any stored document (for
    /// benchmarks and for sentence retrieval).
    TopDocs top_docs(const Query& query, std::size_t k, bool exact_count = false) const;

    const index::Snapshot& snapshot() const { return *snapshot_; }
    const std::shared_ptr<const index::Snapshot>& shared_snapshot() const { return snapshot_; }
    const SearchOptions& options() const { return options_; }

  private:
    float document_prior(const index::StoredDocument& document) const;

    Result<std::shared_ptr<const index::StoredDocument>> document(std::uint64_t key) const;

    std::shared_ptr<const index::Snapshot> snapshot_;
    SearchOptions options_;
    DocumentLoader load_document_;
};

}  // namespace iskra::search
