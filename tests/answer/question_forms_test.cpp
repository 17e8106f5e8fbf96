// Question analysis of general question forms: kinds of place that a sentence must name, and
// events whose date is the date of another ("when was X assassinated" = when X died).

#include <algorithm>

#include <gtest/gtest.h>

#include "iskra/answer/question_analyzer.hpp"

namespace iskra::answer {
namespace {

bool has_term(const Question& q, std::string_view surface, const std::string& term) {
    return std::any_of(q.terms.begin(), q.terms.end(), [&](const KeyTerm& k) {
        return k.surface == surface
               && std::find(k.terms.begin(), k.terms.end(), term) != k.terms.end();
    });
}

TEST(QuestionForms, AKindOfPlaceTheTextNamesMustBeSpokenOf) {
    text::Analyzer analyzer;
    const Question village = analyze_question("In which village was Olsen born?", analyzer);
    EXPECT_EQ(village.type, AnswerType::Place);
    EXPECT_TRUE(village.focus_required);
    EXPECT_TRUE(analyze_question("Which newspaper did Olsen edit?", analyzer).focus_required);
    // "born in Bergen" rarely says "city": a generic kind is not required.
    const Question city = analyze_question("In which city was Olsen born?", analyzer);
    EXPECT_EQ(city.type, AnswerType::Place);
    EXPECT_FALSE(city.focus_required);
}

TEST(QuestionForms, NamingOneThingIsNotAList) {
    text::Analyzer analyzer;
    EXPECT_EQ(analyze_question("Name the rivers of Norway.", analyzer).type, AnswerType::List);
    EXPECT_NE(analyze_question("Name one of the rivers of Norway.", analyzer).type,
              AnswerType::List);
    EXPECT_NE(analyze_question("Name a river of Norway.", analyzer).type, AnswerType::List);
}

TEST(QuestionForms, AKillingIsDatedByTheDeath) {
    text::Analyzer analyzer;
    const std::string died = analyzer.term("died");
    EXPECT_TRUE(
        has_term(analyze_question("When was Olsen assassinated?", analyzer), "assassinated", died));
    EXPECT_TRUE(
        has_term(analyze_question("In what year was Olsen murdered?", analyzer), "murdered", died));
    // Asking who did it: a sentence saying only that Olsen died names no killer.
    EXPECT_FALSE(
        has_term(analyze_question("Who assassinated Olsen?", analyzer), "assassinated", died));
}

TEST(QuestionForms, AHyphenatedNameIsOneKeyTermPerPart) {
    text::Analyzer analyzer;
    const Question q = analyze_question("When was the Treaty of Port-Elin signed?", analyzer);
    EXPECT_TRUE(has_term(q, "Port", analyzer.term("port")));
    EXPECT_TRUE(has_term(q, "Elin", analyzer.term("elin")));
}

TEST(QuestionForms, AYearOfTheQuestionWeighsLessThanAName) {
    text::Analyzer analyzer;
    const Question q = analyze_question("Which treaty did Norway sign in 1985?", analyzer);
    double year = 0;
    double name = 0;
    for (const KeyTerm& k : q.terms) {
        year = k.folded == "1985" ? k.weight : year;
        name = k.folded == "norway" ? k.weight : name;
    }
    EXPECT_GT(year, 0.0);
    EXPECT_LT(year, name);
}

}  // namespace
}  // namespace iskra::answer
