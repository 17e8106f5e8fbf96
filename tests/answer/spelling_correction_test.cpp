// A question's word that the collection spells one letter differently still finds its
// sentences, and a word with no such neighbour stays missing.
#include "iskra/answer/spelling_correction.hpp"

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

class SpellingCorrection : public ::testing::Test {
  protected:
    void SetUp() override {
        iskra::testing::write_text_file(
            docs_ / "museum.txt",
            "In 1857 John Sheepshanks donated 233 paintings to the museum.\n\n"
            "The museum opened a new wing for the paintings in 1909.\n");
        iskra::testing::write_text_file(
            docs_ / "gallery.txt",
            "The museum holds paintings by British artists of the nineteenth century.\n\n"
            "Many paintings of the museum were gifts of collectors.\n");
        collection_ = testing::build_seed_collection(docs_, dir_ / "collection");
    }

    iskra::testing::TempDir dir_{"iskra-spelling"};
    std::filesystem::path docs_ = dir_ / "docs";
    testing::SeedCollection collection_;
    text::Analyzer analyzer_;
};

TEST_F(SpellingCorrection, FindsTheIndexedTermOneEditAway) {
    const index::Snapshot& snapshot = *collection_.snapshot;
    const std::string indexed = analyzer_.term("sheepshanks");
    EXPECT_EQ(nearest_indexed_term(snapshot, analyzer_.term("sheeshanks")), indexed);   // deleted
    EXPECT_EQ(nearest_indexed_term(snapshot, analyzer_.term("sheepshnaks")), indexed);  // swapped
    EXPECT_EQ(nearest_indexed_term(snapshot, analyzer_.term("sheepshankz")), indexed);  // replaced
    // Two edits away, or too short to guess from.
    EXPECT_EQ(nearest_indexed_term(snapshot, analyzer_.term("shpshanks")), "");
    EXPECT_EQ(nearest_indexed_term(snapshot, "fir"), "");
}

TEST_F(SpellingCorrection, AMisspelledNameStillAnswers) {
    Answerer answerer(collection_.snapshot, &collection_.knowledge);
    AskRequest request;
    request.question = "How many paintings did John Sheeshanks donate to the museum?";
    auto r = answerer.ask(request, analyzer_);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(r->answer->normalized, "233");
    // A name nothing in the collection resembles is still missing: no answer is made up.
    request.question = "How many paintings did John Constable donate to the museum?";
    r = answerer.ask(request, analyzer_);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->status, "not_found") << r->answer->text;
}

}  // namespace
}  // namespace iskra::answer
