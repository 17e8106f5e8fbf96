#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "iskra/index/term_info.hpp"

namespace iskra::index {

class TermDictionaryReader;

/// Walks the terms of one field of a segment in byte order, optionally only those that start
/// with a prefix (for wildcard queries and `stats`).
///
///     for (auto it = reader.terms(Field::All, "revol"); it.next();) { use(it.term(), it.info()); }
///
/// Valid while the SegmentReader that made it is alive.
class TermIterator {
  public:
    TermIterator() = default;

    /// Moves to the next term; false when there is none (then term() and info() are unspecified).
    bool next();
    /// The current term, without the field byte. Valid until next().
    std::string_view term() const { return std::string_view(key_).substr(1); }
    const TermInfo& info() const { return info_; }

  private:
    friend class TermDictionaryReader;
    const TermDictionaryReader* dictionary_ = nullptr;
    std::string prefix_;  // field byte + term prefix
    std::uint64_t block_ = 0;
    std::uint32_t in_block_ = 0;  // entries of the block already read
    std::uint64_t offset_ = 0;    // next entry's byte offset in the dictionary file
    bool started_ = false;
    bool done_ = true;
    std::string key_;
    TermInfo info_;
};

}  // namespace iskra::index
