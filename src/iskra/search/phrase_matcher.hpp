#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "iskra/search/scored_cursor.hpp"
#include "iskra/search/top_k_queue.hpp"

namespace iskra::search {

/// Counts the occurrences of a phrase in one document from the positions of its terms.
///
/// `positions[i]` are the ascending positions of the phrase's i-th term. An occurrence is one
/// position per term with (pos_i - i) all within `slop` of each other: slop 0 is the exact
/// phrase, and as in Lucene's sloppy phrases two swapped terms cost 2. Because the index puts
/// kSentencePositionGap positions between sentences, a phrase only spans a sentence boundary
/// when the slop covers the gap. `heads` is scratch space (one entry per term) so that the hot
/// path allocates nothing.
inline std::uint32_t phrase_frequency(std::span<const std::span<const std::uint32_t>> positions,
                                      std::uint32_t slop,
                                      std::span<std::size_t> heads) {
    const std::size_t n = positions.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (positions[i].empty()) {
            return 0;
        }
        heads[i] = 0;
    }
    std::uint32_t count = 0;
    while (true) {
        std::int64_t lowest = std::numeric_limits<std::int64_t>::max();
        std::int64_t highest = std::numeric_limits<std::int64_t>::min();
        std::size_t lowest_term = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t adjusted =
                static_cast<std::int64_t>(positions[i][heads[i]]) - static_cast<std::int64_t>(i);
            if (adjusted < lowest) {
                lowest = adjusted;
                lowest_term = i;
            }
            highest = std::max(highest, adjusted);
        }
        if (highest - lowest <= static_cast<std::int64_t>(slop)) {
            ++count;
        }
        if (++heads[lowest_term] == positions[lowest_term].size()) {
            return count;
        }
    }
}

/// A phrase over one segment: a conjunction of its terms' cursors whose documents are kept only
/// when the phrase occurs, scored by BM25 with the phrase frequency and the summed idf of its
/// terms (Lucene's phrase weight).
template <index::PostingCursor C, DocNorms N>
class PhraseMatcher {
  public:
    /// `norms` must outlive the matcher. REQUIRES: !cursors.empty().
    PhraseMatcher(std::vector<C> cursors, std::uint32_t slop, float weight, const N& norms)
        : cursors_(std::move(cursors)),
          slop_(slop),
          weight_(weight),
          norms_(&norms),
          spans_(cursors_.size()),
          heads_(cursors_.size()) {
        find_match(0);
    }

    DocId doc() const { return doc_; }
    std::uint32_t freq() const { return freq_; }
    /// Candidate documents an iteration visits at most: the rarest term's document frequency.
    std::uint32_t cost() const {
        std::uint32_t rarest = 0xFFFFFFFFu;
        for (const C& cursor : cursors_) {
            rarest = std::min(rarest, cursor.doc_freq());
        }
        return rarest;
    }
    float score() const {
        const auto freq = static_cast<float>(freq_);
        return Bm25::score(weight_, freq, (*norms_)(doc_));
    }
    /// From now on, passes over candidate documents (holding every term) where even the largest
    /// phrase frequency their term frequencies allow could not score above
    /// `queue.threshold() - others_max(doc)`, without reading positions: in a disjunction whose
    /// other clauses score at most `others_max(doc)` on `doc`, such a document cannot enter the
    /// queue anyway. `queue` must outlive the matcher.
    void skip_hopeless(const TopKQueue& queue, std::function<float(DocId)> others_max) {
        queue_ = &queue;
        others_max_ = std::move(others_max);
    }
    /// Moves to the first document >= target holding the phrase.
    void advance(DocId target) {
        if (target > doc_ || !started_) {
            find_match(target);
        }
    }
    void next() { find_match(doc_ == kEndOfPostings ? doc_ : doc_ + 1); }

  private:
    void find_match(DocId target) {
        started_ = true;
        DocId candidate = target;
        while (true) {
            candidate = align(candidate);
            if (candidate == kEndOfPostings) {
                doc_ = kEndOfPostings;
                freq_ = 0;
                return;
            }
            if (hopeless(candidate)) {
                ++candidate;
                continue;
            }
            for (std::size_t i = 0; i < cursors_.size(); ++i) {
                spans_[i] = cursors_[i].positions();
            }
            freq_ = phrase_frequency(spans_, slop_, heads_);
            if (freq_ > 0) {
                doc_ = candidate;
                return;
            }
            ++candidate;
        }
    }

    bool hopeless(DocId doc) const {
        if (queue_ == nullptr) {
            return false;
        }
        if (queue_->threshold() <= 0.0f) {
            return false;
        }
        const float floor = queue_->threshold() - others_max_(doc);
        if (floor <= 0.0f) {
            return false;
        }
        // An exact phrase occurs at most as often as its rarest term; a sloppy one at most as
        // often as all its terms together.
        std::uint32_t min_freq = 0xFFFFFFFFu;
        std::uint64_t sum_freq = 0;
        for (const C& cursor : cursors_) {
            min_freq = std::min(min_freq, cursor.freq());
            sum_freq += cursor.freq();
        }
        const auto freq = static_cast<float>(slop_ == 0 ? min_freq : sum_freq);
        return Bm25::score(weight_, freq, (*norms_)(doc)) * kUpperBoundSlack <= floor;
    }

    // Leapfrogs all cursors to the first document >= candidate that holds every term.
    DocId align(DocId candidate) {
        std::size_t agreeing = 0;
        std::size_t i = 0;
        while (agreeing < cursors_.size()) {
            C& cursor = cursors_[i];
            cursor.advance(candidate);
            const DocId doc = cursor.doc();
            if (doc == kEndOfPostings) {
                return kEndOfPostings;
            }
            if (doc == candidate) {
                ++agreeing;
            } else {
                candidate = doc;
                agreeing = 1;
            }
            i = (i + 1) % cursors_.size();
        }
        return candidate;
    }

    std::vector<C> cursors_;
    std::uint32_t slop_ = 0;
    float weight_ = 0;
    const N* norms_;
    std::vector<std::span<const std::uint32_t>> spans_;
    std::vector<std::size_t> heads_;
    DocId doc_ = 0;
    std::uint32_t freq_ = 0;
    bool started_ = false;
    const TopKQueue* queue_ = nullptr;
    std::function<float(DocId)> others_max_;
};

}  // namespace iskra::search
