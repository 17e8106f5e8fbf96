#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace iskra::search {

/// A result: its score and a key naming the document, (segment index << 32) | segment doc id.
struct ScoredDoc {
    float score = 0;
    std::uint64_t key = 0;
};

inline std::uint64_t make_doc_key(std::uint32_t segment_idx, std::uint32_t doc) {
    return (static_cast<std::uint64_t>(segment_idx) << 32) | doc;
}
inline std::uint32_t key_segment(std::uint64_t key) {
    return static_cast<std::uint32_t>(key >> 32);
}
inline std::uint32_t key_doc(std::uint64_t key) {
    return static_cast<std::uint32_t>(key);
}

/// Keeps the k highest-scoring documents seen so far.
///
/// `threshold()` is the score a document must beat to enter; it only rises, which is what lets
/// MaxScore and WAND skip postings. The queue is shared across the segments of a snapshot so the
/// threshold reached in one segment prunes the next. Call `finalize()` once before reading
/// `results()`: best first, ties broken by key (earlier segment, then lower doc id) so results are
/// deterministic.
class TopKQueue {
  public:
    explicit TopKQueue(std::size_t k = 10, float initial_threshold = 0.0f) {
        reset(k, initial_threshold);
    }

    /// Empties the queue for a new query, keeping its buffer.
    void reset(std::size_t k, float initial_threshold = 0.0f) {
        k_ = k;
        threshold_ = initial_threshold;
        heap_.clear();
        heap_.reserve(k + 1);
    }

    bool would_enter(float score) const { return score > threshold_; }

    /// Inserts when `score` beats the threshold; returns whether it did.
    bool insert(float score, std::uint64_t key) {
        if (!would_enter(score) || k_ == 0) {
            return false;
        }
        if (heap_.size() == k_) {
            std::pop_heap(heap_.begin(), heap_.end(), min_first);
            heap_.back() = ScoredDoc{score, key};
        } else {
            heap_.push_back(ScoredDoc{score, key});
        }
        std::push_heap(heap_.begin(), heap_.end(), min_first);
        if (heap_.size() == k_) {
            threshold_ = std::max(threshold_, heap_.front().score);
        }
        return true;
    }

    float threshold() const { return threshold_; }
    /// Raises the threshold to `floor` (never lowers it): for a bound known to be at most the
    /// final k-th best score, such as a seed from the query's rarest lists.
    void raise_threshold(float floor) { threshold_ = std::max(threshold_, floor); }
    std::size_t size() const { return heap_.size(); }
    std::size_t capacity() const { return k_; }

    void finalize() {
        std::sort(heap_.begin(), heap_.end(), [](const ScoredDoc& a, const ScoredDoc& b) {
            return a.score != b.score ? a.score > b.score : a.key < b.key;
        });
    }
    const std::vector<ScoredDoc>& results() const { return heap_; }

  private:
    // Heap order: the lowest score (and among equals the latest key) on top, to be evicted first.
    static bool min_first(const ScoredDoc& a, const ScoredDoc& b) {
        return a.score != b.score ? a.score > b.score : a.key < b.key;
    }

    std::size_t k_ = 0;
    float threshold_ = 0;
    std::vector<ScoredDoc> heap_;
};

}  // namespace iskra::search
