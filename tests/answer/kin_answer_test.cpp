// "Who was X's first wife?": a kin relation, with an ordinal the sentence must state.

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"
#include "iskra/answer/kin_answerer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(KinQuestion, ReadsTheRelationAndItsOrdinal) {
    auto k = parse_kin_question("Who was Olsen's first wife?");
    ASSERT_TRUE(k.has_value());
    EXPECT_EQ(k->relation, "wife");
    EXPECT_EQ(k->ordinal, "first");
    k = parse_kin_question("who was the son of maria olsen");
    ASSERT_TRUE(k.has_value());
    EXPECT_EQ(k->relation, "son");
    EXPECT_TRUE(k->ordinal.empty());
    EXPECT_FALSE(parse_kin_question("Who was the first wife?").has_value());
    EXPECT_FALSE(parse_kin_question("Who was Olsen's doctor?").has_value());
}

TEST(KinQuestion, TheOrdinalPicksTheMarriage) {
    iskra::testing::TempDir dir("iskra-kin");
    std::filesystem::create_directories(dir / "docs");
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "olsen family\n\nfirst marriage 1901 while studying bergen per olsen married kari dahl "
        "1880–1950 fellow teacher\n\n1911 olsen moved oslo accompanied wife ingrid berg son nils "
        "olsen\n\nsecond marriage 1910 olsen married ingrid berg painter\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "Who was Per Olsen's first wife?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Kari Dahl");
    request.question = "Who was Olsen's second wife?";
    r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Ingrid Berg");
}

}  // namespace
}  // namespace iskra::answer
