#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace iskra::text {

/// Sentence boundaries of a pure-ASCII segment (no line breaks), following the rules of Unicode
/// UAX #29 that matter for ASCII text, without ICU's per-character state machine:
///   * '?' and '!' (with more terminators and closing quotes/brackets after them) end a sentence
///     when whitespace follows, unless a comma, colon, semicolon or hyphen comes next (SB8a);
///   * '.' does the same, and also goes on when the next letter after it is lower-case
///     ("e.g. the", "... and"; SB8); without whitespace after it ("3.14", "U.S") it never ends one.
/// Appends each boundary (the offset where the next sentence starts, trailing spaces included in
/// the previous one, as ICU does) and finally `segment.size()` unless the segment is empty.
void ascii_sentence_boundaries(std::string_view segment, std::vector<std::size_t>& boundaries);

}  // namespace iskra::text
