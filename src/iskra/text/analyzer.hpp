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
    bool fold_diacritics = true;  ///< "córdoba" -> "cordoba"
};

/// Turns text into the terms the index stores and queries look up.
///
/// Words: maximal runs of letters (with their combining marks) or of digits, split where letters
/// meet digits ("office13" -> office, 13; "1940-08-21" -> 1940, 08, 21); an apostrophe between
/// letters stays inside ("people's", "people’s"); hyphens, dashes, periods and other punctuation
/// separate ("well-known" -> well, known). Runs of Han, kana, Thai, Lao, Khmer or Myanmar go
/// through ICU's dictionary word segmentation. Each word is NFKC-normalized, case-folded, stripped
/// of diacritics (Cyrillic letters stay, stress marks go) and, when it is Latin-script, stemmed
/// with Snowball English ("people's" -> "peopl", "revolutionaries" -> "revolutionari"). Words
/// longer than 100 bytes are dropped. Stop words are kept, so phrases like "socialism in one
/// country" match exactly. Pure-ASCII words skip ICU and are stemmed through a per-Analyzer cache.
/// Not thread-safe (caches, ICU iterators and Snowball stemmers hold state): make one Analyzer
/// per thread; construction is cheap (~10 µs).
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

    /// The index term for a single word: fold(word) then stem (when options.stem); equal to the
    /// term analyze() gives for that word alone.
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
