#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/util/checksum.hpp"

namespace iskra::index {

/// Interns terms to dense ids 0, 1, 2... for the in-memory inverter: open addressing with linear
/// probing over a power-of-two slot array kept at most half full, the full 64-bit hash kept per
/// term so that probes compare strings only on a hash match.
class TermTable {
  public:
    TermTable() : slots_(kInitialSlots, 0) {}

    /// The id of `term`, inserting it when new (then `inserted` is set).
    std::uint32_t intern(std::string_view term, bool& inserted) {
        std::uint64_t hash = util::hash64(term);
        std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            std::uint32_t entry = slots_[slot];
            if (entry == 0) {
                inserted = true;
                auto id = static_cast<std::uint32_t>(terms_.size());
                terms_.emplace_back(term);
                hashes_.push_back(hash);
                slots_[slot] = id + 1;
                if (terms_.size() * 2 > slots_.size()) {
                    grow();
                }
                return id;
            }
            if (hashes_[entry - 1] == hash && terms_[entry - 1] == term) {
                inserted = false;
                return entry - 1;
            }
        }
    }

    std::size_t size() const { return terms_.size(); }
    const std::string& term(std::uint32_t id) const { return terms_[id]; }
    /// Approximate heap bytes.
    std::uint64_t memory_bytes() const {
        return slots_.size() * 4 + hashes_.capacity() * 8 + terms_.capacity() * sizeof(std::string);
    }

  private:
    static constexpr std::size_t kInitialSlots = 1024;

    void grow() {
        std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
        std::size_t mask = bigger.size() - 1;
        for (std::uint32_t id = 0; id < terms_.size(); ++id) {
            std::size_t slot = hashes_[id] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id + 1;
        }
        slots_.swap(bigger);
    }

    std::vector<std::uint32_t> slots_;
    std::vector<std::uint64_t> hashes_;
    std::vector<std::string> terms_;
};

}  // namespace iskra::index
