#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iskra::text {

struct Utf8Repair {
    std::string text;            ///< valid UTF-8
    std::size_t replaced_count;  ///< invalid sequences replaced by U+FFFD
};

/// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

/// Returns `bytes` with every maximal invalid subsequence replaced by U+FFFD (the WHATWG /
/// Unicode "substitution of maximal subparts" practice), and how many were replaced.
Utf8Repair repair_utf8(std::string_view bytes);

/// Length of the well-formed UTF-8 sequence starting at `bytes[pos]` (1-4), or 0 when the bytes at
/// `pos` do not start one. REQUIRES: pos < bytes.size().
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos);

/// Length (1-3) of the maximal ill-formed subpart starting at `bytes[pos]`, the bytes that
/// repair_utf8 replaces by one U+FFFD. REQUIRES: utf8_sequence_length(bytes, pos) == 0.
std::size_t utf8_ill_formed_length(std::string_view bytes, std::size_t pos);

/// Appends the UTF-8 encoding of code point `c` (REQUIRES: c <= 0x10FFFF and not a surrogate).
void append_utf8(char32_t c, std::string& out);

/// Heuristic: the bytes look like a binary file (NUL bytes or many control characters).
bool looks_binary(std::string_view sample);

}  // namespace iskra::text
