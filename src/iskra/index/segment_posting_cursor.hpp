#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/index/term_info.hpp"

namespace iskra::index {

/// Documents per posting block; every block but a list's last one is full.
inline constexpr std::uint32_t kPostingBlockSize = 128;

/// A cursor over one compressed posting list of a segment; models `PostingCursor`.
///
/// The list is stored in blocks of 128 postings (docs/FORMAT.md#postings). Moving inside a block
/// is an array step; `advance()` skips whole blocks by reading only their skip entries, and
/// `advance_shallow()` moves the block-max pointer without decoding anything. Positions are
/// decoded lazily, one block at a time, the first time `positions()` is called on that block.
///
/// The cursor points into the segment's memory mappings: it is valid while the `SegmentReader`
/// (kept alive by the `Snapshot` it came from) is. It is about 1.1 KB; keep it on the stack or in
/// a vector, and move it rather than copy it.
class SegmentPostingCursor {
  public:
    /// `docs` points at the list's first byte in postings.doc, `positions` at its first byte in
    /// postings.pos. REQUIRES: info.doc_freq > 0.
    SegmentPostingCursor(const std::uint8_t* docs,
                         const std::uint8_t* positions,
                         const TermInfo& info);

    DocId doc() const { return doc_; }
    std::uint32_t freq() const { return freqs_[index_]; }
    std::uint32_t doc_freq() const { return info_.doc_freq; }
    /// Index of the current posting in the list (0-based); doc_freq() when exhausted.
    std::uint32_t posting_index() const { return block_ * kPostingBlockSize + index_; }

    void next() {
        if (++index_ < block_size_) {
            doc_ = docs_[index_];
            shallow_block_ = block_;
            return;
        }
        load_block(block_ + 1);
    }

    void advance(DocId target) {
        if (target <= doc_) {
            return;
        }
        if (target > block_last_doc_of(block_)) {
            std::uint32_t block = find_block(block_ + 1, target);
            if (block >= block_count_) {
                set_end();
                return;
            }
            load_block(block);
        }
        while (docs_[index_] < target) {
            ++index_;
        }
        doc_ = docs_[index_];
        shallow_block_ = block_;
    }

    /// Ascending positions of the term in doc(); valid until the cursor moves.
    std::span<const std::uint32_t> positions();

    /// Moves the block-max pointer to the block that would hold `target` (no decoding).
    void advance_shallow(DocId target) {
        std::uint32_t from = shallow_block_ < block_ ? block_ : shallow_block_;
        if (from >= block_count_ || target <= block_last_doc_of(from)) {
            shallow_block_ = from;
            return;
        }
        shallow_block_ = find_block(from + 1, target);
    }
    DocId block_last_doc() const {
        return shallow_block_ < block_count_ ? block_last_doc_of(shallow_block_) : kEndOfPostings;
    }
    std::uint32_t block_max_freq() const;
    std::uint32_t block_min_length() const;
    std::uint32_t max_freq() const { return info_.max_freq; }
    std::uint32_t min_length() const { return info_.min_length; }

  private:
    DocId block_last_doc_of(std::uint32_t block) const;
    std::uint32_t find_block(std::uint32_t from, DocId target) const;
    void load_block(std::uint32_t block);
    void set_end();

    const std::uint8_t* skips_ = nullptr;  // nullptr when the list has a single block
    const std::uint8_t* blocks_ = nullptr;
    const std::uint8_t* positions_base_ = nullptr;
    TermInfo info_;
    std::uint32_t block_count_ = 0;
    std::uint32_t block_ = 0;
    std::uint32_t shallow_block_ = 0;
    std::uint32_t block_size_ = 0;
    std::uint32_t index_ = 0;
    DocId doc_ = kEndOfPostings;
    DocId last_doc_ = 0;  // last doc of a single-block list
    // Positions are decoded lazily: a block's position counts on first use, then only the
    // 128-value chunks a requested document's positions lie in (phrase checks touch few of a
    // block's documents), and each document's gaps are summed once.
    void begin_positions_block();
    void decode_position_chunk(std::uint32_t chunk);

    std::uint32_t positions_block_ = 0xFFFFFFFFu;
    // Room for the PFor decoder's slack (8 values) beyond a full block and its sentinel.
    std::array<DocId, kPostingBlockSize + 9> docs_{};
    std::array<std::uint32_t, kPostingBlockSize + 9> freqs_{};
    std::array<std::uint32_t, kPostingBlockSize + 9> position_starts_{};
    std::array<std::uint64_t, kPostingBlockSize / 64> positions_summed_{};  // a bit per document
    std::vector<std::uint32_t> positions_;
    std::vector<const std::uint8_t*> chunk_begin_;  // known start of each chunk, in order
    std::vector<std::uint8_t> chunk_decoded_;
};

static_assert(PostingCursor<SegmentPostingCursor>);

}  // namespace iskra::index
