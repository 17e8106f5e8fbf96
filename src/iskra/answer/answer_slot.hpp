#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Where a question's asked-for phrase stands among its words: "the presence of what molecule"
/// puts the answer after "presence of", "what are X associated with?" after "associated with",
/// "a decision made by what entity restored the patents" before "restored". A statement of the
/// answer often keeps those words next to it ("the presence of melatonin").
struct AnswerSlot {
    std::string left_term;   ///< analyzed term of the content word before the slot, or empty
    std::string particle;    ///< the preposition right before the slot ("of"), lower case, or empty
    std::string right_term;  ///< analyzed term of the content word right after the asked phrase
};

/// The slot of a what/which question whose asked phrase is not its first word ("based on what
/// attribute"), or that ends with a preposition ("what is X abbreviated as?"); nullopt when the
/// question has neither or no content word next to the slot.
std::optional<AnswerSlot> find_answer_slot(std::string_view question,
                                           std::string_view focus,
                                           text::Analyzer& analyzer);

/// How much a candidate at bytes [begin, end) of `sentence` sits where the slot says: > 1 when
/// the words before it (articles and possessives skipped) are the slot's preposition and left
/// word, or the word after it is the slot's right word; 1 otherwise.
double slot_cue(const AnswerSlot& slot,
                std::string_view sentence,
                std::uint32_t begin,
                std::uint32_t end,
                text::Analyzer& analyzer);

}  // namespace iskra::answer
