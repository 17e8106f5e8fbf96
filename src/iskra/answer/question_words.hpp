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

}  // namespace iskra::answer
