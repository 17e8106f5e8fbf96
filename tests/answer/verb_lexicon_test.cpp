#include "iskra/answer/verb_lexicon.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

// A WordNet directory with a few lemmas in each index (first field; license lines start with a
// space).
VerbLexicon tiny_lexicon(const iskra::testing::TempDir& dir) {
    iskra::testing::write_text_file(dir.path() / "index.verb",
                                    "  1 license text\nconsist v 1 0\ninclude v 1 0\n"
                                    "drive v 1 0\ncarry v 1 0\nmount v 1 0\nlook_up v 1 0\n");
    iskra::testing::write_text_file(dir.path() / "index.noun",
                                    "  1 license text\ndrive n 1 0\nmount n 1 0\nnews n 1 0\n");
    iskra::testing::write_text_file(dir.path() / "index.adj", "");
    iskra::testing::write_text_file(dir.path() / "index.adv", "");
    return VerbLexicon(dir.path());
}

TEST(VerbLexicon, KnowsVerbOnlyWordsAndTheirInflections) {
    iskra::testing::TempDir dir;
    const VerbLexicon lexicon = tiny_lexicon(dir);
    EXPECT_EQ(lexicon.size(), 3u);  // consist, include, carry: drive and mount are nouns too
    EXPECT_TRUE(lexicon.verb_only("consist"));
    EXPECT_TRUE(lexicon.verb_only("consists"));
    EXPECT_TRUE(lexicon.verb_only("includes"));
    EXPECT_TRUE(lexicon.verb_only("included"));
    EXPECT_TRUE(lexicon.verb_only("carries"));
    EXPECT_FALSE(lexicon.verb_only("drive"));    // also a noun
    EXPECT_FALSE(lexicon.verb_only("mounted"));  // "mount" is a noun too
    EXPECT_FALSE(lexicon.verb_only("news"));
    EXPECT_FALSE(lexicon.verb_only("look"));  // only in a multi-word lemma
}

TEST(VerbLexicon, IsEmptyWithoutWordNet) {
    iskra::testing::TempDir dir;
    const VerbLexicon lexicon(dir.path() / "missing");
    EXPECT_EQ(lexicon.size(), 0u);
    EXPECT_FALSE(lexicon.verb_only("consists"));
}

}  // namespace
}  // namespace iskra::answer
