#pragma once

#include <span>
#include <string_view>

namespace iskra::answer {

/// Other words for `folded_word` (lower-case, unstemmed) from a small list of general English
/// equivalences that questions and answers often use on either side (kill ~ assassinate ~ murder,
/// born ~ birth, die ~ death, found ~ establish...). Empty when the word has none.
std::span<const std::string_view> lexical_synonyms(std::string_view folded_word);

}  // namespace iskra::answer
