#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/util/checksum.hpp"

namespace iskra::index {

/// Interns terms to dense ids 0, 1, 2... for the in-memory inverter: open addressing with linear
/// probing over a power-of-two slot array kept at most half full. A slot holds the id and the
/// hash's high 32 bits, so a probe touches the term's string only on a likely match.
class TermTable {
  public:
    TermTable() : slots_(kInitialSlots, 0) {}

    /// The id of `term`, inserting it when new (then `inserted` is set).
    std::uint32_t intern(std::string_view term, bool& inserted) {
        std::uint64_t hash = util::hash64(term);
        auto tag = static_cast<std::uint32_t>(hash >> 32);
        std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            std::uint64_t entry = slots_[slot];
            if (entry == 0) {
                inserted = true;
                auto id = static_cast<std::uint32_t>(terms_.size());
                terms_.emplace_back(term);
                hashes_.push_back(hash);
                slots_[slot] = make_slot(tag, id);
                if (terms_.size() * 2 > slots_.size()) {
                    grow();
                }
                return id;
            }
            if (static_cast<std::uint32_t>(entry >> 32) == tag) {
                auto id = static_cast<std::uint32_t>(entry) - 1;
                if (terms_[id] == term) {
                    inserted = false;
                    return id;
                }
            }
        }
    }

    std::size_t size() const { return terms_.size(); }
    const std::string& term(std::uint32_t id) const { return terms_[id]; }
    /// Approximate heap bytes.
    std::uint64_t memory_bytes() const {
        return slots_.size() * 8 + hashes_.capacity() * 8 + terms_.capacity() * sizeof(std::string);
    }

  private:
    static constexpr std::size_t kInitialSlots = 1024;

    static std::uint64_t make_slot(std::uint32_t tag, std::uint32_t id) {
        return (static_cast<std::uint64_t>(tag) << 32) | (id + 1);
    }

    void grow() {
        std::vector<std::uint64_t> bigger(slots_.size() * 2, 0);
        std::size_t mask = bigger.size() - 1;
        for (std::uint32_t id = 0; id < terms_.size(); ++id) {
            std::size_t slot = hashes_[id] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = make_slot(static_cast<std::uint32_t>(hashes_[id] >> 32), id);
        }
        slots_.swap(bigger);
    }

    std::vector<std::uint64_t> slots_;  // 0: empty; else hash >> 32 << 32 | (id + 1)
    std::vector<std::uint64_t> hashes_;
    std::vector<std::string> terms_;
};

}  // namespace iskra::index
