// A yes/no question answered from a sentence that sets its subject against what it asks about.

#include "iskra/answer/yesno_contrast.hpp"

#include <gtest/gtest.h>

#include "iskra/answer/question_analyzer.hpp"

namespace iskra::answer {
namespace {

TEST(YesNoContrast, SubjectAndAskedPartnerInClausesSetAgainstEachOther) {
    text::Analyzer analyzer;
    const Question q = analyze_question("Did Olsen side with Berg's Liberals in 1931?", analyzer);
    EXPECT_TRUE(contrasts_subject(
        q,
        "In 1931 Olsen supported Dahl and the Farmers, while Lund supported Berg's Liberals.",
        analyzer));
    // Lower-cased, stop words stripped.
    EXPECT_TRUE(contrasts_subject(
        q, "1931 olsen supported dahl farmers whereas lund supported berg liberals", analyzer));
    // Same clause: no contrast.
    EXPECT_FALSE(contrasts_subject(
        q, "In 1931 Olsen supported Berg's Liberals, but Lund did not.", analyzer));
    EXPECT_FALSE(contrasts_subject(q, "In 1931 Olsen supported Berg's Liberals.", analyzer));
}

}  // namespace
}  // namespace iskra::answer
