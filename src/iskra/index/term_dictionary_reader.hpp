#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/term_info.hpp"
#include "iskra/index/term_iterator.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// Reads `terms.dict` from memory (a mapping the caller keeps alive). The first key of every
/// block is held in memory (as views into the mapping) for a binary search; a lookup then decodes
/// at most one block of 32 entries.
class TermDictionaryReader {
  public:
    TermDictionaryReader() = default;
    /// `content` is the file without its footer.
    static Result<TermDictionaryReader> open(std::string_view content, std::string_view what);

    std::optional<TermInfo> find(std::string_view key) const;
    /// An iterator over the keys that start with `prefix` (a field byte at least).
    TermIterator seek(std::string_view prefix) const;
    std::uint64_t term_count() const { return term_count_; }

  private:
    friend class TermIterator;
    /// Decodes the entry at `offset` (updating key, info and offset); `block_start` resets the
    /// delta bases.
    void decode_entry(std::uint64_t& offset,
                      bool block_start,
                      std::string& key,
                      TermInfo& info) const;
    /// The block that may hold `key`: the last one whose first key is <= key (0 if none).
    std::uint64_t block_for(std::string_view key) const;

    std::string_view content_;
    std::vector<std::uint64_t> block_offsets_;
    std::vector<std::string_view> first_keys_;
    std::uint64_t term_count_ = 0;
};

}  // namespace iskra::index
