#include "iskra/text/term_cache.hpp"

#include <algorithm>
#include <cstring>

#include "iskra/util/assert.hpp"
#include "iskra/util/checksum.hpp"

namespace iskra::text {

namespace {

constexpr std::size_t kInitialSlots = 1024;

}  // namespace

// The table starts small and doubles at half load, so that a small vocabulary stays in cache.
TermCache::TermCache(std::size_t max_entries)
    : max_entries_(std::max<std::size_t>(max_entries, 16)), slots_(kInitialSlots) {}

std::uint64_t TermCache::hash(std::string_view word) {
    return util::hash64(word);
}

std::optional<std::string_view> TermCache::find(std::string_view word, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t idx = hash & mask;; idx = (idx + 1) & mask) {
        const Slot& slot = slots_[idx];
        if (!slot.used) {
            return std::nullopt;
        }
        if (slot.hash == hash && slot.key_length == word.size()
            && std::memcmp(arena_.data() + slot.key_offset, word.data(), word.size()) == 0) {
            return std::string_view(arena_.data() + slot.term_offset, slot.term_length);
        }
    }
}

std::string_view TermCache::insert(std::string_view word,
                                   std::uint64_t hash,
                                   std::string_view term) {
    ISKRA_ASSERT(word.size() <= UINT16_MAX && term.size() <= UINT16_MAX, "cached words are short");
    if (size_ >= max_entries_ || arena_.size() + word.size() + term.size() > UINT32_MAX) {
        clear();
    } else if ((size_ + 1) * 2 > slots_.size()) {
        grow();
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t idx = hash & mask;
    while (slots_[idx].used) {
        idx = (idx + 1) & mask;
    }
    Slot& slot = slots_[idx];
    slot.used = true;
    slot.hash = hash;
    slot.key_offset = static_cast<std::uint32_t>(arena_.size());
    slot.key_length = static_cast<std::uint16_t>(word.size());
    arena_.append(word);
    slot.term_offset = static_cast<std::uint32_t>(arena_.size());
    slot.term_length = static_cast<std::uint16_t>(term.size());
    arena_.append(term);
    ++size_;
    return {arena_.data() + slot.term_offset, slot.term_length};
}

void TermCache::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (!slot.used) {
            continue;
        }
        std::size_t idx = slot.hash & mask;
        while (slots_[idx].used) {
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
