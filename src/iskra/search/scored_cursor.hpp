#pragma once

#include <concepts>
#include <cstdint>
#include <utility>

#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/search/bm25.hpp"

namespace iskra::search {

using index::DocId;
using index::kEndOfPostings;

/// Per-document BM25 length normalization for one segment and one field: norms(doc) returns
/// Bm25::length_norm(field length of doc). Models are cheap value types over segment data
/// (a length column, or a 256-entry table over byte-quantized lengths).
template <typename N>
concept DocNorms = requires(const N norms, DocId doc) {
    { norms(doc) } -> std::convertible_to<float>;
};

/// A posting cursor with what scoring needs: the term's precomputed weight (idf * (k1 + 1) *
/// query weight), the document norms and the list-wide and block-wide score upper bounds.
/// Non-virtual and header-only so the algorithms inline everything per posting.
template <index::PostingCursor C, DocNorms N>
class ScoredCursor {
  public:
    ScoredCursor(C cursor, float weight, const Bm25& bm25, const N& norms)
        : cursor_(std::move(cursor)), norms_(norms), bm25_(bm25), weight_(weight) {
        max_score_ = bound(cursor_.max_freq(), cursor_.min_length());
    }

    DocId doc() const { return cursor_.doc(); }
    void next() { cursor_.next(); }
    void advance(DocId target) { cursor_.advance(target); }
    std::uint32_t doc_freq() const { return cursor_.doc_freq(); }
    /// Postings an iteration over the whole list visits.
    std::uint32_t cost() const { return cursor_.doc_freq(); }

    /// BM25 of the current document. REQUIRES: doc() != kEndOfPostings.
    float score() const {
        const auto freq = static_cast<float>(cursor_.freq());
        return Bm25::score(weight_, freq, norms_(cursor_.doc()));
    }

    /// Bound on every score of the list.
    float max_score() const { return max_score_; }
    float weight() const { return weight_; }

    void advance_shallow(DocId target) { cursor_.advance_shallow(target); }
    DocId block_last_doc() const { return cursor_.block_last_doc(); }
    /// Bound on every score of the current (shallow) block.
    float block_max_score() const {
        return bound(cursor_.block_max_freq(), cursor_.block_min_length());
    }

    C& cursor() { return cursor_; }
    const C& cursor() const { return cursor_; }

  private:
    float bound(std::uint32_t max_freq, std::uint32_t min_length) const {
        const auto freq = static_cast<float>(max_freq);
        return Bm25::score(weight_, freq, bm25_.length_norm(min_length)) * kUpperBoundSlack;
    }

    C cursor_;
    N norms_;  // a copy: one indirection less per posting
    Bm25 bm25_;
    float weight_ = 0;
    float max_score_ = 0;
};

/// Decides per candidate document whether it may be returned and with what prior: 0 rejects it
/// (deleted in the snapshot, or matched by an excluded clause), otherwise a factor in (0, 1]
/// that multiplies the score. Factors never above 1 keep every upper bound valid.
/// Calls come in increasing doc order, so a gate may advance cursors of excluded terms.
template <typename G>
concept DocGate = requires(G gate, DocId doc) {
    { gate(doc) } -> std::convertible_to<float>;
};

/// Accepts every document with factor 1.
struct AcceptAll {
    float operator()(DocId /*doc*/) const { return 1.0f; }
};

/// What an evaluation reports besides the queue contents.
struct EvalStats {
    std::uint64_t matches = 0;  ///< documents accepted (all of them when exact)
    bool exact = true;          ///< false when pruning skipped documents without counting them
};

}  // namespace iskra::search
