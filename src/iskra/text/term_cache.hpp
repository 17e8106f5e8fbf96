#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iskra::text {

/// A bounded map from words to their index terms, so that the analyzer folds and stems each
/// distinct word once. Open addressing over one flat byte arena: a lookup is one hash, one probe
/// sequence and one memcmp, with no allocation. When full it forgets everything and starts over,
/// which keeps memory bounded on text with an unbounded vocabulary.
class TermCache {
  public:
    explicit TermCache(std::size_t max_entries = 1 << 16);

    /// The cached term for `word` (valid until the next insert), if any.
    std::optional<std::string_view> find(std::string_view word, std::uint64_t hash) const;
    /// Adds `word` -> `term`; returns the stored term.
    std::string_view insert(std::string_view word, std::uint64_t hash, std::string_view term);

    std::size_t size() const { return size_; }

    static std::uint64_t hash(std::string_view word);

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t key_offset = 0;
        std::uint32_t term_offset = 0;
        std::uint16_t key_length = 0;
        std::uint16_t term_length = 0;
        bool used = false;
    };
    void clear();
    void grow();

    std::size_t max_entries_;
    std::vector<Slot> slots_;
    std::string arena_;
    std::size_t size_ = 0;
};

}  // namespace iskra::text
