// The banded hash index: frozen blocks answer as the active one does, one band is an exact set,
// and dropping blocks bounds memory.
#include "iskra/clean/simhash_bands.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/clean/cleaner.hpp"

namespace iskra::clean {
namespace {

// splitmix64: well spread test hashes.
std::uint64_t spread(std::uint64_t i) {
    std::uint64_t z = i * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E5Bull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Flips `bits` bits of `h`, one in each of the first `bits` bands.
std::uint64_t flipped(std::uint64_t h, int bits) {
    for (int b = 0; b < bits; ++b) {
        h ^= std::uint64_t{1} << (16 * b + 5 + b);
    }
    return h;
}

TEST(SimHashBands, FrozenBlocksFindWhatTheActiveBlockFinds) {
    SimHashBands bands;
    const std::size_t n =
        3 * SimHashBands::kActiveBlock + 123;  // a merged block, a frozen one, the active one
    for (std::uint64_t i = 0; i < n; ++i) {
        bands.add(spread(i));
    }
    EXPECT_EQ(bands.size(), n);
    for (std::uint64_t i = 0; i < n; i += 97) {
        EXPECT_TRUE(bands.near(spread(i), 0)) << i;
        EXPECT_TRUE(bands.near(flipped(spread(i), 3), 3)) << i;
        EXPECT_FALSE(bands.near(flipped(spread(i), 3), 2)) << i;
    }
    // Four bits off, one per band: never found (random others are far away too).
    for (std::uint64_t i = 0; i < n; i += 997) {
        EXPECT_FALSE(bands.near(flipped(spread(i), 4), 3)) << i;
    }
    EXPECT_FALSE(bands.near(spread(n + 1), 3));
}

TEST(SimHashBands, OneBandIsAnExactSet) {
    SimHashBands exact(1);
    for (std::uint64_t i = 0; i < 2 * SimHashBands::kActiveBlock; ++i) {
        exact.add(spread(i));
    }
    EXPECT_TRUE(exact.near(spread(7), 0));
    EXPECT_TRUE(exact.near(spread(2 * SimHashBands::kActiveBlock - 1), 0));
    EXPECT_FALSE(exact.near(spread(7) ^ (std::uint64_t{1} << 40), 0));
    EXPECT_FALSE(exact.near(spread(2 * SimHashBands::kActiveBlock), 0));
}

TEST(SimHashBands, DroppingTheOldestBlockForgetsItsHashesOnly) {
    SimHashBands bands(4, SimHashBands::kActiveBlock);
    const std::size_t n = 2 * SimHashBands::kActiveBlock + 10;
    for (std::uint64_t i = 0; i < n; ++i) {
        bands.add(spread(i));
    }
    const std::size_t before = bands.memory_bytes();
    ASSERT_TRUE(bands.drop_oldest());
    EXPECT_LT(bands.memory_bytes(), before);
    EXPECT_EQ(bands.size(), n - SimHashBands::kActiveBlock);
    EXPECT_FALSE(bands.near(spread(0), 0));
    EXPECT_TRUE(bands.near(spread(SimHashBands::kActiveBlock), 0));
    EXPECT_TRUE(bands.near(spread(n - 1), 0));
    while (bands.drop_oldest()) {
    }
    EXPECT_EQ(bands.size(), 0u);
    EXPECT_FALSE(bands.near(spread(n - 1), 0));
}

TEST(SimHashBands, FrozenHashesTakeTwentyFourBytesEach) {
    SimHashBands bands;
    const std::size_t n = 8 * SimHashBands::kActiveBlock;  // frozen, merged into one block
    for (std::uint64_t i = 0; i < n; ++i) {
        bands.add(spread(i));
    }
    // 24 bytes a hash, plus one block's 4 x 256 KiB bucket offsets.
    const std::size_t offsets = 4 * ((std::size_t{1} << 16) + 1) * 4;
    EXPECT_LE(bands.memory_bytes(), n * 24 + offsets + 4096);
    EXPECT_TRUE(bands.near(spread(0), 0));
    EXPECT_TRUE(bands.near(flipped(spread(n - 1), 3), 3));
}

std::string numbered_sentence(std::size_t i) {
    return "Record " + std::to_string(i) + " lists item " + std::to_string(i * 7) + " in shelf "
           + std::to_string(i % 13) + " of the store.";
}

// A document of the numbered sentences `numbers`.
std::string numbered_document(const std::vector<std::size_t>& numbers,
                              std::vector<text::SentenceSpan>& spans) {
    std::string text;
    for (std::size_t i : numbers) {
        const auto begin = static_cast<std::uint32_t>(text.size());
        text += numbered_sentence(i);
        spans.push_back({begin, static_cast<std::uint32_t>(text.size())});
        text += ' ';
    }
    return text;
}

TEST(SimHashBands, ACleanerWithALimitStaysWithinItAndForgetsTheOldest) {
    constexpr std::size_t kLimit = 4u << 20;
    Cleaner cleaner(kLimit);
    constexpr std::size_t kPerDoc = 20000;
    constexpr std::size_t kDocs = 6;
    for (std::size_t d = 0; d < kDocs; ++d) {
        std::vector<std::size_t> numbers;
        for (std::size_t i = d * kPerDoc; i < (d + 1) * kPerDoc; ++i) {
            numbers.push_back(i);
        }
        std::vector<text::SentenceSpan> spans;
        const std::string text = numbered_document(numbers, spans);
        const std::vector<CleanInput> batch = {{text, spans}};
        (void)cleaner.clean(batch);
        EXPECT_LE(cleaner.memory_bytes(), kLimit);
    }
    // The newest sentences are still known, the oldest forgotten.
    std::vector<text::SentenceSpan> spans;
    const std::string text = numbered_document({kDocs * kPerDoc - 5, 3}, spans);
    const std::vector<CleanInput> batch = {{text, spans}};
    const CleanResult result = cleaner.clean(batch);
    EXPECT_NE(result.documents[0].sentences[0].flags & kFlagDuplicate, 0);
    EXPECT_EQ(result.documents[0].sentences[1].flags & kFlagDuplicate, 0);
}

}  // namespace
}  // namespace iskra::clean
