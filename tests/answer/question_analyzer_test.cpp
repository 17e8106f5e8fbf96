#include "iskra/answer/question_analyzer.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace iskra::answer {
namespace {

struct TypingCase {
    const char* question;
    AnswerType expected;
};

// Questions written for this test, in the forms people type (lower case, no question mark).
TEST(QuestionAnalyzer, TypesQuestionsByWhWordAndHeadNoun) {
    const TypingCase cases[] = {
        {"who killed the last tsar", AnswerType::Person},
        {"Who painted the ceiling of the chapel?", AnswerType::Person},
        {"when did the canal open", AnswerType::Date},
        {"In which year was the bridge finished?", AnswerType::Year},
        {"what year did the war end", AnswerType::Year},
        {"On what date was the treaty signed?", AnswerType::Date},
        {"where was the poet buried", AnswerType::Place},
        {"In which city did the congress meet?", AnswerType::Place},
        {"how many ships sank in the storm", AnswerType::Number},
        {"How much did the painting sell for?", AnswerType::Number},
        {"how old was the queen when she was crowned", AnswerType::Number},
        {"why did the bank collapse", AnswerType::Reason},
        {"What is photosynthesis?", AnswerType::Definition},
        {"who was napoleon", AnswerType::Definition},
        {"Who was Napoleon's dentist?", AnswerType::Person},
        {"who was the admiral's tailor", AnswerType::Person},
        {"Which newspaper did she found in 1901?", AnswerType::Organization},
        {"which political party did he join", AnswerType::Organization},
        {"Did the king sign the charter?", AnswerType::YesNo},
        {"was the ship ever found", AnswerType::YesNo},
        {"Name the three founders of the company.", AnswerType::List},
        {"Which three generals led the revolt?", AnswerType::List},
        {"Who were the composer's two sons?", AnswerType::List},
        {"Which came first: the flood or the fire?", AnswerType::Date},
        {"In the story, how many wishes does the genie grant?", AnswerType::Number},
        {"what is the population of the island", AnswerType::Number},
        {"what weapon did the knight carry", AnswerType::Other},
    };
    for (const TypingCase& c : cases) {
        EXPECT_EQ(answer_type_name(classify_question(c.question)), answer_type_name(c.expected))
            << c.question;
    }
}

bool has_term(const Question& q, std::string_view folded) {
    return std::any_of(
        q.terms.begin(), q.terms.end(), [&](const KeyTerm& k) { return k.folded == folded; });
}

const KeyTerm* find_term(const Question& q, std::string_view folded) {
    for (const KeyTerm& k : q.terms) {
        if (k.folded == folded) {
            return &k;
        }
    }
    return nullptr;
}

TEST(QuestionAnalyzer, KeepsContentWordsWithSynonymsAndDropsQuestionWords) {
    text::Analyzer analyzer;
    const Question q = analyze_question("Who murdered the Archduke's driver?", analyzer);
    EXPECT_EQ(q.type, AnswerType::Person);
    EXPECT_FALSE(has_term(q, "who"));
    EXPECT_FALSE(has_term(q, "the"));
    ASSERT_TRUE(has_term(q, "archduke"));  // possessive removed
    const KeyTerm* murdered = find_term(q, "murdered");
    ASSERT_NE(murdered, nullptr);
    // kill ~ assassinate ~ murder: a sentence saying "assassinated" matches.
    EXPECT_NE(
        std::find(murdered->terms.begin(), murdered->terms.end(), analyzer.term("assassinated")),
        murdered->terms.end());
    EXPECT_TRUE(find_term(q, "archduke")->proper);
}

TEST(QuestionAnalyzer, TakePlaceIsNoKeyTerm) {
    text::Analyzer analyzer;
    const Question q = analyze_question("When did the Dover trial take place?", analyzer);
    EXPECT_EQ(q.type, AnswerType::Date);
    EXPECT_TRUE(has_term(q, "trial"));
    EXPECT_FALSE(has_term(q, "take"));
    EXPECT_FALSE(has_term(q, "place"));
    // Elsewhere both words count.
    const Question other = analyze_question("Which place did the mayor take?", analyzer);
    EXPECT_TRUE(has_term(other, "take"));
}

TEST(QuestionAnalyzer, TheHeadNounComesBeforeARelativeClause) {
    text::Analyzer analyzer;
    // "amount" would type a number, but it belongs to the clause after "that".
    const Question q = analyze_question("What law says that the amount of rain doubles?", analyzer);
    EXPECT_EQ(q.type, AnswerType::Other);
    EXPECT_EQ(q.focus, "law");
}

TEST(QuestionAnalyzer, BringsAliasesOfNamedEntities) {
    text::Analyzer analyzer;
    const AliasLookup aliases = [](std::string_view name) -> std::vector<std::string> {
        if (name == "bonaparte") {
            return {"Napoleon Bonaparte", "Napoleone Buonaparte"};
        }
        return {};
    };
    const Question q = analyze_question("where was bonaparte exiled", analyzer, aliases);
    const KeyTerm* k = find_term(q, "bonaparte");
    ASSERT_NE(k, nullptr);
    EXPECT_TRUE(k->proper);
    EXPECT_NE(std::find(k->terms.begin(), k->terms.end(), analyzer.term("Buonaparte")),
              k->terms.end());
}

TEST(QuestionAnalyzer, SplitsTheOptionsOfAWhichCameFirstQuestion) {
    text::Analyzer analyzer;
    const Question q = analyze_question(
        "Which came first: the opening of the canal or the king's coronation?", analyzer);
    EXPECT_EQ(q.type, AnswerType::Date);
    ASSERT_EQ(q.options.size(), 2u);
    EXPECT_EQ(q.options[0], "the opening of the canal");
    EXPECT_EQ(q.options[1], "the king's coronation");
    ASSERT_EQ(q.option_terms.size(), 2u);
    EXPECT_FALSE(q.option_terms[0].empty());
    EXPECT_FALSE(q.option_terms[1].empty());
}

}  // namespace
}  // namespace iskra::answer

namespace iskra::answer {
namespace {

TEST(QuestionAnalyzer, TheNameOfAThingIsTypedByTheThing) {
    text::Analyzer analyzer;
    const Question ship =
        analyze_question("What was the name of the ferry that carried the mayor?", analyzer);
    EXPECT_EQ(ship.type, AnswerType::Other);  // a ferry's name, not a person's
    EXPECT_EQ(ship.focus, "ferry");
    EXPECT_TRUE(ship.focus_required);
    const Question sister =
        analyze_question("What was the name of the mayor's younger sister?", analyzer);
    EXPECT_EQ(sister.type, AnswerType::Person);
    EXPECT_EQ(sister.focus, "sister");
    EXPECT_TRUE(sister.focus_required);
    const Question plain = analyze_question("Which bridge did the mayor open?", analyzer);
    EXPECT_FALSE(plain.focus_required);
}

TEST(QuestionAnalyzer, TellsExplanationsFromThingsAfterWhatIs) {
    EXPECT_EQ(classify_question("What is a kernel module?"), AnswerType::Definition);
    EXPECT_EQ(classify_question("What did the early Quakers believe?"), AnswerType::Definition);
    EXPECT_EQ(classify_question("What does photosynthesis mean?"), AnswerType::Definition);
    // A thing is asked for: the answer is a phrase, not an explanation.
    EXPECT_EQ(classify_question("What is copper sulphate used for in gardens?"), AnswerType::Other);
    EXPECT_EQ(classify_question("What does a lack of iodine cause?"), AnswerType::Other);
    EXPECT_EQ(classify_question("What is the usual source of heat for boiling water in a kettle?"),
              AnswerType::Other);
}

}  // namespace
}  // namespace iskra::answer
