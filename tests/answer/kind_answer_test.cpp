// "Which island / village / newspaper": the name written next to the kind.

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(KindAnswer, TheNameNextToTheKindAnswers) {
    iskra::testing::TempDir dir("iskra-kind");
    std::filesystem::create_directories(dir / "docs");
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "Maria Olsen\n\nMaria Olsen was a Norwegian writer. After her exile from Norway in 1931 "
        "Olsen lived for three years on the island of Hareid near Bergen. She wrote two novels "
        "there.\n");
    iskra::testing::write_text_file(
        dir / "docs" / "b.txt",
        "olsen exile\n\nexile 1931 olsen's cottage island hareid bergen still stands\n\nolsen "
        "returned oslo 1934\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "On which island near Bergen did Olsen live in exile?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Hareid");
    // The kind is asked, but no sentence names one: not found.
    request.question = "In which hospital did Olsen die?";
    r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->status, "not_found");
}

TEST(KindAnswer, ARoleIsWrittenBeforeThePersonsName) {
    iskra::testing::TempDir dir("iskra-role");
    std::filesystem::create_directories(dir / "docs");
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "olsen arrest\n\nmarch 1931 governor ordered arrest maria olsen task given harbour "
        "officer jon eik turn brought olsen bergen prison\n\nolsen released two weeks later\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "Which harbour officer did the governor task with arresting Olsen?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Jon Eik");
}

}  // namespace
}  // namespace iskra::answer
