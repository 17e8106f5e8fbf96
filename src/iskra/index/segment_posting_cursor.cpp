#include "iskra/index/segment_posting_cursor.hpp"

#include <algorithm>

#include "iskra/index/pfor_codec.hpp"
#include "iskra/index/postings_writer.hpp"
#include "iskra/index/varint.hpp"

namespace iskra::index {

namespace {

// Field offsets inside a skip entry (see PostingsWriter).
constexpr std::size_t kSkipLastDoc = 0;
constexpr std::size_t kSkipDocBegin = 4;
constexpr std::size_t kSkipMaxFreq = 8;
constexpr std::size_t kSkipMinLength = 12;
constexpr std::size_t kSkipPosBegin = 16;

}  // namespace

SegmentPostingCursor::SegmentPostingCursor(const std::uint8_t* docs,
                                           const std::uint8_t* positions,
                                           const TermInfo& info)
    : positions_base_(positions), info_(info) {
    block_count_ = (info.doc_freq + kPostingBlockSize - 1) / kPostingBlockSize;
    if (block_count_ > 1) {
        skips_ = docs;
        blocks_ = docs + static_cast<std::size_t>(block_count_) * kSkipEntryBytes;
    } else {
        blocks_ = docs;
    }
    load_block(0);
    if (skips_ == nullptr && block_size_ > 0) {
        last_doc_ = docs_[block_size_ - 1];
    }
}

DocId SegmentPostingCursor::block_last_doc_of(std::uint32_t block) const {
    if (skips_ == nullptr) {
        return last_doc_;
    }
    return load_unaligned<std::uint32_t>(skips_ + block * kSkipEntryBytes + kSkipLastDoc);
}

std::uint32_t SegmentPostingCursor::find_block(std::uint32_t from, DocId target) const {
    // First block in [from, block_count_) whose last doc is >= target.
    std::uint32_t low = from;
    std::uint32_t high = block_count_;
    while (low < high) {
        std::uint32_t mid = low + (high - low) / 2;
        if (block_last_doc_of(mid) < target) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}

void SegmentPostingCursor::load_block(std::uint32_t block) {
    if (block >= block_count_) {
        set_end();
        return;
    }
    std::uint32_t size = block + 1 < block_count_
                             ? kPostingBlockSize
                             : info_.doc_freq - (block_count_ - 1) * kPostingBlockSize;
    const std::uint8_t* in = blocks_;
    DocId previous = 0xFFFFFFFFu;  // doc ids are stored as gaps minus one
    if (skips_ != nullptr) {
        in += load_unaligned<std::uint32_t>(skips_ + block * kSkipEntryBytes + kSkipDocBegin);
        if (block > 0) {
            previous = block_last_doc_of(block - 1);
        }
    }
    in = pfor_decode(in, size, docs_.data());
    for (std::uint32_t i = 0; i < size; ++i) {
        previous += docs_[i] + 1;
        docs_[i] = previous;
    }
    pfor_decode(in, size, freqs_.data());
    for (std::uint32_t i = 0; i < size; ++i) {
        freqs_[i] += 1;
    }
    docs_[size] = kEndOfPostings;
    freqs_[size] = 0;
    block_ = block;
    shallow_block_ = block;
    block_size_ = size;
    index_ = 0;
    doc_ = docs_[0];
}

void SegmentPostingCursor::set_end() {
    block_ = block_count_;
    shallow_block_ = block_count_;
    block_size_ = 0;
    index_ = 0;
    docs_[0] = kEndOfPostings;
    freqs_[0] = 0;
    doc_ = kEndOfPostings;
}

std::uint32_t SegmentPostingCursor::block_max_freq() const {
    if (shallow_block_ >= block_count_) {
        return 0;
    }
    if (skips_ == nullptr) {
        return info_.max_freq;
    }
    return load_unaligned<std::uint32_t>(skips_ + shallow_block_ * kSkipEntryBytes + kSkipMaxFreq);
}

std::uint32_t SegmentPostingCursor::block_min_length() const {
    if (shallow_block_ >= block_count_) {
        return info_.min_length;
    }
    if (skips_ == nullptr) {
        return info_.min_length;
    }
    return load_unaligned<std::uint32_t>(skips_ + shallow_block_ * kSkipEntryBytes
                                         + kSkipMinLength);
}

std::span<const std::uint32_t> SegmentPostingCursor::positions() {
    if (doc_ == kEndOfPostings) {
        return {};
    }
    if (positions_block_ != block_) {
        begin_positions_block();
    }
    const std::uint32_t begin = position_starts_[index_];
    const std::uint32_t end = position_starts_[index_ + 1];
    std::uint64_t& summed = positions_summed_[index_ / 64];
    const std::uint64_t bit = std::uint64_t{1} << (index_ % 64);
    if (begin < end && (summed & bit) == 0) {
        for (std::uint32_t chunk = begin / kPositionChunk; chunk <= (end - 1) / kPositionChunk;
             ++chunk) {
            decode_position_chunk(chunk);
        }
        std::uint32_t running = 0xFFFFFFFFu;  // first position as is, then gaps minus one
        for (std::uint32_t p = begin; p < end; ++p) {
            running += positions_[p] + 1;
            positions_[p] = running;
        }
        summed |= bit;
    }
    return {positions_.data() + begin, end - begin};
}

void SegmentPostingCursor::begin_positions_block() {
    const std::uint8_t* in = positions_base_;
    if (skips_ != nullptr) {
        in += load_unaligned<std::uint64_t>(skips_ + block_ * kSkipEntryBytes + kSkipPosBegin);
    }
    // freq - count land in position_starts_[1..] and become exclusive prefix sums in place.
    in = pfor_decode(in, block_size_, position_starts_.data() + 1);
    position_starts_[0] = 0;
    for (std::uint32_t i = 1; i <= block_size_; ++i) {
        position_starts_[i] = position_starts_[i - 1] + freqs_[i - 1] - position_starts_[i];
    }
    const std::uint32_t total = position_starts_[block_size_];
    positions_.resize(total);
    chunk_begin_.assign(1, in);
    chunk_decoded_.assign((total + kPositionChunk - 1) / kPositionChunk, 0);
    positions_summed_.fill(0);
    positions_block_ = block_;
}

void SegmentPostingCursor::decode_position_chunk(std::uint32_t chunk) {
    if (chunk_decoded_[chunk] != 0) {
        return;
    }
    const auto total = static_cast<std::uint32_t>(positions_.size());
    const auto chunk_size = [&](std::uint32_t c) {
        return std::min(kPositionChunk, total - c * kPositionChunk);
    };
    while (chunk_begin_.size() <= chunk) {
        const auto known = static_cast<std::uint32_t>(chunk_begin_.size() - 1);
        chunk_begin_.push_back(pfor_skip(chunk_begin_.back(), chunk_size(known)));
    }
    // Decode beside the output: the decoder's slack would overwrite the next chunk's values.
    std::array<std::uint32_t, kPositionChunk + kPforOutputSlack> values;
    const std::uint32_t count = chunk_size(chunk);
    const std::uint8_t* next = pfor_decode(chunk_begin_[chunk], count, values.data());
    if (chunk_begin_.size() == chunk + 1) {
        chunk_begin_.push_back(next);
    }
    std::copy_n(values.data(), count, positions_.data() + std::size_t{chunk} * kPositionChunk);
    chunk_decoded_[chunk] = 1;
}

}  // namespace iskra::index
