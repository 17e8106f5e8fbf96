#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iskra::extract {

/// What a scanned token is made of.
enum class TokenKind : std::uint8_t { Word, Number, Punct };

/// One token of a sentence as byte offsets into the scanned text.
///
/// Words are letter runs (with inner hyphens and apostrophes between letters, "Port-Elin",
/// "O'Brien"); numbers are digit runs; every other non-space character is its own Punct token.
/// Letter/digit boundaries split tokens ("office13" -> "office" "13"), which is how glued
/// infobox text becomes readable; `glued` tells that no space preceded the token.
struct ScanToken {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::Punct;
    bool glued = false;        ///< no whitespace between this token and the previous one
    bool capitalized = false;  ///< a word whose first letter is upper case
    bool all_caps = false;     ///< a word of two or more letters, all upper case
};

/// Splits `text` into tokens. Works on bytes; non-ASCII letters are recognised from their code
/// points (Latin, Greek, Cyrillic), other non-ASCII characters (dashes, quotes) are Punct.
std::vector<ScanToken> scan_words(std::string_view text);

/// The same into `tokens` (cleared first), reusing its capacity across sentences.
void scan_words(std::string_view text, std::vector<ScanToken>& tokens);

/// The folded forms (see fold_name) of a sentence's tokens, "" for non-words, kept in one
/// buffer so that folding a sentence allocates twice, not once per word.
class FoldedWords {
  public:
    FoldedWords() = default;
    FoldedWords(std::string_view text, const std::vector<ScanToken>& tokens);

    /// Folds another sentence, reusing the buffers.
    void assign(std::string_view text, const std::vector<ScanToken>& tokens);

    std::string_view operator[](std::size_t idx) const {
        const auto& [begin, end] = spans_[idx];
        return std::string_view(buffer_).substr(begin, end - begin);
    }
    std::size_t size() const { return spans_.size(); }

  private:
    /// Writes the lower-cased `piece` to `out`; false (and `out` to be overwritten) when it is
    /// not all ASCII.
    static bool fold_ascii(std::string_view piece, char* out);

    std::string buffer_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;
    std::string wide_;  ///< a non-ASCII word's fold, before it joins `buffer_`
};

/// Folds every Word token of `text`.
FoldedWords fold_words(std::string_view text, const std::vector<ScanToken>& tokens);

/// The code point at `pos` (valid or not) and its length in bytes (at least 1).
std::uint32_t decode_code_point(std::string_view text, std::size_t pos, std::size_t& length);

/// True for letters we recognise: ASCII, Latin-1, Latin Extended, Greek, Cyrillic and above.
bool is_letter_code_point(std::uint32_t cp);

/// True for upper-case letters in the ranges above.
bool is_upper_code_point(std::uint32_t cp);

}  // namespace iskra::extract
