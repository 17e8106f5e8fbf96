// Office questions ("who succeeded X as T", "who was the T of O in YEAR"): their parsing, and
// their answers from the offices a small invented collection states.

#include "iskra/answer/office_question.hpp"

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(OfficeQuestion, ReadsSuccessorAndPredecessorForms) {
    auto q = parse_office_question("Who succeeded Maria Olsen as Minister of Fisheries?");
    ASSERT_TRUE(q.has_value());
    EXPECT_EQ(q->kind, OfficeQuestion::Kind::Successor);
    EXPECT_EQ(q->person, "Maria Olsen");
    EXPECT_EQ(q->title, "Minister of Fisheries");

    q = parse_office_question("who was olsen's predecessor as governor of the bank in 1931");
    ASSERT_TRUE(q.has_value());
    EXPECT_EQ(q->kind, OfficeQuestion::Kind::Predecessor);
    EXPECT_EQ(q->person, "olsen");
    EXPECT_EQ(q->title, "governor of the bank");
    EXPECT_EQ(q->year, 1931);

    // X succeeded the one asked for.
    q = parse_office_question("Who did Olsen replace as mayor?");
    ASSERT_TRUE(q.has_value());
    EXPECT_EQ(q->kind, OfficeQuestion::Kind::Predecessor);
    EXPECT_EQ(q->person, "Olsen");
}

TEST(OfficeQuestion, ReadsHolderFormOnlyWithAnOfficeWord) {
    auto q = parse_office_question("Who was the mayor of Tromsdal in 1931?");
    ASSERT_TRUE(q.has_value());
    EXPECT_EQ(q->kind, OfficeQuestion::Kind::Holder);
    EXPECT_EQ(q->title, "mayor of Tromsdal");
    EXPECT_EQ(q->year, 1931);
    EXPECT_FALSE(parse_office_question("Who was the author of the letter?").has_value());
    EXPECT_FALSE(parse_office_question("Who was Olsen's first wife?").has_value());
    EXPECT_FALSE(parse_office_question("When did Olsen become mayor?").has_value());
}

TEST(OfficeQuestion, AnswersFromTheStatedOffices) {
    iskra::testing::TempDir dir("iskra-office");
    std::filesystem::create_directories(dir / "docs");
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "Maria Olsen\n\nMaria Olsen is a Norwegian politician.\n\nminister of fisheries office 3 "
        "march 1931 15 june 1936 premier karl berg preceded tomas ruud succeeded anna lund mayor "
        "of tromsdal office 1925 1930 preceded per dahl succeeded jon eik\n\nMaria Olsen was "
        "born in Tromsdal. Olsen served as mayor before she joined the government. Anna Lund and "
        "Per Dahl are politicians too.\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "Who succeeded Maria Olsen as Minister of Fisheries?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Anna Lund");
    ASSERT_FALSE(r->answer->support.empty());
    EXPECT_NE(r->answer->support.front().sentence.text.find("fisheries"), std::string::npos);

    request.question = "Who preceded Olsen as mayor of Tromsdal?";
    r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Per Dahl");
}

}  // namespace
}  // namespace iskra::answer
