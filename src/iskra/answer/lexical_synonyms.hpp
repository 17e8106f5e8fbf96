#pragma once

#include <span>
#include <string_view>

namespace iskra::answer {

/// Other words for `folded_word` (lower-case, unstemmed) from a small list of general English
/// equivalences that questions and answers often use on either side (kill ~ assassinate ~ murder,
/// born ~ birth, die ~ death, found ~ establish...). Empty when the word has none.
std::span<const std::string_view> lexical_synonyms(std::string_view folded_word);

/// Words for an event the event of `folded_word` brings about at (about) the same time: a killing
/// is a death (kill, assassinate, murder, execute -> die, died, death). "When was X
/// assassinated" is answered by the date X died, give or take a day. Empty when none.
std::span<const std::string_view> same_time_events(std::string_view folded_word);

}  // namespace iskra::answer
