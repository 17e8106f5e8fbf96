#include "iskra/text/term_cache.hpp"

#include <algorithm>
#include <cstring>

#include "iskra/util/assert.hpp"

namespace iskra::text {

namespace {

constexpr std::size_t kInitialSlots = 1024;

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return x;
}

}  // namespace

// The table starts small and doubles at half load, so that a small vocabulary stays in cache.
TermCache::TermCache(std::size_t max_entries)
    : max_entries_(std::clamp<std::size_t>(max_entries, 16, std::size_t{1} << 30)),
      slots_(kInitialSlots) {}

// 8 bytes at a time, multiply-xorshift mixing (splitmix64's finalizer): words are short, so a
// call into a general-purpose hash costs more than the hashing.
std::uint64_t TermCache::hash(std::string_view word) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ word.size();
    std::size_t pos = 0;
    for (; pos + 8 <= word.size(); pos += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, word.data() + pos, 8);
        h = mix(h ^ chunk) * 0x94D049BB133111EBull;
    }
    if (pos < word.size()) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, word.data() + pos, word.size() - pos);
        h = mix(h ^ chunk) * 0x94D049BB133111EBull;
    }
    return mix(h);
}

std::optional<std::string_view> TermCache::find(std::string_view word, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const auto hash_high = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t idx = hash & mask;; idx = (idx + 1) & mask) {
        const Slot& slot = slots_[idx];
        if (slot.key_length == 0) {
            return std::nullopt;
        }
        if (slot.hash_high == hash_high && slot.key_length == word.size()
            && std::memcmp(arena_.data() + slot.key_offset, word.data(), word.size()) == 0) {
            return std::string_view(arena_.data() + slot.term_offset, slot.term_length);
        }
    }
}

std::string_view TermCache::insert(std::string_view word,
                                   std::uint64_t hash,
                                   std::string_view term) {
    if (word.empty() || word.size() > UINT8_MAX || term.size() > UINT8_MAX) {
        return term;  // not cached (the analyzer never asks for such words)
    }
    if (size_ >= max_entries_ || arena_.size() + word.size() + term.size() > UINT32_MAX) {
        clear();
    } else if ((size_ + 1) * 2 > slots_.size()) {
        grow();
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t idx = hash & mask;
    while (slots_[idx].key_length != 0) {
        idx = (idx + 1) & mask;
    }
    Slot& slot = slots_[idx];
    slot.hash_high = static_cast<std::uint32_t>(hash >> 32);
    slot.key_offset = static_cast<std::uint32_t>(arena_.size());
    slot.key_length = static_cast<std::uint8_t>(word.size());
    arena_.append(word);
    slot.term_offset = static_cast<std::uint32_t>(arena_.size());
    slot.term_length = static_cast<std::uint8_t>(term.size());
    arena_.append(term);
    ++size_;
    return {arena_.data() + slot.term_offset, term.size()};
}

// Re-inserting needs the full hash, which slots do not keep: rehash the key from the arena.
void TermCache::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.key_length == 0) {
            continue;
        }
        const std::uint64_t full =
            hash(std::string_view(arena_.data() + slot.key_offset, slot.key_length));
        std::size_t idx = full & mask;
        while (slots_[idx].key_length != 0) {
            idx = (idx + 1) & mask;
        }
        slots_[idx] = slot;
    }
}

void TermCache::clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    arena_.clear();
    size_ = 0;
}

}  // namespace iskra::text
