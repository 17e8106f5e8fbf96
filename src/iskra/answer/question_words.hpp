#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iskra::answer {

/// A word of a question as typed, with its ASCII-lower-cased form and possessive removed.
struct QuestionWord {
    std::string surface;  ///< "Tolstoy's" -> "Tolstoy"
    std::string lower;    ///< "tolstoy"
    bool capitalized = false;
    bool possessive = false;
};

/// Splits a question into words: letters, digits, inner hyphens and apostrophes; curly quotes are
/// treated as apostrophes; "'s" and a trailing "'" are dropped (and noted).
std::vector<QuestionWord> split_question(std::string_view question);

/// The quoted meaning a question gives of the name it asks for: "which newspaper, whose name
/// means 'Our Word'" -> "Our Word". Empty when the question quotes no meaning after "means",
/// "meant", "meaning" or "translated as".
std::string quoted_gloss(std::string_view question);

/// The words that frame such a meaning ("name", "means", "meaning"...): not what a sentence
/// giving the name must contain.
bool is_gloss_frame_word(std::string_view lower);

}  // namespace iskra::answer
