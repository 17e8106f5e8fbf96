// Answering from the structure of the collection: a question of the collection followed by its
// answer (FAQ pages), long glued sentences scored on their best window, definition answers that
// are sentences, and fragments that rank below prose.
#include <gtest/gtest.h>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/question_analyzer.hpp"
#include "iskra/answer/scored_passage.hpp"

#include "answer_test_support.hpp"

namespace iskra::answer {
namespace {

using testing::ask;
using testing::passage_of;

TEST(FaqAnswers, TheSentenceAfterAMatchingQuestionAnswersIt) {
    // The answer sentence shares no word with the question: only the FAQ structure links them.
    Passage answer =
        passage_of("Keepers trimmed wicks and wound the clockwork every night.", 0, 0.2);
    answer.faq_question = "What did lighthouse keepers do?";
    const auto out = ask("What did lighthouse keepers do?",
                         {passage_of("Lighthouse keepers were often paid poorly.", 1), answer});
    ASSERT_EQ(out.response.status, "answered");
    EXPECT_NE(out.response.answer_text.find("wound the clockwork"), std::string::npos);
    EXPECT_EQ(out.features.faq, 1.0);
}

TEST(FaqAnswers, AnUnrelatedQuestionLendsNothing) {
    text::Analyzer analyzer;
    const Question q = analyze_question("When was the northern pier built?", analyzer);
    Passage p = passage_of("Keepers trimmed wicks every night.", 0);
    p.faq_question = "What did lighthouse keepers do?";
    const std::vector<Passage> passages = {p};
    const auto scores = score_passages(q, passages, analyzer);
    EXPECT_FALSE(scores[0].faq);
    EXPECT_LT(scores[0].coverage, 0.5);
}

TEST(LongSentences, CandidatesComeFromTheWindowAroundTheQuestionTerms) {
    // A glued infobox: many dates, one of them next to the question's words.
    std::string infobox = "harbour office 3 march 1901 12 june 1902";
    for (int i = 0; i < 12; ++i) {
        infobox += " keeper office assistant register entry";
    }
    infobox += " northern pier opened 14 may 1907 granite blocks quarry";
    for (int i = 0; i < 12; ++i) {
        infobox += " tender boat crew roster";
    }
    infobox += " closed 9 august 1950";
    const auto out = ask("When was the northern pier opened?", {passage_of(infobox, 0)});
    ASSERT_EQ(out.response.status, "answered");
    EXPECT_EQ(out.response.answer->normalized, "1907-05-14");
}

TEST(DefinitionAnswers, TheAnswerIsASentenceNotAToken) {
    const auto out =
        ask("What is a kernel module?",
            {passage_of("A kernel module is a piece of code that can be loaded into the kernel on "
                        "demand.",
                        0),
             passage_of("Modules extend the kernel without a reboot.", 1)});
    ASSERT_EQ(out.response.status, "answered");
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_NE(out.response.answer->text.find("piece of code"), std::string::npos);
    EXPECT_NE(out.response.answer->text.find("loaded into the kernel"), std::string::npos);
}

TEST(Fragments, LowQualitySentencesRankBelowProse) {
    Passage fragment = passage_of("lighthouse keepers 1905 p", 0);
    fragment.ref.quality = 0.2f;
    Passage prose = passage_of("Lighthouse keepers kept a log of passing ships.", 1);
    text::Analyzer analyzer;
    const Question q = analyze_question("What did lighthouse keepers keep?", analyzer);
    const std::vector<Passage> passages = {fragment, prose};
    const auto scores = score_passages(q, passages, analyzer);
    EXPECT_LT(scores[0].score, scores[1].score);
    EXPECT_LT(flag_quality(fragment), flag_quality(prose));
}

TEST(TopicNames, ANameInEveryDocumentMayBeMissingFromItsSentence) {
    text::Analyzer analyzer;
    Question q = analyze_question("How old was Harrow when he was sent to Leeds?", analyzer);
    const std::vector<Passage> passages = {
        passage_of("At the age of eight, he was sent to school in Leeds.", 0)};
    // As retrieval weighs them: a name found in every document weighs little.
    for (KeyTerm& k : q.terms) {
        if (k.folded == "harrow") {
            k.weight = 0.2;
        }
    }
    EXPECT_FALSE(score_passages(q, passages, analyzer)[0].proper_missing);
    for (KeyTerm& k : q.terms) {
        if (k.folded == "harrow") {
            k.weight = 1.5;  // a rare name must be there
        }
    }
    EXPECT_TRUE(score_passages(q, passages, analyzer)[0].proper_missing);
}

TEST(ReasonAnswers, TheKeyPhraseIsTheCauseClause) {
    const auto out = ask("Why did the harbour bridge close in 1931?",
                         {passage_of("The harbour bridge closed in 1931 because its piers had "
                                     "cracked, and it never reopened.",
                                     0)});
    ASSERT_EQ(out.response.status, "answered");
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_EQ(out.response.answer->normalized, "because its piers had cracked");
    EXPECT_NE(out.response.answer->text.find("never reopened"), std::string::npos);
}

}  // namespace
}  // namespace iskra::answer
