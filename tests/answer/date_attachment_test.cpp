// Which event a date in a sentence dates: the one before it in text without function words, the
// main clause's rather than an opening participle clause's, and "what date" weighs the value.

#include <gtest/gtest.h>

#include "iskra/answer/question_analyzer.hpp"

#include "answer_test_support.hpp"

namespace iskra::answer {
namespace {

using testing::ask;
using testing::lower_case_passage_of;
using testing::passage_of;

TEST(DateAttachment, InTextWithoutFunctionWordsADateBelongsToTheEventBeforeIt) {
    // Function words stripped: each date follows the event it dates, and the verb after a date
    // starts the next event.
    const auto r = ask("When was the mayor dismissed from the council?",
                       {lower_case_passage_of("mayor lost election march 1931 dismissed council "
                                              "june 1931 finally left city may 1932")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->normalized, "1931-06");
    // A date after a preposition opens the statement that follows it.
    const auto led = ask("When was the mayor dismissed from the council?",
                         {passage_of("The mayor lost the election in March 1931, and in June "
                                     "1931 he was dismissed from the council.")});
    ASSERT_EQ(led.response.status, "answered");
    EXPECT_EQ(led.response.answer->normalized, "1931-06");
}

TEST(DateAttachment, AnOpeningParticipleClauseDatesAnotherAction) {
    // Every word of the question's relation ("control", "company") is in the main clause; the
    // opening clause tells of another action.
    const auto r = ask("When did Olga Brandt take control of the company?",
                       {passage_of("Working in Hamburg before overseeing the founding of the "
                                   "Bremen branch in 1961, Olga Brandt assumed leadership of the "
                                   "company following her father's death in 1964.")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->normalized, "1964");
    // "During" heads a phrase about the main verb: its date is the answer.
    const auto during = ask("When did Olga Brandt take control of the company?",
                            {passage_of("During the crisis of 1961, Olga Brandt took control of "
                                        "the company.")});
    ASSERT_EQ(during.response.status, "answered");
    EXPECT_EQ(during.response.answer->normalized, "1961");
}

TEST(DateAttachment, TheWordDateWeighsLittleInADateQuestion) {
    text::Analyzer analyzer;
    const Question q = analyze_question("On what date did Olsen sign the treaty?", analyzer);
    ASSERT_EQ(q.type, AnswerType::Date);
    for (const KeyTerm& k : q.terms) {
        if (k.focus) {
            EXPECT_EQ(k.folded, "date");
            EXPECT_LT(k.weight, 0.2);
        }
    }
    // The sentence that dates the treaty answers though it never says "date".
    const auto r = ask("On what date did Olsen sign the treaty?",
                       {passage_of("Olsen signed the treaty on 4 May 1920 in Oslo.")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->normalized, "1920-05-04");
}

}  // namespace
}  // namespace iskra::answer
