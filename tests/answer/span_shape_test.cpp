// The shape of answer spans: lists joined by "and", number ranges and units, "every N years".
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/answer/candidate_extractor.hpp"
#include "iskra/answer/question_analyzer.hpp"

#include "answer_test_support.hpp"

namespace iskra::answer {
namespace {

using testing::ask;
using testing::passage_of;

std::vector<std::string> texts_of(const std::vector<Candidate>& cs) {
    std::vector<std::string> out;
    for (const Candidate& c : cs) {
        out.push_back(c.text);
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> candidates_for(const std::string& question, const std::string& sentence) {
    text::Analyzer analyzer;
    const Question q = analyze_question(question, analyzer);
    return texts_of(extract_candidates(q, passage_of(sentence), 0, NameBook{}, analyzer));
}

TEST(SpanShape, NamesJoinedByAndFormOneListCandidate) {
    const auto cs = candidates_for("Who founded the observatory?",
                                   "The observatory was founded in 1902 by Clara Holm, "
                                   "Piet Vanderlee and Oskar Brandt.");
    EXPECT_TRUE(contains(cs, "Clara Holm, Piet Vanderlee and Oskar Brandt"));
    EXPECT_TRUE(contains(cs, "Piet Vanderlee"));  // the items stay candidates too
}

TEST(SpanShape, CommasAloneDoNotCloseAList) {
    const auto cs =
        candidates_for("Who visited the harbour?", "Marta Ilves, the mayor, visited the harbour.");
    EXPECT_FALSE(contains(cs, "Marta Ilves, the mayor"));
}

TEST(SpanShape, PluralQuestionIsAnsweredWithTheWholeList) {
    const AnswerOutcome out = ask("Who were the founders of the observatory?",
                                  {passage_of("The founders of the observatory were Clara Holm "
                                              "and Piet Vanderlee, two astronomers from Leiden.")});
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_NE(out.response.answer->text.find("Clara Holm"), std::string::npos);
    EXPECT_NE(out.response.answer->text.find("Piet Vanderlee"), std::string::npos);
}

TEST(SpanShape, AskingForTheNamesTakesTheListAroundTheBestName) {
    const AnswerOutcome out =
        ask("What were the names of the founders of the observatory?",
            {passage_of("The founders of the observatory, Clara Holm and Piet Vanderlee, came "
                        "from Leiden.")});
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_EQ(out.response.answer->text, "Clara Holm and Piet Vanderlee");
}

TEST(SpanShape, SingularQuestionKeepsOneName) {
    const AnswerOutcome out = ask("Who was the first director of the observatory?",
                                  {passage_of("The first director of the observatory was Clara "
                                              "Holm, and Piet Vanderlee was her deputy.")});
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_EQ(out.response.answer->text, "Clara Holm");
}

TEST(SpanShape, WhatIsTheNameTakesTheSpanAfterKnownAs) {
    const AnswerOutcome out =
        ask("What is the name of the village elder in Harlow?",
            {passage_of("In Harlow the village elder is known as a reeve, and in many parishes of "
                        "the county the old customs are still kept.")});
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_EQ(out.response.answer->text, "reeve");
}

TEST(SpanShape, WhatWasTheTakesTheComplementAfterTheQuestionWords) {
    const AnswerOutcome out =
        ask("What was the first mill in the valley?",
            {passage_of("The first mill in the valley was Hollow Mill, a water mill on the River "
                        "Brant.")});
    ASSERT_TRUE(out.response.answer.has_value());
    // A definition's answer is its sentence; the key phrase is the normalised value.
    EXPECT_EQ(out.response.answer->normalized, "Hollow Mill");
}

TEST(SpanShape, NumberRangesAndDegreesStayWhole) {
    const auto range = candidates_for("How many workers did the mill employ?",
                                      "The mill employed 40\u201355 workers in winter.");
    EXPECT_TRUE(contains(range, "40\u201355"));
    const auto share = candidates_for("What share of the grain was exported?",
                                      "Some 27-30% of the grain was exported.");
    EXPECT_TRUE(contains(share, "27-30%"));
    const auto heat = candidates_for("What temperature does the kiln reach?",
                                     "The kiln reaches 1200 \u00b0C at its hottest.");
    EXPECT_TRUE(contains(heat, "1200 \u00b0C"));
}

TEST(SpanShape, HowOftenKeepsEveryAndTheUnit) {
    const auto cs = candidates_for("How often is the council elected?",
                                   "The council is elected every four years by the citizens.");
    EXPECT_TRUE(contains(cs, "every four years"));
}

}  // namespace
}  // namespace iskra::answer
