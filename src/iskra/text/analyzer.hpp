#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iskra::text {

/// One indexable word of a text.
struct Token {
    std::string term;     ///< normalized (NFKC, case-folded, diacritics folded) and stemmed
    std::uint32_t begin;  ///< byte offset of the word's first byte in the analyzed text
    std::uint32_t end;    ///< byte offset one past its last byte
};

struct AnalyzerOptions {
    bool stem = true;             ///< English Snowball stemming
    bool fold_diacritics = true;  ///< "coyoacán" -> "coyoacan"
};

/// Turns text into the terms the index stores and queries look up.
///
/// Words come from ICU word boundaries (so Cyrillic, CJK and diacritics are handled); each word is
/// NFKC-normalized, case-folded, stripped of diacritics and stemmed with Snowball English. Stop
/// words are kept, so phrases like "socialism in one country" match exactly. Punctuation and
/// whitespace produce no token. Not thread-safe (ICU iterators and Snowball stemmers hold state):
/// make one Analyzer per thread; construction is cheap enough for that.
class Analyzer {
  public:
    explicit Analyzer(AnalyzerOptions options = {});
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    /// Appends the tokens of `text` (valid UTF-8) to `out`; offsets are relative to `text`.
    void analyze(std::string_view text, std::vector<Token>& out);
    std::vector<Token> analyze(std::string_view text);

    /// The index term for a single word: fold(word) then stem (when options.stem).
    std::string term(std::string_view word);
    /// Normalization without stemming: NFKC, case fold, diacritics removed.
    std::string fold(std::string_view text);

    const AnalyzerOptions& options() const { return options_; }

  private:
    struct Impl;
    AnalyzerOptions options_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace iskra::text
