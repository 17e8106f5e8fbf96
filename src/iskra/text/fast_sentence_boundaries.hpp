#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace iskra::text {

/// Sentence boundaries of a segment of UTF-8 text without line breaks, by the rules of Unicode
/// UAX #29 (SB5-SB11) applied directly to the Sentence_Break property of each character, without
/// ICU's iterator (which must be created, and walks a state machine per character):
///   * '?', '!' and other STerm characters end a sentence after any closing quotes/brackets and
///     spaces that follow, unless a comma, colon, semicolon, dash or another terminator comes next;
///   * '.' (ATerm) does the same, but goes on before a digit or an upper-case letter glued to it
///     after a letter ("3.14", "U.S"), and when the next letter is lower-case ("e.g. the").
/// Appends each boundary (the offset where the next sentence starts; spaces stay with the previous
/// one, as with ICU) and finally `segment.size()` unless the segment is empty. Returns false,
/// leaving `boundaries` as it found it, when the segment holds a paragraph separator (which these
/// rules do not model).
bool fast_sentence_boundaries(std::string_view segment, std::vector<std::size_t>& boundaries);

}  // namespace iskra::text
