#pragma once

#include <span>
#include <string_view>

namespace iskra::text {

/// True for common English function words ("the", "of", "was", "did", "who"...), given in folded
/// (lower-case, unstemmed) form. The analyzer keeps stop words in the index so that phrases match;
/// this list is for the modules that weigh words (question analysis, answer extraction).
bool is_stop_word(std::string_view folded_word);

/// The whole list, sorted.
std::span<const std::string_view> stop_words();

}  // namespace iskra::text
