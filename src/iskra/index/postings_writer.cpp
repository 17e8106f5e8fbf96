#include "iskra/index/postings_writer.hpp"

#include <algorithm>
#include <limits>

#include "iskra/index/pfor_codec.hpp"
#include "iskra/util/assert.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {}  // namespace

void PostingsWriter::begin_term(std::span<const std::uint32_t> lengths) {
    lengths_ = lengths;
    info_ = TermInfo{};
    info_.min_length = std::numeric_limits<std::uint32_t>::max();
    info_.doc_offset = docs_out_.size();
    info_.pos_offset = pos_out_.size();
    pos_term_begin_ = pos_out_.size();
    prev_last_doc_ = 0;
    count_ = 0;
    block_max_freq_ = 0;
    block_min_length_ = std::numeric_limits<std::uint32_t>::max();
    pos_gaps_.clear();
    skips_.clear();
    blocks_.clear();
}

void PostingsWriter::add(DocId doc, std::uint32_t freq, std::span<const std::uint32_t> positions) {
    ISKRA_ASSERT(freq >= positions.size() && !positions.empty(),
                 "a posting needs positions and a freq at least their count");
    ISKRA_ASSERT(info_.doc_freq == 0 || doc > last_doc_, "postings must be added in doc order");
    last_doc_ = doc;
    docs_[count_] = doc;
    freqs_[count_] = freq - 1;
    // The position count as its difference from freq: 0 for Field::Title and for most Field::All
    // postings (2 x title_tf there), so it costs next to nothing.
    pos_counts_[count_] = freq - static_cast<std::uint32_t>(positions.size());
    // First position as is, then gaps minus one (positions are strictly ascending).
    std::uint32_t previous = 0xFFFFFFFFu;
    for (std::uint32_t position : positions) {
        pos_gaps_.push_back(position - previous - 1);
        previous = position;
    }
    std::uint32_t length = doc < lengths_.size() ? lengths_[doc] : 0;
    block_max_freq_ = std::max(block_max_freq_, freq);
    block_min_length_ = std::min(block_min_length_, length);
    ++info_.doc_freq;
    info_.total_freq += freq;
    if (++count_ == kPostingBlockSize) {
        flush_block();
    }
}

void PostingsWriter::flush_block() {
    if (count_ == 0) {
        return;
    }
    std::uint64_t pos_begin = pos_out_.size() - pos_term_begin_;
    util::ByteWriter skip;
    skip.put_u32(docs_[count_ - 1]);
    skip.put_u32(static_cast<std::uint32_t>(blocks_.size()));
    skip.put_u32(block_max_freq_);
    skip.put_u32(block_min_length_);
    skip.put_u64(pos_begin);
    skips_ += skip.data();

    // Doc ids as gaps minus one from the previous doc (the block's first from the previous
    // block's last doc, or from "-1" for the first block).
    std::array<std::uint32_t, kPostingBlockSize> gaps{};
    std::uint32_t previous = skips_.size() == kSkipEntryBytes ? 0xFFFFFFFFu : prev_last_doc_;
    for (std::uint32_t i = 0; i < count_; ++i) {
        gaps[i] = docs_[i] - previous - 1;
        previous = docs_[i];
    }
    pfor_encode(gaps.data(), count_, blocks_);
    pfor_encode(freqs_.data(), count_, blocks_);

    scratch_.clear();
    pfor_encode(pos_counts_.data(), count_, scratch_);
    for (std::size_t chunk = 0; chunk < pos_gaps_.size(); chunk += kPositionChunk) {
        auto size = static_cast<std::uint32_t>(
            std::min<std::size_t>(kPositionChunk, pos_gaps_.size() - chunk));
        pfor_encode(pos_gaps_.data() + chunk, size, scratch_);
    }
    pos_out_.append(scratch_);

    info_.max_freq = std::max(info_.max_freq, block_max_freq_);
    info_.min_length = std::min(info_.min_length, block_min_length_);
    prev_last_doc_ = docs_[count_ - 1];
    count_ = 0;
    block_max_freq_ = 0;
    block_min_length_ = std::numeric_limits<std::uint32_t>::max();
    pos_gaps_.clear();
}

TermInfo PostingsWriter::end_term() {
    ISKRA_ASSERT(info_.doc_freq > 0, "end_term() on an empty list");
    flush_block();
    if (skips_.size() > kSkipEntryBytes) {
        docs_out_.append(skips_);
    }
    docs_out_.append(blocks_);
    return info_;
}

}  // namespace iskra::index
