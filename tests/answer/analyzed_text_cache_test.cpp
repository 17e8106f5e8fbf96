#include "iskra/answer/analyzed_text_cache.hpp"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace iskra::answer {
namespace {

void expect_same_tokens(const std::vector<text::Token>& a, const std::vector<text::Token>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].term, b[i].term);
        EXPECT_EQ(a[i].begin, b[i].begin);
        EXPECT_EQ(a[i].end, b[i].end);
    }
}

TEST(AnalyzedTextCache, GivesWhatTheAnalyzerGives) {
    AnalyzedTextCache cache;
    text::Analyzer analyzer;
    for (const std::string text : {"The keepers wound the clockwork in 1905.",
                                   "Córdoba's people-mover ran until 1940-08-21.",
                                   "",
                                   "Ленин и революция"}) {
        const auto tokens = cache.tokens(text);
        ASSERT_NE(tokens, nullptr);
        expect_same_tokens(*tokens, analyzer.analyze(text));
    }
}

TEST(AnalyzedTextCache, AnalyzesATextOnce) {
    AnalyzedTextCache cache;
    const auto first = cache.tokens("Keepers trimmed the wicks.");
    const auto again = cache.tokens(std::string("Keepers trimmed the wicks."));
    EXPECT_EQ(first.get(), again.get());
    EXPECT_EQ(cache.entries(), 1u);
}

TEST(AnalyzedTextCache, StaysWithinItsBudget) {
    AnalyzedTextCache cache({}, 4096);
    for (int i = 0; i < 500; ++i) {
        const std::string text = "Sentence number " + std::to_string(i) + " about harbours.";
        expect_same_tokens(*cache.tokens(text), text::Analyzer().analyze(text));
    }
    EXPECT_GT(cache.entries(), 0u);
    EXPECT_LT(cache.entries(), 100u);
}

TEST(AnalyzedTextCache, ThreadsShareOneCache) {
    AnalyzedTextCache cache;
    std::vector<std::string> texts;
    for (int i = 0; i < 40; ++i) {
        texts.push_back("The " + std::to_string(i % 10) + "th keeper trimmed wicks.");
    }
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            text::Analyzer analyzer;
            for (const std::string& text : texts) {
                expect_same_tokens(*cache.tokens(text), analyzer.analyze(text));
            }
        });
    }
    threads.clear();
    EXPECT_EQ(cache.entries(), 10u);
}

}  // namespace
}  // namespace iskra::answer
