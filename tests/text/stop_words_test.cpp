#include "iskra/text/stop_words.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "iskra/text/fold.hpp"

namespace iskra::text {
namespace {

TEST(StopWords, ListIsSortedAndLowerCase) {
    const auto words = stop_words();
    EXPECT_GT(words.size(), 150u);
    EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
    EXPECT_EQ(std::adjacent_find(words.begin(), words.end()), words.end());
    for (const std::string_view word : words) {
        EXPECT_EQ(fold_ascii_lower(word), word);
    }
}

TEST(StopWords, KnowsFunctionWordsButNotContentWords) {
    for (const char* word : {"the", "of", "was", "did", "who", "what", "and", "in", "whom"}) {
        EXPECT_TRUE(is_stop_word(word)) << word;
    }
    for (const char* word : {"revolution", "army", "The", "1917", "", "exile"}) {
        EXPECT_FALSE(is_stop_word(word)) << word;
    }
}

TEST(Fold, LowerCasesAsciiOnly) {
    EXPECT_EQ(fold_ascii_lower("Hello WORLD 42 \xC3\x81"), "hello world 42 \xC3\x81");
    EXPECT_TRUE(is_ascii("plain ascii text, long enough for words"));
    EXPECT_FALSE(is_ascii("plain ascii text, long enough \xC3\x81"));
}

}  // namespace
}  // namespace iskra::text
