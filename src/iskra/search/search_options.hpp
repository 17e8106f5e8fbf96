#pragma once

#include <cstdint>

#include "iskra/search/bm25.hpp"

namespace iskra::search {

/// How a pure disjunction of terms (free text, the common case) is evaluated.
enum class DisjunctionAlgorithm : std::uint8_t {
    Exhaustive,    ///< score every matching document; exact hit count
    MaxScore,      ///< Turtle & Flood 1995
    BlockMaxWand,  ///< Ding & Suel 2011
    /// MaxScore re-partitioned per window of block-max bounds (Lucene 9's MaxScoreBulkScorer)
    BlockMaxMaxScore,
};

/// Tunables of the search module. Defaults are what the engine uses; the benchmark varies them.
struct SearchOptions {
    Bm25Params bm25;
    DisjunctionAlgorithm disjunction = DisjunctionAlgorithm::MaxScore;
    /// Queries on collections with at most this many live documents are counted exactly (every
    /// match scored) when their posting lists also hold at most exact_count_max_postings
    /// postings in all: scoring every match then costs well under a millisecond, and an exact
    /// count is friendlier. The postings bound matters for collections of few long documents
    /// (13,000 PDF manuals hold lists of 10,000 documents with thousands of positions each).
    std::uint64_t exact_count_max_docs = 20000;
    std::uint64_t exact_count_max_postings = 16384;
    /// Score factors (<= 1) for flagged documents unless the request asks to show noise.
    float duplicate_document_factor = 0.5f;
    float low_quality_document_factor = 0.7f;
    /// Extra candidates re-ranked with the document prior beyond the requested page.
    std::uint32_t prior_rerank_margin = 10;
    /// Snippets per hit (1-3 makes sense).
    std::uint32_t max_snippets = 3;
};

}  // namespace iskra::search
