#include "iskra/answer/answer_builder.hpp"

#include <memory>

#include <gtest/gtest.h>

#include "iskra/answer/question_analyzer.hpp"

#include "answer_test_support.hpp"

namespace iskra::answer {
namespace {

using testing::ask;
using testing::passage_of;

TEST(AnswerBuilder, ReportsBothDatesWhenSourcesDisagree) {
    const auto out = ask("When was the archduke shot?",
                         {passage_of("The archduke was shot in Sarajevo on 28 June 1914.", 0),
                          passage_of("On 27 June 1914 the archduke was shot by a student.", 1)});
    const AskResponse& r = out.response;
    ASSERT_EQ(r.status, "answered");
    ASSERT_TRUE(r.answer.has_value());
    ASSERT_EQ(r.conflicts.size(), 1u);
    const std::string a = r.answer->normalized;
    const std::string b = r.conflicts[0].normalized;
    EXPECT_TRUE((a == "1914-06-28" && b == "1914-06-27")
                || (a == "1914-06-27" && b == "1914-06-28"));
    EXPECT_FALSE(r.conflicts[0].support.empty());
}

TEST(AnswerBuilder, ANearbyValueInALooserSentenceIsAConflict) {
    // The second source words it differently ("aged", "school", "he") but gives a value one unit
    // away: the same quantity told two ways. A distant value worded as loosely is no conflict.
    const auto near = ask(
        "How old was the painter when he was sent to Lyon to study?",
        {passage_of("The painter was nine when his uncle sent him to Lyon to study drawing.", 0),
         passage_of("Aged eight, he was sent to a school in Lyon with his cousin.", 1)});
    ASSERT_EQ(near.response.status, "answered");
    EXPECT_EQ(near.response.answer->normalized, "9");
    ASSERT_EQ(near.response.conflicts.size(), 1u);
    EXPECT_EQ(near.response.conflicts[0].normalized, "8");
    const auto far = ask(
        "How old was the painter when he was sent to Lyon to study?",
        {passage_of("The painter was nine when his uncle sent him to Lyon to study drawing.", 0),
         passage_of("Aged forty, he was sent to a school in Lyon with his cousin.", 1)});
    ASSERT_EQ(far.response.status, "answered");
    EXPECT_TRUE(far.response.conflicts.empty());
}

TEST(AnswerBuilder, TheNameOfAThingNeedsASentenceAboutSuchAThing) {
    const std::string question = "What was the name of the ferry that carried the mayor to Dover?";
    const auto found = ask(question,
                           {passage_of("The mayor was carried to Dover on the ferry Marianne.", 0),
                            passage_of("The mayor met Paul Dunn in Dover.", 1)});
    ASSERT_EQ(found.response.status, "answered");
    EXPECT_EQ(found.response.answer->text, "Marianne");
    // No sentence speaks of a ferry: the names near the question's words are not its name.
    const auto missing = ask(question,
                             {passage_of("The mayor was carried to Dover by Paul Dunn.", 0),
                              passage_of("In Dover the mayor met Anna Webb.", 1)});
    EXPECT_EQ(missing.response.status, "not_found");
}

TEST(AnswerBuilder, ADateBeforeUntilTheEventIsNotTheEventsDate) {
    // "until her death" ends the teaching that began in 1922: it does not date the death, which
    // the shorter second source does.
    const auto started = ask("When did the sculptor Vera Lind die?",
                             {passage_of("The sculptor Vera Lind taught in Oslo from 1922 until "
                                         "her death.",
                                         0),
                              passage_of("Vera Lind died in 1958.", 1)});
    ASSERT_EQ(started.response.status, "answered");
    EXPECT_EQ(started.response.answer->normalized, "1958");
    // A date after the event word still dates it.
    const auto dated = ask("When did the sculptor Vera Lind die?",
                           {passage_of("The sculptor Vera Lind lived in Oslo from 1922 until "
                                       "her death in 1958.",
                                       0)});
    ASSERT_EQ(dated.response.status, "answered");
    EXPECT_EQ(dated.response.answer->normalized, "1958");
}

TEST(AnswerBuilder, AgreeingSourcesMakeOneGroupWithTwoSources) {
    const auto out = ask("When was the archduke shot?",
                         {passage_of("The archduke was shot in Sarajevo on 28 June 1914.", 0),
                          passage_of("On June 28, 1914 the archduke was shot by a student.", 1)});
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_EQ(out.response.answer->normalized, "1914-06-28");
    EXPECT_EQ(out.response.answer->independent_sources, 2u);
    EXPECT_TRUE(out.response.conflicts.empty());
}

TEST(AnswerBuilder, PeopleNamedTogetherAnswerTogether) {
    // Both partners did what the question asks: the answer is the pair, not the first name.
    const auto r = ask("Who did Olsen found the shipyard with?",
                       {passage_of("In 1902 Olsen founded the shipyard with two merchants, Karl "
                                   "Berg and Anton Lie, who financed its first dock.")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->text, "Karl Berg and Anton Lie");
    // A question that names one of them asks for another: no pair.
    const auto one = ask("Who founded the shipyard with Karl Berg?",
                         {passage_of("In 1902 Olsen and Karl Berg founded the shipyard.")});
    ASSERT_EQ(one.response.status, "answered");
    EXPECT_EQ(one.response.answer->text, "Olsen");
}

TEST(AnswerBuilder, AListOfAsManyItemsAsAskedIsTheSentencesCoordination) {
    // An article after "and" does not end the coordination, and the answer keeps the sentence's
    // order and words.
    const auto r = ask("Which two councils approve the harbour budget?",
                       {passage_of("While the mayor proposes it, the Harbour Board and the Council "
                                   "of the Western Province approve the harbour budget.")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->text, "Harbour Board and the Council of the Western Province");
}

TEST(AnswerBuilder, TheDocumentTitleNamesWhatItsSentencesSpeakOf) {
    // "He" is the document's subject: its title names him.
    Passage p = passage_of("He lived most of his life in Tromsø, where he ran the harbour office.");
    const auto untitled = ask("Where did Anton Lie live most of his life?", {p});
    EXPECT_EQ(untitled.response.status, "not_found");
    p.ref.title = "Anton Lie";
    const auto titled = ask("Where did Anton Lie live most of his life?", {p});
    ASSERT_EQ(titled.response.status, "answered");
    EXPECT_EQ(titled.response.answer->text, "Tromsø");
}

TEST(AnswerBuilder, AnOrganisationMayAnswerWho) {
    const auto r = ask("Who won the 1921 harbour cup final?",
                       {passage_of("The 1921 harbour cup final was won by Bergen Football Club "
                                   "after a replay.")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->text, "Bergen Football Club");
}

TEST(AnswerBuilder, ARoleQuestionIsAnsweredByTheOffice) {
    // The sentence never says "role": the office it names is the answer.
    const Question q =
        analyze_question("What would be Olsen's role?", *std::make_unique<text::Analyzer>());
    ASSERT_EQ(q.focus, "role");
    for (const KeyTerm& k : q.terms) {
        EXPECT_TRUE(!k.focus || k.weight < 0.2) << k.folded;
    }
    const auto r = ask("What would be Olsen's role?",
                       {passage_of("In 1920 Olsen of Bergen Harbour became the treasurer of the "
                                   "Kongsberg Mining Company.")});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_NE(r.response.answer->text.find("treasurer"), std::string::npos)
        << r.response.answer->text;
}

TEST(AnswerBuilder, AbstainsWhenNoSentenceCoversTheQuestion) {
    const auto out = ask("In which hospital was the archduke's driver treated?",
                         {passage_of("The archduke was shot in Sarajevo on 28 June 1914.", 0),
                          passage_of("The assassin was a student from Bosnia.", 1)});
    EXPECT_EQ(out.response.status, "not_found");
    EXPECT_FALSE(out.response.answer.has_value());
    EXPECT_EQ(out.response.confidence, 0.0);
    EXPECT_FALSE(out.response.closest.empty());
}

TEST(AnswerBuilder, AnswersDefinitionsWithDeduplicatedSentences) {
    const auto out =
        ask("What is a lighthouse?",
            {passage_of("A lighthouse is a tower that shines a light to guide ships.", 0),
             passage_of("A lighthouse is a tower that shines a light to guide ships!", 1),
             passage_of("Keepers lived in the lighthouse with their families.", 2)});
    const AskResponse& r = out.response;
    ASSERT_EQ(r.status, "answered");
    EXPECT_NE(r.answer_text.find("tower that shines a light"), std::string::npos);
    // The copy is not repeated.
    EXPECT_EQ(r.answer_text.find("guide ships!"), std::string::npos);
}

TEST(AnswerBuilder, AnswersYesNoFromNegation) {
    const auto yes = ask("Did the archduke visit Sarajevo?",
                         {passage_of("The archduke visited Sarajevo in June 1914.", 0)});
    ASSERT_TRUE(yes.response.answer.has_value());
    EXPECT_EQ(yes.response.answer->text, "yes");
    const auto no = ask("Did the archduke visit Vienna in 1914?",
                        {passage_of("The archduke did not visit Vienna in 1914.", 0)});
    ASSERT_TRUE(no.response.answer.has_value());
    EXPECT_EQ(no.response.answer->text, "no");
}

TEST(AnswerBuilder, OrdersTwoEventsByTheirDates) {
    const auto out =
        ask("Which came first: the opening of the canal or the coronation of the king?",
            {passage_of("The king's coronation took place in 1902.", 0),
             passage_of("The opening of the canal was celebrated in 1869.", 1)});
    ASSERT_TRUE(out.response.answer.has_value());
    EXPECT_EQ(out.response.answer->text, "the opening of the canal");
}

}  // namespace
}  // namespace iskra::answer
