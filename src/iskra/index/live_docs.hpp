#pragma once

#include <cstdint>
#include <vector>

#include "iskra/index/posting_cursor_concept.hpp"

namespace iskra::index {

/// The deleted documents of one segment as a dense bitset (one bit per document), built from the
/// segment's roaring deletes file when a snapshot is opened, so that `is_live()` is a shift and a
/// mask in the scoring loop.
class DeletedDocs {
  public:
    DeletedDocs() = default;
    explicit DeletedDocs(DocId doc_count) : bits_((doc_count + 63) / 64, 0) {}

    bool contains(DocId doc) const {
        std::uint64_t word = doc / 64;
        return word < bits_.size() && ((bits_[word] >> (doc % 64)) & 1u) != 0;
    }
    /// Returns true when `doc` was not deleted before. REQUIRES: doc < the constructor's count.
    bool insert(DocId doc) {
        std::uint64_t& word = bits_[doc / 64];
        std::uint64_t mask = std::uint64_t{1} << (doc % 64);
        bool fresh = (word & mask) == 0;
        word |= mask;
        count_ += fresh ? 1 : 0;
        return fresh;
    }
    std::uint32_t count() const { return count_; }
    /// The bitset's capacity in documents (a multiple of 64).
    std::uint64_t capacity() const { return bits_.size() * 64; }
    /// Calls `f(doc)` for each deleted doc, ascending.
    template <typename F>
    void for_each(F&& f) const {
        for (std::size_t word = 0; word < bits_.size(); ++word) {
            std::uint64_t bits = bits_[word];
            while (bits != 0) {
                f(static_cast<DocId>(word * 64
                                     + static_cast<std::uint64_t>(__builtin_ctzll(bits))));
                bits &= bits - 1;
            }
        }
    }

  private:
    std::vector<std::uint64_t> bits_;
    std::uint32_t count_ = 0;
};

}  // namespace iskra::index
