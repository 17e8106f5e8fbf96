#include "iskra/clean/simhash_bands.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "iskra/clean/fingerprint.hpp"
#include "iskra/util/assert.hpp"

namespace iskra::clean {

namespace {

template <typename T>
std::size_t heap_bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

}  // namespace

SimHashBands::SimHashBands(int bands, std::size_t max_block)
    : bands_(bands), max_block_(std::max(max_block, kActiveBlock)) {
    ISKRA_ASSERT(bands >= 1 && bands <= 4, "SimHashBands: 1 to 4 bands");
}

std::uint64_t SimHashBands::load_rest(const std::uint8_t* at) {
    std::uint64_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&v, at, sizeof v);
    } else {
        for (std::size_t k = 0; k < kRestBytes; ++k) {
            v |= std::uint64_t{at[k]} << (8 * k);
        }
    }
    return v & 0xFFFFFFFFFFFFull;
}

void SimHashBands::store_rest(std::uint8_t* at, std::uint64_t rest) {
    for (std::size_t k = 0; k < kRestBytes; ++k) {
        at[k] = static_cast<std::uint8_t>(rest >> (8 * k));
    }
}

bool SimHashBands::near(std::uint64_t hash, int max_bits) const {
    ISKRA_ASSERT(max_bits < bands_, "SimHashBands: more differing bits than bands");
    // Every block's bucket offsets are a cache miss of their own: ask for all of them at once,
    // so that the misses overlap instead of following one another.
    for (const Frozen& block : frozen_) {
        for (int band = 0; band < bands_; ++band) {
            __builtin_prefetch(block.offsets.data()
                               + static_cast<std::size_t>(band) * (kBuckets + 1)
                               + band_value(hash, band));
        }
    }
    if (near_active(hash, max_bits)) {
        return true;
    }
    // Newest first: a copy is most often of something recent.
    for (auto it = frozen_.rbegin(); it != frozen_.rend(); ++it) {
        if (near_frozen(*it, hash, max_bits)) {
            return true;
        }
    }
    return false;
}

bool SimHashBands::near_active(std::uint64_t hash, int max_bits) const {
    if (active_.heads.empty()) {
        return false;
    }
    const auto bands = static_cast<std::size_t>(bands_);
    for (int band = 0; band < bands_; ++band) {
        std::uint32_t at =
            active_.heads[static_cast<std::size_t>(band) * kBuckets + band_value(hash, band)];
        while (at != kNone) {
            if (hamming_distance(active_.hashes[at], hash) <= max_bits) {
                return true;
            }
            at = active_.next[at * bands + static_cast<std::size_t>(band)];
        }
    }
    return false;
}

bool SimHashBands::near_frozen(const Frozen& block, std::uint64_t hash, int max_bits) const {
    for (int band = 0; band < bands_; ++band) {
        const auto b = static_cast<std::size_t>(band);
        const std::size_t bucket = b * (kBuckets + 1) + band_value(hash, band);
        const std::size_t begin = b * block.count + block.offsets[bucket];
        const std::size_t end = b * block.count + block.offsets[bucket + 1];
        const std::uint64_t want = rest(hash, band);
        const std::uint8_t* rests = block.rests.data();
        for (std::size_t i = begin; i < end; ++i) {
            // The distance over the 48 bits; the band's own 16 bits are equal.
            const std::uint64_t diff = load_rest(rests + kRestBytes * i) ^ want;
            if (hamming_distance(diff, 0) <= max_bits) {
                return true;
            }
        }
    }
    return false;
}

void SimHashBands::add(std::uint64_t hash) {
    if (active_.heads.empty()) {
        start_active();
    }
    const auto bands = static_cast<std::size_t>(bands_);
    const auto at = static_cast<std::uint32_t>(active_.hashes.size());
    active_.hashes.push_back(hash);
    for (std::size_t band = 0; band < bands; ++band) {
        std::uint32_t& head =
            active_.heads[band * kBuckets + band_value(hash, static_cast<int>(band))];
        active_.next.push_back(head);
        head = at;
    }
    if (active_.hashes.size() >= kActiveBlock) {
        freeze();
        merge_similar();
    }
}

void SimHashBands::start_active() {
    const auto bands = static_cast<std::size_t>(bands_);
    active_.heads.assign(bands * kBuckets, kNone);
    active_.hashes.reserve(kActiveBlock);
    active_.next.reserve(kActiveBlock * bands);
}

// Counting sort of the active block by band value, band after band.
void SimHashBands::freeze() {
    const std::size_t count = active_.hashes.size();
    if (count == 0) {
        return;
    }
    const auto bands = static_cast<std::size_t>(bands_);
    Frozen block;
    block.count = count;
    block.offsets.assign(bands * (kBuckets + 1), 0);
    block.rests.resize(kRestBytes * bands * count + kPadding);
    std::vector<std::uint32_t> fill(kBuckets);
    for (std::size_t band = 0; band < bands; ++band) {
        const int b = static_cast<int>(band);
        std::uint32_t* offsets = block.offsets.data() + band * (kBuckets + 1);
        for (std::uint64_t hash : active_.hashes) {
            ++offsets[band_value(hash, b) + 1];
        }
        for (std::size_t v = 0; v < kBuckets; ++v) {
            offsets[v + 1] += offsets[v];
        }
        std::copy(offsets, offsets + kBuckets, fill.begin());
        for (std::uint64_t hash : active_.hashes) {
            const std::size_t i = band * count + fill[band_value(hash, b)]++;
            store_rest(block.rests.data() + kRestBytes * i, rest(hash, b));
        }
    }
    frozen_count_ += count;
    frozen_.push_back(std::move(block));
    active_ = Active{};
}

void SimHashBands::merge_similar() {
    while (frozen_.size() >= 2) {
        const Frozen& older = frozen_[frozen_.size() - 2];
        const Frozen& newer = frozen_.back();
        if (older.count >= kMergeRatio * newer.count || older.count + newer.count > max_block_) {
            return;
        }
        Frozen block = merged(older, newer);
        frozen_.pop_back();
        frozen_.back() = std::move(block);
    }
}

// Bucket by bucket, the older block's hashes then the newer's (order within a bucket does not
// matter to a query).
SimHashBands::Frozen SimHashBands::merged(const Frozen& older, const Frozen& newer) const {
    const auto bands = static_cast<std::size_t>(bands_);
    Frozen block;
    block.count = older.count + newer.count;
    block.offsets.resize(bands * (kBuckets + 1));
    block.rests.resize(kRestBytes * bands * block.count + kPadding);
    for (std::size_t band = 0; band < bands; ++band) {
        const std::uint32_t* a = older.offsets.data() + band * (kBuckets + 1);
        const std::uint32_t* b = newer.offsets.data() + band * (kBuckets + 1);
        std::uint32_t* out = block.offsets.data() + band * (kBuckets + 1);
        for (std::size_t v = 0; v <= kBuckets; ++v) {
            out[v] = a[v] + b[v];
        }
        auto copy = [&](const Frozen& from, std::size_t v, std::size_t to) {
            const std::uint32_t* offsets = from.offsets.data() + band * (kBuckets + 1);
            const std::size_t first = band * from.count + offsets[v];
            const std::size_t n = offsets[v + 1] - offsets[v];
            std::copy_n(from.rests.begin() + static_cast<std::ptrdiff_t>(kRestBytes * first),
                        kRestBytes * n,
                        block.rests.begin() + static_cast<std::ptrdiff_t>(kRestBytes * to));
            return n;
        };
        for (std::size_t v = 0; v < kBuckets; ++v) {
            std::size_t to = band * block.count + out[v];
            to += copy(older, v, to);
            copy(newer, v, to);
        }
    }
    return block;
}

std::size_t SimHashBands::size() const {
    return frozen_count_ + active_.hashes.size();
}

std::size_t SimHashBands::memory_bytes() const {
    std::size_t bytes = heap_bytes(active_.hashes) + heap_bytes(active_.heads)
                        + heap_bytes(active_.next) + heap_bytes(frozen_);
    for (const Frozen& block : frozen_) {
        bytes += heap_bytes(block.offsets) + heap_bytes(block.rests);
    }
    return bytes;
}

bool SimHashBands::drop_oldest() {
    if (frozen_.empty()) {
        freeze();
    }
    if (frozen_.empty()) {
        return false;
    }
    frozen_count_ -= frozen_.front().count;
    frozen_.erase(frozen_.begin());
    return true;
}

}  // namespace iskra::clean
