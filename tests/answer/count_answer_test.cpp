// "How many UNIT": a number written right before the unit, in the sentence or the next one.

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"
#include "iskra/answer/count_answerer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(CountAnswer, ReadsTheCountedUnit) {
    EXPECT_EQ(counted_unit("How many days was Olsen held?"), "day");
    EXPECT_EQ(counted_unit("how many ships sank"), "ship");
    EXPECT_EQ(counted_unit("How much did it cost?"), "");
    EXPECT_EQ(counted_unit("How many were there?"), "");
}

TEST(CountAnswer, TheCountMayBeInTheNextSentence) {
    iskra::testing::TempDir dir("iskra-count");
    std::filesystem::create_directories(dir / "docs");
    // The count is in the sentence after the one that matches the question.
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "Maria Olsen\n\nMaria Olsen was a Norwegian trade unionist. After the failed strike in "
        "Bergen, Olsen was arrested and held by the police on 3 May 1931. She was released twelve "
        "days later without a trial. Many workers supported her. In June more than 2,000 workers "
        "marched to the harbour.\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "How many days was Olsen held after her arrest in May 1931?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "twelve");
    request.question = "How many workers marched to the harbour?";
    r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "more than 2,000");
}

}  // namespace
}  // namespace iskra::answer
