#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "iskra/index/snapshot.hpp"
#include "iskra/search/query.hpp"
#include "iskra/search/search_options.hpp"
#include "iskra/search/top_k_queue.hpp"

namespace iskra::search {

/// The best documents of a query over a snapshot, before any stored document is read.
struct TopDocs {
    std::vector<ScoredDoc> docs;  ///< best first; key = make_doc_key(segment index, local doc)
    std::uint64_t total_hits = 0;
    bool total_is_exact = true;
};

/// Evaluates `query` over every segment of `snapshot` with one top-k queue shared across
/// segments (the threshold reached in one segment prunes the next), skipping documents deleted
/// in the snapshot. Scores are BM25(F) with collection statistics summed over segments, so they
/// do not depend on how documents are spread over segments.
///
/// The plan depends on the query's shape: a pure disjunction of terms (free text) runs
/// `options.disjunction` (MaxScore or block-max WAND) unless an exact count is wanted
/// (`exact_count`, or a collection of at most options.exact_count_max_docs documents and lists
/// of at most options.exact_count_max_postings postings); a
/// conjunction of terms runs a leapfrog intersection; anything else (phrases, nested groups)
/// the generic boolean evaluator. Excluded clauses of the top level filter any plan.
TopDocs evaluate_query(const index::Snapshot& snapshot,
                       const Query& query,
                       std::size_t k,
                       bool exact_count,
                       const SearchOptions& options);

}  // namespace iskra::search
