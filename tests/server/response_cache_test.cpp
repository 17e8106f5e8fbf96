#include "iskra/server/response_cache.hpp"

#include <gtest/gtest.h>

namespace iskra::server {
namespace {

TEST(ResponseCache, ReturnsWhatWasPut) {
    ResponseCache cache(2);
    EXPECT_EQ(cache.get("a"), nullptr);
    cache.put("a", "body-a");
    ASSERT_NE(cache.get("a"), nullptr);
    EXPECT_EQ(*cache.get("a"), "body-a");
    EXPECT_EQ(cache.hits(), 2u);
    EXPECT_EQ(cache.misses(), 1u);
}

TEST(ResponseCache, EvictsTheLeastRecentlyUsed) {
    ResponseCache cache(2);
    cache.put("a", "1");
    cache.put("b", "2");
    ASSERT_NE(cache.get("a"), nullptr);  // b is now the oldest
    cache.put("c", "3");
    EXPECT_NE(cache.get("a"), nullptr);
    EXPECT_EQ(cache.get("b"), nullptr);
    EXPECT_NE(cache.get("c"), nullptr);
}

TEST(ResponseCache, ReplacingAKeyKeepsOneEntry) {
    ResponseCache cache(1);
    cache.put("a", "1");
    cache.put("a", "2");
    EXPECT_EQ(*cache.get("a"), "2");
}

TEST(ResponseCache, ZeroCapacityStoresNothing) {
    ResponseCache cache(0);
    cache.put("a", "1");
    EXPECT_EQ(cache.get("a"), nullptr);
}

}  // namespace
}  // namespace iskra::server
