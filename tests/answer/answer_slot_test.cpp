// The answer slot of a question: the words next to its asked phrase, looked for next to a
// candidate in a sentence.

#include "iskra/answer/answer_slot.hpp"

#include <string>

#include <gtest/gtest.h>

#include "iskra/answer/question_analyzer.hpp"

namespace iskra::answer {
namespace {

// The cue for the first occurrence of `span` in `sentence`.
double cue(const AnswerSlot& slot,
           const std::string& sentence,
           const std::string& span,
           text::Analyzer& analyzer) {
    const auto at = static_cast<std::uint32_t>(sentence.find(span));
    return slot_cue(slot, sentence, at, at + static_cast<std::uint32_t>(span.size()), analyzer);
}

TEST(AnswerSlot, WordsBeforeAMidQuestionPhraseAnswerAfterThemInTheSentence) {
    text::Analyzer analyzer;
    const Question q =
        analyze_question("Drowsiness follows the release of what hormone at dusk?", analyzer);
    const auto slot = find_answer_slot(q.text, q.focus, analyzer);
    ASSERT_TRUE(slot.has_value());
    EXPECT_EQ(slot->particle, "of");
    const std::string s =
        "At dusk the pineal gland starts the release of velorin, "
        "and the optic nerve rests.";
    EXPECT_GT(cue(*slot, s, "velorin", analyzer), 1.0);  // "release of velorin"
    EXPECT_DOUBLE_EQ(cue(*slot, s, "pineal gland", analyzer), 1.0);
    EXPECT_DOUBLE_EQ(cue(*slot, s, "optic nerve", analyzer), 1.0);
}

TEST(AnswerSlot, TrailingPrepositionPlacesTheAnswerAfterItsVerb) {
    text::Analyzer analyzer;
    const auto slot = find_answer_slot("What are the rotor blades fastened to?", "", analyzer);
    ASSERT_TRUE(slot.has_value());
    const std::string s = "The rotor blades are fastened to the drive shaft by steel pins.";
    EXPECT_GT(cue(*slot, s, "drive shaft", analyzer), 1.0);
    EXPECT_DOUBLE_EQ(cue(*slot, s, "steel pins", analyzer), 1.0);
}

TEST(AnswerSlot, WordAfterTheAskedPhraseFollowsTheAnswer) {
    text::Analyzer analyzer;
    const Question q =
        analyze_question("A ruling by what court reopened the Halden mine?", analyzer);
    const auto slot = find_answer_slot(q.text, q.focus, analyzer);
    ASSERT_TRUE(slot.has_value());
    const std::string s = "In 1952 a High Court of Norland ruling reopened the mine of Halden.";
    EXPECT_GT(cue(*slot, s, "High Court of Norland", analyzer), 1.0);
    EXPECT_DOUBLE_EQ(cue(*slot, s, "Halden", analyzer), 1.0);
}

TEST(AnswerSlot, QuestionsWithoutAnchoredSlotHaveNone) {
    text::Analyzer analyzer;
    // The asked phrase opens the question; a lone preposition before it is no anchor.
    EXPECT_FALSE(find_answer_slot("What did Halden export in 1900?", "", analyzer).has_value());
    EXPECT_FALSE(find_answer_slot("In which town was Berg born?", "town", analyzer).has_value());
    EXPECT_FALSE(find_answer_slot("When did Berg die?", "", analyzer).has_value());
    // A possessor is asked: no word stands right before it.
    EXPECT_FALSE(find_answer_slot("Years before whose theory?", "theory", analyzer).has_value());
}

}  // namespace
}  // namespace iskra::answer
