#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace iskra::text {

/// A sentence as byte offsets into the text it was split from; leading and trailing whitespace
/// are excluded, so text.substr(begin, end - begin) is the sentence as written.
struct SentenceSpan {
    std::uint32_t begin;
    std::uint32_t end;
};

/// Splits `text` (valid UTF-8) into sentences with ICU sentence boundaries, plus rules ICU
/// lacks: a line break ends a sentence when the text is written one sentence a line without
/// final punctuation (lower-cased dumps, lists, headings), and blank lines always do.
/// Abbreviations ("St. Petersburg", "Dr.", initials "L. D.", a letter or a dotted abbreviation
/// before a number: "c. 1455", "[O.S. 26 October]") do not end a sentence, nor does a period inside
/// a short bracket, even one a line break cuts ("[o" / "october] 1879"); a period glued to the next
/// sentence ("Tolstoy.He") does; no sentence is longer than about 1000 bytes (longer runs are cut
/// at whitespace). Spans are in text order, non-empty and do not overlap.
std::vector<SentenceSpan> split_sentences(std::string_view text);

/// The same, keeping ICU's iterator between calls: use one per thread when splitting many texts.
class SentenceSplitter {
  public:
    SentenceSplitter();
    ~SentenceSplitter();
    SentenceSplitter(const SentenceSplitter&) = delete;
    SentenceSplitter& operator=(const SentenceSplitter&) = delete;
    SentenceSplitter(SentenceSplitter&&) noexcept;
    SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

    std::vector<SentenceSpan> split(std::string_view text);

    /// A line of the text, without its line break.
    struct Line {
        std::size_t begin;
        std::size_t end;
    };

  private:
    void split_block(std::string_view text,
                     const std::vector<Line>& lines,
                     std::vector<SentenceSpan>& out);
    void split_segment(std::string_view text,
                       std::size_t begin,
                       std::size_t end,
                       std::vector<SentenceSpan>& out);
    bool icu_boundaries(std::string_view segment);
    void add_sentence(std::string_view text,
                      std::size_t begin,
                      std::size_t end,
                      std::vector<SentenceSpan>& out);
    void add_capped(std::string_view text,
                    std::size_t begin,
                    std::size_t end,
                    std::vector<SentenceSpan>& out);

    std::unique_ptr<icu::BreakIterator> breaker_;
    std::string flat_;
    std::vector<SentenceSpan> glued_;
    std::vector<std::size_t> boundaries_;
};

}  // namespace iskra::text
