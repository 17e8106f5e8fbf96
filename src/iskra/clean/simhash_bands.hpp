#pragma once

#include <cstdint>
#include <vector>

namespace iskra::clean {

/// SimHashes indexed by 4 bands of 16 bits: two hashes within Hamming distance 3 share a band
/// (pigeonhole), so a near-match query reads only the hashes of its own 4 band values. The band
/// values index the buckets directly (no hashing), and each bucket is contiguous: sparse
/// SimHashes of short texts crowd a few buckets, which then scan at memory speed.
class SimHashBands {
  public:
    /// Whether a hash added before is within `max_bits` (at most 3) of `simhash`.
    bool near(std::uint64_t simhash, int max_bits) const;
    void add(std::uint64_t simhash);

  private:
    static std::size_t slot(std::uint64_t simhash, int band) {
        return (static_cast<std::size_t>(band) << 16) | ((simhash >> (16 * band)) & 0xFFFFu);
    }

    std::vector<std::vector<std::uint64_t>> buckets_;  ///< 4 << 16 once anything is added
};

}  // namespace iskra::clean
