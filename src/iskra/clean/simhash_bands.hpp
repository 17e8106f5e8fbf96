#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace iskra::clean {

/// 64-bit hashes indexed by bands of 16 bits: with 4 bands, two SimHashes within Hamming distance
/// 3 share a band (pigeonhole), so a near-match query reads only the hashes of its own 4 band
/// values; with 1 band and distance 0 it is an exact set. The band values index the buckets
/// directly (no hashing), and each bucket is contiguous: sparse SimHashes of short texts crowd a
/// few buckets, which then scan at memory speed.
///
/// Memory is compact and bounded by the caller. Hashes are kept in blocks: the newest block takes
/// additions (chained buckets, 8 + 4 bytes a band per hash) and is small enough to stay in cache;
/// when full it is frozen into sorted buckets that keep, per band, only the 48 bits outside the
/// band (6 bytes a band per hash, no slack). Frozen blocks of similar size are merged (up to
/// `max_block` hashes), so a query visits O(log n) blocks. `drop_oldest` forgets the oldest
/// block, for callers that must bound their memory.
class SimHashBands {
  public:
    /// Hashes of the block taking additions.
    static constexpr std::size_t kActiveBlock = std::size_t{1} << 15;

    /// `bands`: 1 to 4. `max_block`: the most hashes a merged block holds (at least
    /// `kActiveBlock`).
    explicit SimHashBands(int bands = 4, std::size_t max_block = std::size_t{1} << 22);

    /// Whether a hash added before (and not dropped) is within `max_bits` (less than the number
    /// of bands) of `hash`.
    bool near(std::uint64_t hash, int max_bits) const;
    void add(std::uint64_t hash);

    /// Hashes held.
    std::size_t size() const;
    /// Bytes held on the heap (capacities, not sizes).
    std::size_t memory_bytes() const;
    /// Forgets the oldest block of hashes; returns false when nothing is held.
    bool drop_oldest();

  private:
    static constexpr std::size_t kBuckets = std::size_t{1} << 16;
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    /// A full block: per band, the hashes sorted by band value (bucket `v` is
    /// [offsets[v], offsets[v + 1])) as their other 48 bits, 6 little-endian bytes each (one load
    /// per hash when scanning; `kPadding` bytes at the end let the last one be read as 8).
    struct Frozen {
        std::size_t count = 0;
        std::vector<std::uint32_t> offsets;  ///< bands * (kBuckets + 1)
        std::vector<std::uint8_t> rests;     ///< 6 * bands * count + kPadding
    };

    /// The block taking additions: per band, a chain through the hashes of each band value.
    struct Active {
        std::vector<std::uint64_t> hashes;
        std::vector<std::uint32_t> heads;  ///< bands * kBuckets, kNone when empty
        std::vector<std::uint32_t> next;   ///< bands per hash
    };

    static constexpr std::size_t kRestBytes = 6;
    static constexpr std::size_t kPadding = 2;

    static std::uint32_t band_value(std::uint64_t hash, int band) {
        return static_cast<std::uint32_t>((hash >> (16 * band)) & 0xFFFFu);
    }
    /// The 48 bits of `hash` outside `band`, in a fixed order.
    static std::uint64_t rest(std::uint64_t hash, int band) {
        const int shift = 16 * band;
        const std::uint64_t rotated = shift == 0 ? hash : (hash >> shift) | (hash << (64 - shift));
        return rotated >> 16;
    }

    static std::uint64_t load_rest(const std::uint8_t* at);
    static void store_rest(std::uint8_t* at, std::uint64_t rest);

    bool near_frozen(const Frozen& block, std::uint64_t hash, int max_bits) const;
    bool near_active(std::uint64_t hash, int max_bits) const;
    void start_active();
    void freeze();
    /// Merges the two newest frozen blocks while the older is less than kMergeRatio times the
    /// newer: fewer, larger blocks make queries cheaper (each block costs a query two cache
    /// misses a band) and merges dearer.
    static constexpr std::size_t kMergeRatio = 2;
    void merge_similar();
    Frozen merged(const Frozen& older, const Frozen& newer) const;

    int bands_;
    std::size_t max_block_;
    std::size_t frozen_count_ = 0;
    std::vector<Frozen> frozen_;  ///< oldest first
    Active active_;
};

}  // namespace iskra::clean
