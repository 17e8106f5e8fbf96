#include "iskra/index/recent_blocks.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace iskra::index {
namespace {

std::shared_ptr<const DocBlockCache> block_of_size(std::uint64_t block, std::size_t bytes) {
    auto decoded = std::make_shared<DocBlockCache>();
    decoded->block = block;
    decoded->raw.assign(bytes, 'x');
    return decoded;
}

TEST(RecentBlocks, FindsWhatWasInserted) {
    RecentBlocks recent(1000);
    EXPECT_EQ(recent.find(3), nullptr);
    recent.insert(3, block_of_size(3, 100));
    auto found = recent.find(3);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->block, 3u);
    EXPECT_EQ(found->raw.size(), 100u);
}

TEST(RecentBlocks, EvictsTheLeastRecentlyUsedBeyondTheBudget) {
    RecentBlocks recent(300);
    recent.insert(1, block_of_size(1, 100));
    recent.insert(2, block_of_size(2, 100));
    recent.insert(3, block_of_size(3, 100));
    ASSERT_NE(recent.find(1), nullptr);  // 1 is now the most recent; 2 the least
    recent.insert(4, block_of_size(4, 100));
    EXPECT_EQ(recent.find(2), nullptr);
    EXPECT_NE(recent.find(1), nullptr);
    EXPECT_NE(recent.find(3), nullptr);
    EXPECT_NE(recent.find(4), nullptr);
}

TEST(RecentBlocks, IgnoresABlockLargerThanTheBudget) {
    RecentBlocks recent(300);
    recent.insert(1, block_of_size(1, 100));
    recent.insert(2, block_of_size(2, 1000));
    EXPECT_EQ(recent.find(2), nullptr);
    EXPECT_NE(recent.find(1), nullptr);
}

TEST(RecentBlocks, AnEvictedBlockStaysValidForItsHolder) {
    RecentBlocks recent(100);
    recent.insert(1, block_of_size(1, 100));
    auto held = recent.find(1);
    recent.insert(2, block_of_size(2, 100));
    EXPECT_EQ(recent.find(1), nullptr);
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(held->raw, std::string(100, 'x'));
}

}  // namespace
}  // namespace iskra::index
