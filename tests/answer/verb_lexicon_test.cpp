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
                                    "drive v 1 0\ncarry v 1 0\nmount v 1 0\nlook_up v 1 0\n"
                                    "hold v 1 0\nleave v 1 0\n");
    iskra::testing::write_text_file(dir.path() / "index.noun",
                                    "  1 license text\ndrive n 1 0\nmount n 1 0\nnews n 1 0\n");
    iskra::testing::write_text_file(dir.path() / "verb.exc", "held hold\nleft leave\n");
    iskra::testing::write_text_file(dir.path() / "index.adj", "left a 1 0\n");
    iskra::testing::write_text_file(dir.path() / "index.adv", "");
    return VerbLexicon(dir.path());
}

TEST(VerbLexicon, KnowsVerbOnlyWordsAndTheirInflections) {
    iskra::testing::TempDir dir;
    const VerbLexicon lexicon = tiny_lexicon(dir);
    // consist, include, carry, hold, leave: drive and mount are nouns too
    EXPECT_EQ(lexicon.size(), 5u);
    EXPECT_TRUE(lexicon.verb_only("consist"));
    EXPECT_TRUE(lexicon.verb_only("consists"));
    EXPECT_TRUE(lexicon.verb_only("includes"));
    EXPECT_TRUE(lexicon.verb_only("included"));
    EXPECT_TRUE(lexicon.verb_only("carries"));
    EXPECT_FALSE(lexicon.verb_only("drive"));    // also a noun
    EXPECT_FALSE(lexicon.verb_only("mounted"));  // "mount" is a noun too
    EXPECT_FALSE(lexicon.verb_only("news"));
    EXPECT_FALSE(lexicon.verb_only("look"));  // only in a multi-word lemma
    EXPECT_TRUE(lexicon.verb_only("held"));   // irregular
    EXPECT_FALSE(lexicon.verb_only("left"));  // also an adjective
}

TEST(VerbLexicon, TellsWhichWordsMayBeVerbs) {
    iskra::testing::TempDir dir;
    const VerbLexicon lexicon = tiny_lexicon(dir);
    EXPECT_TRUE(lexicon.can_be_verb("drives"));
    EXPECT_TRUE(lexicon.can_be_verb("mounted"));
    EXPECT_TRUE(lexicon.can_be_verb("left"));
    EXPECT_FALSE(lexicon.can_be_verb("density"));
}

TEST(VerbLexicon, IsEmptyWithoutWordNet) {
    iskra::testing::TempDir dir;
    const VerbLexicon lexicon(dir.path() / "missing");
    EXPECT_EQ(lexicon.size(), 0u);
    EXPECT_FALSE(lexicon.verb_only("consists"));
    EXPECT_TRUE(lexicon.can_be_verb("density"));  // nothing known: anything may be a verb
}

}  // namespace
}  // namespace iskra::answer
