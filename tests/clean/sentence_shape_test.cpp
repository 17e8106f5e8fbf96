#include "iskra/clean/sentence_shape.hpp"

#include <gtest/gtest.h>

namespace iskra::clean {
namespace {

TEST(SentenceShape, OrdinarySentencesKeepFullQuality) {
    EXPECT_FLOAT_EQ(sentence_shape_quality("The lighthouse was painted white in 1902."), 1.0f);
    // Lower-cased, stop-word-stripped prose is still prose.
    EXPECT_FLOAT_EQ(sentence_shape_quality("keeper moved family island after storm destroyed"),
                    1.0f);
}

TEST(SentenceShape, ReferenceAndCitationFragmentsScoreLow) {
    EXPECT_LT(sentence_shape_quality("Retrieved 3 May 2010. ISBN 978-0-19-280250-5"), 0.5f);
    EXPECT_LT(sentence_shape_quality("harbour lights 1905 p"), 0.5f);
    EXPECT_LT(sentence_shape_quality("keeper's telephone address n"), 0.5f);
    EXPECT_LT(sentence_shape_quality("Smith, J. et al. Coastal Lights. vol. 3, pp. 12-19."), 0.5f);
}

TEST(SentenceShape, HeadingsAndNumberedLinesScoreBelowProse) {
    EXPECT_LT(sentence_shape_quality("4 northern pier 1901-1903 2"), 0.6f);
    EXPECT_LT(sentence_shape_quality("1969 lighthouse keepers life work"), 0.6f);
    EXPECT_LT(sentence_shape_quality("Figure 3 The northern pier at dawn"), 0.6f);
    EXPECT_LT(sentence_shape_quality("12 14 15 19 22 31"), 0.6f);
}

TEST(SentenceShape, NeverBelowTheFloor) {
    EXPECT_GE(sentence_shape_quality(""), 0.2f);
    EXPECT_GE(sentence_shape_quality("p"), 0.2f);
    EXPECT_GE(sentence_shape_quality("1905 p pp vol isbn retrieved n"), 0.2f);
}

}  // namespace
}  // namespace iskra::clean
