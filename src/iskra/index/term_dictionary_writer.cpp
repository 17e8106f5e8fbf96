#include "iskra/index/term_dictionary_writer.hpp"

#include <algorithm>

#include "iskra/index/varint.hpp"
#include "iskra/util/assert.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

void TermDictionaryWriter::add(std::string_view key, const TermInfo& info) {
    ISKRA_ASSERT(term_count_ == 0 || key > previous_key_, "dictionary keys must ascend");
    bool block_start = term_count_ % kTermsPerBlock == 0;
    std::size_t shared = 0;
    if (block_start) {
        block_offsets_.push_back(out_.size());
    } else {
        std::size_t limit = std::min(key.size(), previous_key_.size());
        while (shared < limit && key[shared] == previous_key_[shared]) {
            ++shared;
        }
    }
    entry_.clear();
    append_varint(entry_, shared);
    append_varint(entry_, key.size() - shared);
    entry_.append(key.substr(shared));
    append_varint(entry_, info.doc_freq);
    append_varint(entry_, info.total_freq);
    std::uint64_t doc_base = block_start ? 0 : previous_info_.doc_offset;
    std::uint64_t pos_base = block_start ? 0 : previous_info_.pos_offset;
    append_varint(entry_, info.doc_offset - doc_base);
    append_varint(entry_, info.pos_offset - pos_base);
    append_varint(entry_, info.max_freq);
    append_varint(entry_, info.min_length);
    out_.append(entry_);
    previous_key_.assign(key);
    previous_info_ = info;
    ++term_count_;
}

void TermDictionaryWriter::finish() {
    util::ByteWriter index;
    std::uint64_t index_offset = out_.size();
    for (std::uint64_t offset : block_offsets_) {
        index.put_u64(offset);
    }
    index.put_u64(index_offset);
    index.put_u64(block_offsets_.size());
    index.put_u64(term_count_);
    out_.append(index.data());
}

}  // namespace iskra::index
