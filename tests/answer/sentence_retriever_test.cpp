// Sentence retrieval through the engine's shared caches gives the passages and scores it gives
// without them.
#include "iskra/answer/sentence_retriever.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/answer/question_analyzer.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/extract/document_facts.hpp"

#include "seed_collection.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

const std::vector<std::string> kQuestions = {
    "When was Trotsky born?",
    "Who killed Trotsky?",
    "What is permanent revolution?",
    "Where did Trotsky die?",
    "Who founded the Red Army?",
    "Why was Trotsky expelled from the party?",
};

void expect_same_passages(const std::vector<Passage>& a, const std::vector<Passage>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].ref.doc_id, b[i].ref.doc_id);
        EXPECT_EQ(a[i].ref.sentence_index, b[i].ref.sentence_index);
        EXPECT_EQ(a[i].ref.text, b[i].ref.text);
        EXPECT_EQ(a[i].before, b[i].before);
        EXPECT_EQ(a[i].after, b[i].after);
        EXPECT_EQ(a[i].lower_case, b[i].lower_case);
        EXPECT_EQ(a[i].doc_ordinal, b[i].doc_ordinal);
        EXPECT_EQ(a[i].faq_question, b[i].faq_question);
        EXPECT_EQ(a[i].retrieval_score, b[i].retrieval_score);
    }
}

void expect_same_scores(const std::vector<PassageScore>& a, const std::vector<PassageScore>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].score, b[i].score) << i;
        EXPECT_EQ(a[i].coverage, b[i].coverage) << i;
        EXPECT_EQ(a[i].common_coverage, b[i].common_coverage) << i;
        EXPECT_EQ(a[i].proper_missing, b[i].proper_missing) << i;
        EXPECT_EQ(a[i].faq, b[i].faq) << i;
        EXPECT_EQ(a[i].window_begin, b[i].window_begin) << i;
        EXPECT_EQ(a[i].window_end, b[i].window_end) << i;
        EXPECT_EQ(a[i].matches.positions, b[i].matches.positions) << i;
        EXPECT_EQ(a[i].matches.key_term_found, b[i].matches.key_term_found) << i;
    }
}

TEST(SentenceRetriever, CachesChangeNothingButTheWork) {
    iskra::testing::TempDir dir("iskra-answer");
    testing::SeedCollection seeds =
        testing::build_seed_collection(iskra::testing::seeds_dir(), dir / "collection");
    search::Searcher searcher(seeds.snapshot);
    text::Analyzer analyzer;
    DocumentCache documents;
    AnalyzedTextCache sentences;
    RetrievalOptions cached;
    cached.document_cache = &documents;
    cached.sentence_cache = &sentences;
    for (int round = 0; round < 2; ++round) {  // the second round is served from the caches
        for (const std::string& text : kQuestions) {
            SCOPED_TRACE(text);
            Question plain_question = analyze_question(text, analyzer);
            Question cached_question = plain_question;
            auto plain = retrieve_passages(searcher, plain_question, {});
            auto fast = retrieve_passages(searcher, cached_question, cached);
            ASSERT_TRUE(plain.ok() && fast.ok());
            ASSERT_FALSE(plain->empty());
            expect_same_passages(*plain, *fast);
            for (const Passage& p : *fast) {
                ASSERT_NE(p.tokens, nullptr);
                ASSERT_NE(p.before_tokens, nullptr);
                ASSERT_NE(p.after_tokens, nullptr);
            }
            expect_same_scores(score_passages(plain_question, *plain, analyzer),
                               score_passages(cached_question, *fast, analyzer));
        }
    }
    EXPECT_GT(documents.entries(), 0u);
    EXPECT_GT(sentences.entries(), 0u);
}

TEST(DocumentCache, ReadsADocumentOncePerSnapshot) {
    iskra::testing::TempDir dir("iskra-answer");
    testing::SeedCollection seeds =
        testing::build_seed_collection(iskra::testing::seeds_dir(), dir / "collection");
    DocumentCache cache;
    const index::DocLocation location{0, 1};
    auto first = cache.get(*seeds.snapshot, location);
    auto again = cache.get(*seeds.snapshot, location);
    auto stored = seeds.snapshot->document(location);
    ASSERT_TRUE(first.ok() && again.ok() && stored.ok());
    EXPECT_EQ(first->get(), again->get());
    EXPECT_EQ((*first)->stored.external_id, stored->external_id);
    EXPECT_EQ((*first)->stored.text, stored->text);
    EXPECT_EQ((*first)->lower_case, extract::looks_lower_case(stored->text));
    EXPECT_EQ(cache.entries(), 1u);
}

TEST(DocumentCache, DropsOldEntriesPastItsBudget) {
    iskra::testing::TempDir dir("iskra-answer");
    testing::SeedCollection seeds =
        testing::build_seed_collection(iskra::testing::seeds_dir(), dir / "collection");
    DocumentCache cache(64 << 10);  // the largest seed document does not fit at all
    for (index::DocId doc = 0; doc < 5; ++doc) {
        auto got = cache.get(*seeds.snapshot, {0, doc});
        ASSERT_TRUE(got.ok());
        auto stored = seeds.snapshot->document({0, doc});
        ASSERT_TRUE(stored.ok());
        EXPECT_EQ((*got)->stored.text, stored->text);
    }
    EXPECT_LT(cache.entries(), 5u);
}

}  // namespace
}  // namespace iskra::answer
