#pragma once

#include <cstdint>
#include <vector>

namespace iskra::clean {

/// Open-addressing hash map from 64-bit keys (hashes, packed words) to 32-bit values: one flat
/// array probed linearly, so a lookup costs one cache miss where std::unordered_map costs two or
/// three. Keys are mixed before use, so patterned keys spread well.
class FlatU64Map {
  public:
    /// The value of `key`, inserted as 0 when absent.
    std::uint32_t& operator[](std::uint64_t key) {
        if (key == 0) {
            has_zero_ = true;
            return zero_value_;
        }
        if ((size_ + 1) * 4 > slots_.size() * 3) {
            grow();
        }
        Slot& slot = slots_[find_slot(key)];
        if (slot.key == 0) {
            slot.key = key;
            ++size_;
        }
        return slot.value;
    }

    /// The value of `key`, or nullptr.
    const std::uint32_t* find(std::uint64_t key) const {
        if (key == 0) {
            return has_zero_ ? &zero_value_ : nullptr;
        }
        if (slots_.empty()) {
            return nullptr;
        }
        const Slot& slot = slots_[find_slot(key)];
        return slot.key == key ? &slot.value : nullptr;
    }

    bool contains(std::uint64_t key) const { return find(key) != nullptr; }

    /// Calls `fn(key, value)` for every entry, in no particular order.
    template <typename Fn>
    void for_each(Fn&& fn) const {
        if (has_zero_) {
            fn(std::uint64_t{0}, zero_value_);
        }
        for (const Slot& slot : slots_) {
            if (slot.key != 0) {
                fn(slot.key, slot.value);
            }
        }
    }

    std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  private:
    struct Slot {
        std::uint64_t key = 0;  ///< 0 marks an empty slot (key 0 lives in `zero_value_`)
        std::uint32_t value = 0;
    };

    static std::uint64_t mix(std::uint64_t key) {
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdull;
        key ^= key >> 33;
        return key;
    }

    std::size_t find_slot(std::uint64_t key) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = static_cast<std::size_t>(mix(key)) & mask;
        while (slots_[at].key != 0 && slots_[at].key != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        for (const Slot& slot : old) {
            if (slot.key != 0) {
                slots_[find_slot(slot.key)] = slot;
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
    bool has_zero_ = false;
    std::uint32_t zero_value_ = 0;
};

}  // namespace iskra::clean
