#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace iskra::text {

/// A sentence as byte offsets into the text it was split from; leading and trailing whitespace
/// are excluded, so text.substr(begin, end - begin) is the sentence as written.
struct SentenceSpan {
    std::uint32_t begin;
    std::uint32_t end;
};

/// Splits `text` (valid UTF-8) into sentences with ICU sentence boundaries, plus two rules ICU
/// lacks: a line break ends a sentence when the text is written one sentence a line without
/// final punctuation (lower-cased dumps, lists, headings), and blank lines always do.
/// Abbreviations ("St. Petersburg", "Dr.", initials "L. D.") do not end a sentence.
std::vector<SentenceSpan> split_sentences(std::string_view text);

}  // namespace iskra::text
