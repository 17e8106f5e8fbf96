#include "iskra/util/two_generation_cache.hpp"

#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace iskra::util {
namespace {

struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
        return std::hash<std::string_view>{}(text);
    }
};

using StringCache =
    TwoGenerationCache<std::string, std::shared_ptr<const int>, TransparentHash, std::equal_to<>>;

TEST(TwoGenerationCacheTest, FindsWhatWasInsertedByAStringView) {
    StringCache cache(1000);
    cache.insert(std::string_view("alpha"), std::make_shared<const int>(1), 10);
    auto found = cache.find(std::string_view("alpha"));
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(*found, 1);
    EXPECT_EQ(cache.find(std::string_view("beta")), nullptr);
}

TEST(TwoGenerationCacheTest, DropsTheOlderGenerationWhenTheCurrentOneFills) {
    TwoGenerationCache<int, int> cache(100);  // 50 bytes a generation
    cache.insert(1, 11, 30);
    cache.insert(2, 22, 30);  // 1 moves to the previous generation
    cache.insert(3, 33, 30);  // 1's generation is dropped, 2 becomes previous
    EXPECT_EQ(cache.find(1), 0);
    EXPECT_EQ(cache.find(2), 22);
    EXPECT_EQ(cache.find(3), 33);
}

TEST(TwoGenerationCacheTest, AHitInThePreviousGenerationKeepsTheEntryAlive) {
    TwoGenerationCache<int, int> cache(100);
    cache.insert(1, 11, 20);
    cache.insert(2, 22, 40);       // generation full: 1 is now previous
    EXPECT_EQ(cache.find(1), 11);  // moved forward: the generation rolls, 2 becomes previous
    cache.insert(3, 33, 20);       // joins 1 in the current generation
    EXPECT_EQ(cache.find(1), 11);
    EXPECT_EQ(cache.find(2), 22);
    EXPECT_EQ(cache.entries(), 3u);
}

TEST(TwoGenerationCacheTest, IgnoresValuesLargerThanAGeneration) {
    TwoGenerationCache<int, int> cache(100);
    cache.insert(1, 11, 51);
    EXPECT_EQ(cache.find(1), 0);
    EXPECT_EQ(cache.entries(), 0u);
}

}  // namespace
}  // namespace iskra::util
