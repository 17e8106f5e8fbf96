#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "iskra/search/phrase_matcher.hpp"
#include "iskra/search/scored_cursor.hpp"

namespace iskra::search {

/// One clause of a free-text disjunction: a term or a phrase (a query word the analyzer split in
/// several tokens, such as "v4l2" or "ipv6", becomes a phrase). Gives MaxScore the cursor
/// interface it needs (doc, next, advance, score, max_score) over either, so a disjunction with
/// phrases is pruned like a disjunction of terms instead of being scored exhaustively.
template <index::PostingCursor C, DocNorms N>
class DisjunctCursor {
  public:
    using Term = ScoredCursor<C, N>;
    using Phrase = PhraseMatcher<C, N>;

    explicit DisjunctCursor(Term term) : term_(std::move(term)), max_score_(term_->max_score()) {}
    /// `max_score` bounds every score of the phrase (see phrase_max_score).
    DisjunctCursor(Phrase phrase, float max_score)
        : phrase_(std::move(phrase)), max_score_(max_score) {}

    DocId doc() const { return term_ ? term_->doc() : phrase_->doc(); }
    void next() {
        const DocId before = doc();
        if (term_) {
            term_->next();
        } else {
            phrase_->next();
        }
        if (doc() == kEndOfPostings && before != kEndOfPostings) {
            last_doc_ = before;
        }
    }
    void advance(DocId target) {
        const DocId before = doc();
        if (term_) {
            term_->advance(target);
        } else {
            phrase_->advance(target);
        }
        if (doc() == kEndOfPostings && before != kEndOfPostings) {
            last_doc_ = target - 1;  // the list may hold documents below target, none above
        }
    }
    /// Whether the clause is exhausted and holds no document at or after `doc`.
    bool exhausted_before(DocId doc) const {
        return this->doc() == kEndOfPostings && last_doc_ < doc;
    }
    float score() const { return term_ ? term_->score() : phrase_->score(); }
    float max_score() const { return max_score_; }
    /// See PhraseMatcher::skip_hopeless; nothing for a term (MaxScore prunes terms itself).
    void skip_hopeless(const TopKQueue& queue, std::function<float(DocId)> others_max) {
        if (phrase_) {
            phrase_->skip_hopeless(queue, std::move(others_max));
        }
    }
    std::uint32_t cost() const { return term_ ? term_->cost() : phrase_->cost(); }

  private:
    std::optional<Term> term_;
    std::optional<Phrase> phrase_;
    float max_score_ = 0;
    DocId last_doc_ = kEndOfPostings;  // set when the clause runs out
};

/// A bound on the BM25 score of a phrase over the given term cursors, before they move. An
/// exact phrase occurs at most as often as its rarest term in a document, so the smallest of the
/// terms' largest frequencies bounds its frequency; a sloppy phrase can count overlapping
/// windows, up to the sum of them. The document is at least as long as the longest of the
/// terms' shortest documents.
template <index::PostingCursor C>
float phrase_max_score(const std::vector<C>& cursors,
                       std::uint32_t slop,
                       float weight,
                       const Bm25& bm25) {
    std::uint32_t min_max_freq = 0xFFFFFFFFu;
    std::uint64_t sum_max_freq = 0;
    std::uint32_t min_length = 0;
    for (const C& cursor : cursors) {
        min_max_freq = std::min(min_max_freq, cursor.max_freq());
        sum_max_freq += cursor.max_freq();
        min_length = std::max(min_length, cursor.min_length());
    }
    const auto freq = static_cast<float>(slop == 0 ? min_max_freq : sum_max_freq);
    return Bm25::score(weight, freq, bm25.length_norm(min_length)) * kUpperBoundSlack;
}

}  // namespace iskra::search
