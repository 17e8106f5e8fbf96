#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iskra::text {

/// A bounded map from words to their index terms, so that the analyzer folds and stems each
/// distinct word once.
///
/// Open addressing with 16-byte slots over one flat byte arena, grown by doubling at half load so
/// that a small vocabulary stays in cache. When full it forgets everything and starts over, so
/// memory stays bounded on text with an unbounded vocabulary. No allocation on a hit. (A small
/// direct-mapped front level for the most frequent words was tried and measured slower.)
class TermCache {
  public:
    explicit TermCache(std::size_t max_entries = 1 << 16);

    /// The cached term for `word` (valid until the next call), if any.
    std::optional<std::string_view> find(std::string_view word, std::uint64_t hash) const;
    /// Adds `word` -> `term`; returns the stored term (valid until the next call).
    std::string_view insert(std::string_view word, std::uint64_t hash, std::string_view term);

    std::size_t size() const { return size_; }

    /// A fast hash for short strings (words); not for anything persistent.
    static std::uint64_t hash(std::string_view word);

  private:
    struct Slot {
        std::uint32_t hash_high = 0;  // the hash's upper half, to reject most mismatches
        std::uint32_t key_offset = 0;
        std::uint32_t term_offset = 0;
        std::uint8_t key_length = 0;  // 0: empty (the empty word is never cached)
        std::uint8_t term_length = 0;
        std::uint16_t unused = 0;
    };

    void clear();
    void grow();

    std::size_t max_entries_;
    std::vector<Slot> slots_;
    std::string arena_;
    std::size_t size_ = 0;
};

}  // namespace iskra::text
