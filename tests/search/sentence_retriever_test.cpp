#include "iskra/search/sentence_retriever.hpp"

#include <string>

#include <gtest/gtest.h>

#include "seed_collection.hpp"

namespace iskra::search {
namespace {

using testing::SeedCollection;

class SentenceRetrieverTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { seeds_ = std::make_unique<SeedCollection>(); }
    static void TearDownTestSuite() { seeds_.reset(); }
    static std::unique_ptr<SeedCollection> seeds_;
};

std::unique_ptr<SeedCollection> SentenceRetrieverTest::seeds_;

TEST_F(SentenceRetrieverTest, FindsTheSentencesHoldingTheTerms) {
    SentenceQuery query;
    query.terms = {{"ice", 1.0f, false}, {"axe", 1.0f, false}, {"blow", 0.5f, false}};
    query.max_sentences = 5;
    Result<std::vector<ScoredSentence>> sentences = retrieve_sentences(*seeds_->snapshot(), query);
    ASSERT_TRUE(sentences.ok()) << sentences.status().to_string();
    ASSERT_FALSE(sentences->empty());
    const auto blow = std::find_if(sentences->begin(), sentences->end(), [](const auto& s) {
        return s.text().find("dealt terrible blow head") != std::string::npos;
    });
    ASSERT_NE(blow, sentences->end());
    EXPECT_EQ(blow->matched_terms, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_EQ(blow->document->external_id, "001_bed1e1d2258c1a72");
    EXPECT_GT(blow->document_score, 0.0f);
    EXPECT_EQ(blow->length, 24u);
    // Neighbours come from the same stored document.
    EXPECT_EQ(blow->neighbour_text(-1), "decided miss wonderful opportunity presented itself");
    EXPECT_EQ(blow->neighbour_text(1), "according james p");
    const SentenceRef ref = blow->ref();
    EXPECT_EQ(ref.text, blow->text());
    EXPECT_EQ(ref.sentence_index, blow->sentence_index);
    for (const ScoredSentence& sentence : *sentences) {
        EXPECT_FALSE(sentence.matched_terms.empty());
    }
    for (std::size_t i = 1; i < sentences->size(); ++i) {
        EXPECT_LE((*sentences)[i].score, (*sentences)[i - 1].score);
    }
}

TEST_F(SentenceRetrieverTest, RequiredTermsFilterSentences) {
    SentenceQuery query;
    query.terms = {{"trotski", 1.0f, false}, {"coyoacan", 1.0f, true}};
    query.required_in_sentence = true;
    Result<std::vector<ScoredSentence>> sentences = retrieve_sentences(*seeds_->snapshot(), query);
    ASSERT_TRUE(sentences.ok());
    ASSERT_FALSE(sentences->empty());
    for (const ScoredSentence& sentence : *sentences) {
        EXPECT_NE(std::find(sentence.matched_terms.begin(), sentence.matched_terms.end(), 1u),
                  sentence.matched_terms.end())
            << sentence.text();
    }
}

TEST_F(SentenceRetrieverTest, UnknownTermsGiveNothing) {
    SentenceQuery query;
    query.terms = {{"zzzzqqq", 1.0f, false}};
    Result<std::vector<ScoredSentence>> sentences = retrieve_sentences(*seeds_->snapshot(), query);
    ASSERT_TRUE(sentences.ok());
    EXPECT_TRUE(sentences->empty());
    EXPECT_TRUE(retrieve_sentences(*seeds_->snapshot(), SentenceQuery{})->empty());
}

}  // namespace
}  // namespace iskra::search
