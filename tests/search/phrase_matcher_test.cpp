#include "iskra/search/phrase_matcher.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace iskra::search {
namespace {

using testing::TinyIndex;
using testing::VectorCursor;
using testing::VectorNorms;

std::uint32_t frequency(const std::vector<std::vector<std::uint32_t>>& positions,
                        std::uint32_t slop) {
    std::vector<std::span<const std::uint32_t>> spans(positions.begin(), positions.end());
    std::vector<std::size_t> heads(positions.size());
    return phrase_frequency(spans, slop, heads);
}

TEST(PhraseFrequency, CountsExactAndSloppyOccurrences) {
    EXPECT_EQ(frequency({{0, 5}, {1, 9}}, 0), 1u);  // "a b" at 0
    EXPECT_EQ(frequency({{0, 5}, {1, 6}}, 0), 2u);  // twice
    EXPECT_EQ(frequency({{0}, {2}}, 0), 0u);        // one word between
    EXPECT_EQ(frequency({{0}, {2}}, 1), 1u);        // ... allowed by slop 1
    EXPECT_EQ(frequency({{1}, {0}}, 1), 0u);        // swapped: costs 2
    EXPECT_EQ(frequency({{1}, {0}}, 2), 1u);
    EXPECT_EQ(frequency({{3}, {4}, {5}}, 0), 1u);  // three terms
    EXPECT_EQ(frequency({{3}, {4}, {6}}, 0), 0u);
    EXPECT_EQ(frequency({{}, {4}}, 5), 0u);  // a term absent
    EXPECT_EQ(frequency({{7}}, 0), 1u);      // single term
}

/// Finds every document holding the phrase.
std::vector<DocId> phrase_docs(const TinyIndex& index,
                               const std::vector<std::string>& terms,
                               std::uint32_t slop) {
    std::vector<VectorCursor> cursors;
    for (const std::string& term : terms) {
        cursors.push_back(*index.cursor(term));
    }
    PhraseMatcher<VectorCursor, VectorNorms> matcher(std::move(cursors), slop, 1.0f, index.norms);
    std::vector<DocId> docs;
    for (; matcher.doc() != kEndOfPostings; matcher.next()) {
        docs.push_back(matcher.doc());
    }
    return docs;
}

TEST(PhraseMatcher, MatchesAcrossASentenceBoundaryOnlyWithEnoughSlop) {
    const TinyIndex index({
        {{"he", "took", "the", "ice", "axe"}},            // 0: phrase inside a sentence
        {{"he", "took", "the", "ice"}, {"axe", "fell"}},  // 1: "ice" | "axe" across a boundary
        {{"axe", "ice"}},                                 // 2: swapped
        {{"ice", "cold", "axe"}},                         // 3: one word between
    });
    EXPECT_EQ(phrase_docs(index, {"ice", "axe"}, 0), (std::vector<DocId>{0}));
    EXPECT_EQ(phrase_docs(index, {"ice", "axe"}, 1), (std::vector<DocId>{0, 3}));
    EXPECT_EQ(phrase_docs(index, {"ice", "axe"}, 2), (std::vector<DocId>{0, 2, 3}));
    EXPECT_EQ(phrase_docs(index, {"ice", "axe"}, index::kSentencePositionGap - 1),
              (std::vector<DocId>{0, 2, 3}));
    EXPECT_EQ(phrase_docs(index, {"ice", "axe"}, index::kSentencePositionGap),
              (std::vector<DocId>{0, 1, 2, 3}));
}

TEST(PhraseMatcher, ScoresWithThePhraseFrequency) {
    const TinyIndex index({
        {{"red", "army", "red", "army"}},
        {{"red", "army", "red", "star"}},
    });
    std::vector<VectorCursor> cursors{*index.cursor("red"), *index.cursor("army")};
    PhraseMatcher<VectorCursor, VectorNorms> matcher(std::move(cursors), 0, 2.0f, index.norms);
    ASSERT_EQ(matcher.doc(), 0u);
    EXPECT_EQ(matcher.freq(), 2u);
    EXPECT_FLOAT_EQ(matcher.score(), Bm25::score(2.0f, 2.0f, index.norms(0)));
    matcher.next();
    ASSERT_EQ(matcher.doc(), 1u);
    EXPECT_EQ(matcher.freq(), 1u);
    matcher.next();
    EXPECT_EQ(matcher.doc(), kEndOfPostings);
}

}  // namespace
}  // namespace iskra::search
