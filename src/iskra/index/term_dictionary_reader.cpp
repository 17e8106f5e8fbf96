#include "iskra/index/term_dictionary_reader.hpp"

#include <algorithm>

#include "iskra/index/term_dictionary_writer.hpp"
#include "iskra/index/varint.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {
constexpr std::size_t kTrailerBytes = 24;
}

Result<TermDictionaryReader> TermDictionaryReader::open(std::string_view content,
                                                        std::string_view what) {
    auto fail = [&](std::string_view why) {
        return Status::corruption(std::string(what) + ": " + std::string(why));
    };
    if (content.size() < kTrailerBytes) {
        return fail("too short for a dictionary trailer");
    }
    util::ByteReader trailer(content.substr(content.size() - kTrailerBytes), what);
    std::uint64_t index_offset = *trailer.u64();
    std::uint64_t block_count = *trailer.u64();
    TermDictionaryReader reader;
    reader.term_count_ = *trailer.u64();
    if (index_offset > content.size() - kTrailerBytes
        || block_count != (content.size() - kTrailerBytes - index_offset) / 8
        || block_count != (reader.term_count_ + kTermsPerBlock - 1) / kTermsPerBlock) {
        return fail("inconsistent block index");
    }
    reader.content_ = content;
    util::ByteReader index(content.substr(index_offset, block_count * 8), what);
    reader.block_offsets_.reserve(block_count);
    reader.first_keys_.reserve(block_count);
    const auto* base = reinterpret_cast<const std::uint8_t*>(content.data());
    const auto* end = base + index_offset;
    for (std::uint64_t block = 0; block < block_count; ++block) {
        std::uint64_t offset = *index.u64();
        if (offset >= index_offset) {
            return fail("block offset out of range");
        }
        const std::uint8_t* p = base + offset;
        std::uint64_t shared = read_varint(p, end);
        std::uint64_t size = read_varint(p, end);
        if (shared != 0 || size > static_cast<std::uint64_t>(end - p)) {
            return fail("bad first key of block " + std::to_string(block));
        }
        reader.block_offsets_.push_back(offset);
        reader.first_keys_.emplace_back(reinterpret_cast<const char*>(p), size);
    }
    return reader;
}

void TermDictionaryReader::decode_entry(std::uint64_t& offset,
                                        bool block_start,
                                        std::string& key,
                                        TermInfo& info) const {
    const auto* base = reinterpret_cast<const std::uint8_t*>(content_.data());
    const std::uint8_t* p = base + offset;
    const std::uint8_t* end = base + content_.size();
    std::uint64_t shared = read_varint(p, end);
    std::uint64_t size = read_varint(p, end);
    shared = std::min<std::uint64_t>(shared, key.size());
    size = std::min<std::uint64_t>(size, static_cast<std::uint64_t>(end - p));
    key.resize(shared);
    key.append(reinterpret_cast<const char*>(p), size);
    p += size;
    std::uint64_t doc_base = block_start ? 0 : info.doc_offset;
    std::uint64_t pos_base = block_start ? 0 : info.pos_offset;
    info.doc_freq = static_cast<std::uint32_t>(read_varint(p, end));
    info.total_freq = read_varint(p, end);
    info.doc_offset = doc_base + read_varint(p, end);
    info.pos_offset = pos_base + read_varint(p, end);
    info.max_freq = static_cast<std::uint32_t>(read_varint(p, end));
    info.min_length = static_cast<std::uint32_t>(read_varint(p, end));
    offset = static_cast<std::uint64_t>(p - base);
}

std::uint64_t TermDictionaryReader::block_for(std::string_view key) const {
    auto it = std::upper_bound(first_keys_.begin(), first_keys_.end(), key);
    return it == first_keys_.begin() ? 0 : static_cast<std::uint64_t>(it - first_keys_.begin() - 1);
}

std::optional<TermInfo> TermDictionaryReader::find(std::string_view key) const {
    if (first_keys_.empty()) {
        return std::nullopt;
    }
    std::uint64_t block = block_for(key);
    std::uint64_t offset = block_offsets_[block];
    std::uint64_t entries =
        std::min<std::uint64_t>(kTermsPerBlock, term_count_ - block * kTermsPerBlock);
    std::string current;
    TermInfo info;
    for (std::uint64_t i = 0; i < entries; ++i) {
        decode_entry(offset, i == 0, current, info);
        if (current == key) {
            return info;
        }
        if (std::string_view(current) > key) {
            break;
        }
    }
    return std::nullopt;
}

TermIterator TermDictionaryReader::seek(std::string_view prefix) const {
    TermIterator it;
    it.dictionary_ = this;
    it.prefix_.assign(prefix);
    it.done_ = first_keys_.empty();
    it.block_ = first_keys_.empty() ? 0 : block_for(prefix);
    it.offset_ = first_keys_.empty() ? 0 : block_offsets_[it.block_];
    it.in_block_ = 0;
    return it;
}

bool TermIterator::next() {
    if (dictionary_ == nullptr) {
        return false;
    }
    const TermDictionaryReader& dict = *dictionary_;
    while (!done_) {
        if (in_block_ == kTermsPerBlock) {
            ++block_;
            in_block_ = 0;
            if (block_ >= dict.block_offsets_.size()) {
                done_ = true;
                return false;
            }
            offset_ = dict.block_offsets_[block_];
        }
        if (block_ * kTermsPerBlock + in_block_ >= dict.term_count_) {
            done_ = true;
            return false;
        }
        dict.decode_entry(offset_, in_block_ == 0, key_, info_);
        ++in_block_;
        std::string_view key(key_);
        if (key.substr(0, prefix_.size()) == prefix_) {
            return true;
        }
        if (key > std::string_view(prefix_)) {
            done_ = true;
        }
    }
    return false;
}

}  // namespace iskra::index
