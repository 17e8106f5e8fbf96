#include "iskra/text/term_cache.hpp"

#include <string>

#include <gtest/gtest.h>

namespace iskra::text {
namespace {

TEST(TermCache, FindsWhatWasInsertedAcrossGrowth) {
    TermCache cache(100000);
    for (int i = 0; i < 5000; ++i) {
        const std::string word = "word" + std::to_string(i);
        const std::string term = "t" + std::to_string(i * 7);
        EXPECT_EQ(cache.insert(word, TermCache::hash(word), term), term);
    }
    EXPECT_EQ(cache.size(), 5000u);
    for (int i = 0; i < 5000; ++i) {
        const std::string word = "word" + std::to_string(i);
        const auto found = cache.find(word, TermCache::hash(word));
        ASSERT_TRUE(found.has_value()) << word;
        EXPECT_EQ(*found, "t" + std::to_string(i * 7));
    }
    EXPECT_FALSE(cache.find("absent", TermCache::hash("absent")).has_value());
}

TEST(TermCache, ForgetsEverythingWhenFull) {
    TermCache cache(16);
    for (int i = 0; i < 16; ++i) {
        const std::string word = "w" + std::to_string(i);
        (void)cache.insert(word, TermCache::hash(word), word);
    }
    EXPECT_EQ(cache.size(), 16u);
    (void)cache.insert("last", TermCache::hash("last"), "l");
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_FALSE(cache.find("w0", TermCache::hash("w0")).has_value());
    EXPECT_EQ(cache.find("last", TermCache::hash("last")).value_or(""), "l");
}

TEST(TermCache, DeclinesWordsItCannotStore) {
    TermCache cache;
    const std::string long_word(300, 'x');
    EXPECT_EQ(cache.insert(long_word, TermCache::hash(long_word), "x"), "x");
    EXPECT_EQ(cache.insert("", TermCache::hash(""), "e"), "e");
    EXPECT_EQ(cache.size(), 0u);
}

TEST(TermCache, HashSpreadsSimilarWords) {
    EXPECT_NE(TermCache::hash("revolution"), TermCache::hash("revolutiom"));
    EXPECT_NE(TermCache::hash("a"), TermCache::hash(std::string("a\0", 2)));
    EXPECT_NE(TermCache::hash("abcdefgh"), TermCache::hash("abcdefghi"));
}

}  // namespace
}  // namespace iskra::text
