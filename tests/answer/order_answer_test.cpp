// "Which came first: A or B?" answered by the dates nearest each option's words.

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(OrderAnswer, TheOptionWithTheEarlierDateCameFirst) {
    iskra::testing::TempDir dir("iskra-order");
    std::filesystem::create_directories(dir / "docs");
    // The second document is lower-cased and stripped of stop words, as some sources are.
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "Maria Olsen\n\nMaria Olsen was a Norwegian politician. The Treaty of Port-Elin was signed "
        "on 4 May 1931 after long talks. Olsen returned to Bergen in the summer.\n");
    iskra::testing::write_text_file(
        dir / "docs" / "b.txt",
        "olsen later years\n\nafter talks 2 june 1929 olsen appointed minister fisheries "
        "government karl berg\n\nolsen resigned 1936 illness\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question =
        "Which came first: the signing of the Treaty of Port-Elin or Olsen's appointment as "
        "Minister of Fisheries?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->text, "Olsen's appointment as Minister of Fisheries");
    EXPECT_EQ(r->answer->normalized, "1929-06-02");
    EXPECT_EQ(r->answer->support.size(), 2u);
}

}  // namespace
}  // namespace iskra::answer
