#include "iskra/index/postings_writer.hpp"

#include <algorithm>
#include <limits>

#include <streamvbyte.h>
#include <streamvbytedelta.h>

#include "iskra/util/assert.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {

// Appends `values` StreamVByte-encoded to `out` (0124 flavour when `zero_heavy`).
void append_svb(std::string& out, std::span<const std::uint32_t> values, bool zero_heavy) {
    auto count = static_cast<std::uint32_t>(values.size());
    std::size_t old_size = out.size();
    out.resize(old_size + streamvbyte_max_compressedbytes(count));
    auto* dest = reinterpret_cast<std::uint8_t*>(out.data() + old_size);
    std::size_t used = zero_heavy ? streamvbyte_encode_0124(values.data(), count, dest)
                                  : streamvbyte_encode(values.data(), count, dest);
    out.resize(old_size + used);
}

}  // namespace

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
    ISKRA_ASSERT(freq >= 1 && !positions.empty(), "a posting needs a freq and positions");
    ISKRA_ASSERT(info_.doc_freq == 0 || doc > last_doc_, "postings must be added in doc order");
    last_doc_ = doc;
    docs_[count_] = doc;
    freqs_[count_] = freq - 1;
    pos_counts_[count_] = static_cast<std::uint32_t>(positions.size() - 1);
    std::uint32_t previous = 0;
    for (std::uint32_t position : positions) {
        pos_gaps_.push_back(position - previous);
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

    std::size_t old_size = blocks_.size();
    blocks_.resize(old_size + streamvbyte_max_compressedbytes(count_));
    auto* dest = reinterpret_cast<std::uint8_t*>(blocks_.data() + old_size);
    std::size_t used = streamvbyte_delta_encode(docs_.data(), count_, dest, prev_last_doc_);
    blocks_.resize(old_size + used);
    append_svb(blocks_, std::span(freqs_.data(), count_), true);

    scratch_.clear();
    append_svb(scratch_, std::span(pos_counts_.data(), count_), true);
    append_svb(scratch_, pos_gaps_, false);
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
