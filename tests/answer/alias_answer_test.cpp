// Questions asking for another name of their subject ("under what name", "what pen name").

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"
#include "iskra/answer/question_analyzer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(AliasQuestion, RecognisesQuestionsForAnotherName) {
    text::Analyzer analyzer;
    EXPECT_TRUE(
        analyze_question("Under what name did Olsen publish her poems?", analyzer).asks_alias);
    EXPECT_TRUE(analyze_question("what pen name did olsen use", analyzer).asks_alias);
    EXPECT_TRUE(analyze_question("By what stage name was Olsen known?", analyzer).asks_alias);
    EXPECT_TRUE(analyze_question("What pseudonym did Olsen choose?", analyzer).asks_alias);
    EXPECT_FALSE(analyze_question("What was the name of Olsen's ship?", analyzer).asks_alias);
    EXPECT_FALSE(analyze_question("Where was Olsen born?", analyzer).asks_alias);
}

TEST(AliasQuestion, AnswersFromAnAliasStatementAboutTheSubject) {
    iskra::testing::TempDir dir("iskra-alias");
    std::filesystem::create_directories(dir / "docs");
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "Maria Olsen\n\nMaria Olsen was a Norwegian poet born in Tromsdal in 1890. In 1912 Olsen "
        "published her first poems under the pen name Kari Fjell. Her brother Nils Olsen, known "
        "as Storm, was a sailor. Olsen later taught in Bergen.\n");
    iskra::testing::write_text_file(
        dir / "docs" / "b.txt",
        "notes olsen\n\nmaria olsen wrote literary magazine tromsdal 1912 under pen name kari "
        "fjell\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "Under what name did Maria Olsen publish her poems?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Kari Fjell");
    ASSERT_FALSE(r->answer->support.empty());
    EXPECT_NE(r->answer->support.front().sentence.text.find("pen name"), std::string::npos);

    request.question = "what pen name did olsen use";
    r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(analyzer.fold(r->answer->text), "kari fjell");
}

}  // namespace
}  // namespace iskra::answer
