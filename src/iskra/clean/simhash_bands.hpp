#pragma once

#include <cstdint>
#include <vector>

namespace iskra::clean {

/// SimHashes indexed by 4 bands of 16 bits: two hashes within Hamming distance 3 share a band
/// (pigeonhole), so a near-match query reads only the hashes of its own 4 band values. Each band
/// value heads a chain in one node array: a query costs a handful of cache misses, no hashing.
class SimHashBands {
  public:
    /// Whether a hash added before is within `max_bits` (at most 3) of `simhash`.
    bool near(std::uint64_t simhash, int max_bits) const;
    void add(std::uint64_t simhash);

  private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    static std::size_t slot(std::uint64_t simhash, int band) {
        return (static_cast<std::size_t>(band) << 16) | ((simhash >> (16 * band)) & 0xFFFFu);
    }

    struct Node {
        std::uint64_t simhash;
        std::uint32_t next;
    };
    std::vector<std::uint32_t> heads_;  ///< 4 << 16 chain heads once anything is added
    std::vector<Node> nodes_;
};

}  // namespace iskra::clean
