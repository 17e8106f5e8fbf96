#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "iskra/index/posting_cursor_concept.hpp"

namespace iskra::search::testing {

/// One posting of an in-memory list.
struct VectorPosting {
    index::DocId doc = 0;
    std::uint32_t freq = 0;
    std::vector<std::uint32_t> positions;  ///< empty: freq positions are not needed
};

/// The postings of one term plus the document lengths of its field, shared by its cursors.
struct VectorList {
    std::vector<VectorPosting> postings;  ///< ascending doc
};

/// A test fixture: a PostingCursor over a vector, with block-max data over blocks of
/// `block_size` postings computed exactly as the index would (largest freq, smallest length).
class VectorCursor {
  public:
    /// `list` and `lengths` must outlive the cursor.
    VectorCursor(const VectorList& list,
                 std::span<const std::uint32_t> lengths,
                 std::size_t block_size = 4)
        : list_(&list), lengths_(lengths), block_size_(block_size) {
        for (const VectorPosting& posting : list.postings) {
            max_freq_ = std::max(max_freq_, posting.freq);
            min_length_ = std::min(min_length_, lengths_[posting.doc]);
        }
    }

    index::DocId doc() const {
        return pos_ < size() ? list_->postings[pos_].doc : index::kEndOfPostings;
    }
    void next() {
        ++pos_;
        shallow_block_ = pos_ / block_size_;
    }
    void advance(index::DocId target) {
        while (pos_ < size() && list_->postings[pos_].doc < target) {
            ++pos_;
        }
        shallow_block_ = pos_ / block_size_;
    }
    std::uint32_t freq() const { return list_->postings[pos_].freq; }
    std::span<const std::uint32_t> positions() { return list_->postings[pos_].positions; }
    std::uint32_t doc_freq() const { return static_cast<std::uint32_t>(size()); }

    void advance_shallow(index::DocId target) {
        std::size_t block = shallow_block_;
        while (block < block_count() && block_last(block) < target) {
            ++block;
        }
        shallow_block_ = block;
    }
    index::DocId block_last_doc() const {
        return shallow_block_ < block_count() ? block_last(shallow_block_) : index::kEndOfPostings;
    }
    std::uint32_t block_max_freq() const {
        std::uint32_t best = 0;
        for_block([&](const VectorPosting& p) { best = std::max(best, p.freq); });
        return best;
    }
    std::uint32_t block_min_length() const {
        std::uint32_t best = UINT32_MAX;
        for_block([&](const VectorPosting& p) { best = std::min(best, lengths_[p.doc]); });
        return best;
    }
    std::uint32_t max_freq() const { return max_freq_; }
    std::uint32_t min_length() const { return min_length_; }

  private:
    std::size_t size() const { return list_->postings.size(); }
    std::size_t block_count() const { return (size() + block_size_ - 1) / block_size_; }
    index::DocId block_last(std::size_t block) const {
        return list_->postings[std::min(size(), (block + 1) * block_size_) - 1].doc;
    }
    template <typename F>
    void for_block(F&& f) const {
        if (shallow_block_ >= block_count()) {
            return;
        }
        const std::size_t end = std::min(size(), (shallow_block_ + 1) * block_size_);
        for (std::size_t i = shallow_block_ * block_size_; i < end; ++i) {
            f(list_->postings[i]);
        }
    }

    const VectorList* list_;
    std::span<const std::uint32_t> lengths_;
    std::size_t block_size_;
    std::size_t pos_ = 0;
    std::size_t shallow_block_ = 0;
    std::uint32_t max_freq_ = 0;
    std::uint32_t min_length_ = UINT32_MAX;
};

static_assert(index::PostingCursor<VectorCursor>);

}  // namespace iskra::search::testing
