#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace iskra::answer {

/// The languages whose function words tell them apart in a sentence or a question.
enum class Language : std::uint8_t { Unknown, English, German, French, Spanish, Italian, Dutch };

/// The language whose function words ("the", "der", "les", "los", "della", "het") `text` uses
/// most, when it uses at least `min_words` of them and twice as many as of any other language;
/// Unknown otherwise: short text, names, lists, or text stripped of its function words, which
/// must not count as foreign. A question is short: two of its words may tell.
Language guess_language(std::string_view text, std::size_t min_words = 3);

}  // namespace iskra::answer
