#include "iskra/text/sentence_splitter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "iskra/text/fast_sentence_boundaries.hpp"
#include "iskra/util/assert.hpp"

// How a text becomes sentences:
//   1. Blank lines cut the text into blocks; a block is never joined to the next.
//   2. In each block, a line break is a sentence break unless the block looks like hard-wrapped
//      prose (lines of similar width, sentence punctuation inside): lower-cased dumps, lists and
//      headings are written one item a line and have nothing else to split them.
//   3. Each resulting segment goes through ICU's sentence iterator (newlines of wrapped prose are
//      shown to it as spaces) or, unless it holds a paragraph separator, through the same UAX #29
//      rules applied directly (several times faster, no ICU iterator to create); then three
//      repairs: a break after an abbreviation ("Dr.", "St.") or an initial ("L.") is undone, and
//      so is one after a single letter or a dotted abbreviation that a number follows ("c. 1455",
//      "p. 12", "[O.S. 26 October]", "a.m. 5") and one inside brackets that close soon after
//      ("(b. 1879. d. 1940)"); "word.Next" glued without a space is split; a sentence longer than
//      kMaxSentenceBytes is cut at whitespace.
//   A line that ends inside a bracket which the next line closes soon ("7 november [o" then
//   "october] 1879", a dump cut mid-bracket) is joined to it before any of this.

namespace iskra::text {

namespace {

constexpr std::size_t kMaxSentenceBytes = 1000;
constexpr std::size_t kWrappedMaxLineBytes = 160;
constexpr std::size_t kWrappedMinLineBytes = 40;
// A bracket left open at most this far before a line's end, or a break, is closed at most this far
// after the next line's start, or the break, to count as one bracket across them.
constexpr std::size_t kBracketReachBytes = 80;

// Lower-case abbreviations that are followed by a period and usually by a capitalized word.
// Sorted for binary search. "etc" is left out: it ends sentences as often as not.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "adm", "apr", "aug", "capt", "cf",     "co",  "col", "corp", "dec",  "dept", "dr",
    "e.g", "feb", "fig", "ft",   "gen",    "gov", "hon", "i.e",  "inc",  "jan",  "jr",
    "jun", "lt",  "ltd", "maj",  "messrs", "mme", "mr",  "mrs",  "ms",   "mt",   "no",
    "nov", "oct", "pp",  "pres", "prof",   "rev", "sen", "sep",  "sept", "sgt",  "st",
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_letter(char c) {
    return is_ascii_lower(c) || is_ascii_upper(c);
}

using Line = SentenceSplitter::Line;

bool is_blank(std::string_view text, const Line& line) {
    for (std::size_t i = line.begin; i < line.end; ++i) {
        if (!is_space(text[i])) {
            return false;
        }
    }
    return true;
}

bool starts_with_list_marker(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return false;
    }
    line.remove_prefix(first);
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+' || line[0] == '#')
        && line[1] == ' ') {
        return true;
    }
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
        ++digits;
    }
    return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')')
           && line[digits + 1] == ' ';
}

bool has_sentence_punctuation(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || is_space(text[i + 1]))) {
            return true;
        }
    }
    return false;
}

bool ends_with_terminal(std::string_view line) {
    while (!line.empty()
           && (is_space(line.back()) || line.back() == '"' || line.back() == ')'
               || line.back() == '\'')) {
        line.remove_suffix(1);
    }
    return !line.empty()
           && (line.back() == '.' || line.back() == '?' || line.back() == '!' || line.back() == ':'
               || line.back() == ';');
}

bool starts_upper(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t\"'(");
    return first != std::string_view::npos && is_ascii_upper(line[first]);
}

// A block is hard-wrapped prose when its lines are of terminal width (40-160 bytes), it has
// sentence punctuation, no line after the first looks like a list item, and every line that
// stops mid-sentence (no final punctuation) nearly fills the width; a short unpunctuated line
// followed by a capitalized one is a heading or a list entry, not a wrapped line.
bool looks_wrapped(std::string_view text, const std::vector<Line>& lines) {
    if (lines.size() < 2) {
        return false;
    }
    std::size_t max_len = 0;
    for (const Line& line : lines) {
        max_len = std::max(max_len, line.end - line.begin);
    }
    if (max_len > kWrappedMaxLineBytes || max_len < kWrappedMinLineBytes) {
        return false;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
        if (i > 0 && starts_with_list_marker(line)) {
            return false;
        }
        if (i + 1 == lines.size() || ends_with_terminal(line)) {
            continue;
        }
        const std::string_view next =
            text.substr(lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin);
        const std::size_t min_percent = starts_upper(next) ? 85 : 60;
        if (line.size() * 100 < max_len * min_percent) {
            return false;
        }
    }
    const Line& first = lines.front();
    return has_sentence_punctuation(text.substr(first.begin, lines.back().end - first.begin));
}

// The word just before position `dot` (a '.'), lower-cased, e.g. "dr" for "Dr."; "e.g" for "e.g.".
std::string word_before(std::string_view text, std::size_t dot, std::size_t floor) {
    std::size_t begin = dot;
    while (begin > floor && (is_ascii_letter(text[begin - 1]) || text[begin - 1] == '.')) {
        --begin;
    }
    std::string word(text.substr(begin, dot - begin));
    for (char& c : word) {
        c = static_cast<char>(is_ascii_upper(c) ? c + ('a' - 'A') : c);
    }
    return word;
}

// True when the sentence [begin, end) ends with an abbreviation or an initial, so that ICU's break
// after it should be undone.
bool ends_with_abbreviation(std::string_view text, std::size_t begin, std::size_t boundary) {
    std::size_t end = boundary;
    while (end > begin && is_space(text[end - 1])) {
        --end;
    }
    if (end == begin || text[end - 1] != '.') {
        return false;
    }
    const std::size_t dot = end - 1;
    const std::string word = word_before(text, dot, begin);
    const std::size_t word_begin = dot - word.size();
    if (word.empty()
        || (word_begin > begin
            && (std::isalnum(static_cast<unsigned char>(text[word_begin - 1]))
                || static_cast<unsigned char>(text[word_begin - 1]) >= 0x80))) {
        return false;  // "1st.", "Ramón." are words, not abbreviations
    }
    const bool digit_next =
        boundary < text.size() && text[boundary] >= '0' && text[boundary] <= '9';
    if (word.size() == 1) {
        // An initial ("L. D. Tolstoy"), or "c. 1455", "b. 1879", "p. 12".
        return is_ascii_upper(text[dot - 1]) || digit_next;
    }
    if (word.find('.') != std::string::npos && digit_next) {
        return true;  // a dotted abbreviation before a number: "[O.S. 26 October]", "a.m. 5"
    }
    if (word == "no") {  // "No. 5", but "he said no. Then"
        return digit_next;
    }
    return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), word);
}

bool is_open_bracket(char c) {
    return c == '(' || c == '[';
}
bool is_close_bracket(char c) {
    return c == ')' || c == ']';
}

// True when a '(' or '[' opened in text[begin, pos) within kBracketReachBytes of `pos` is still
// open at `pos`.
bool bracket_open_at(std::string_view text, std::size_t begin, std::size_t pos) {
    const std::size_t floor = pos - begin > kBracketReachBytes ? pos - kBracketReachBytes : begin;
    int depth = 0;
    for (std::size_t i = pos; i > floor; --i) {
        const char c = text[i - 1];
        if (is_close_bracket(c)) {
            --depth;
        } else if (is_open_bracket(c) && ++depth > 0) {
            return true;
        }
    }
    return false;
}

// True when a bracket closes in text[pos, end) within kBracketReachBytes, before any other opens.
bool bracket_closes_after(std::string_view text, std::size_t pos, std::size_t end) {
    const std::size_t limit = std::min(end, pos + kBracketReachBytes);
    for (std::size_t i = pos; i < limit; ++i) {
        if (is_open_bracket(text[i]) || text[i] == '\n') {
            return false;
        }
        if (is_close_bracket(text[i])) {
            return true;
        }
    }
    return false;
}

// True when the break at `boundary` falls inside a short bracket: "(c. 1455-1536)".
bool inside_brackets(std::string_view text, std::size_t begin, std::size_t boundary) {
    return bracket_open_at(text, begin, boundary)
           && bracket_closes_after(text, boundary, text.size());
}

bool is_upper_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) {
        return false;
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
        return is_ascii_upper(text[pos]);
    }
    auto offset = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()),
            offset,
            static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX)),
            c);
    return c >= 0 && u_isupper(c);
}

// Splits "revolutionary Leon Tolstoy.Tolstoy self-identified": a '.', '?' or '!' directly followed
// by an upper-case letter, after a lower-case word of three letters or more (not "U.S", "Ph.D").
void split_glued(std::string_view text,
                 std::size_t begin,
                 std::size_t end,
                 std::vector<SentenceSpan>& out) {
    std::size_t start = begin;
    for (std::size_t i = begin + 1; i + 1 < end; ++i) {
        const char c = text[i];
        if ((c != '.' && c != '?' && c != '!') || !is_upper_at(text, i + 1)) {
            continue;
        }
        std::size_t letters = 0;
        while (letters < i - start && is_ascii_letter(text[i - 1 - letters])) {
            ++letters;
        }
        const bool glued = c == '.' ? letters > 2 && is_ascii_lower(text[i - 1]) : letters > 0;
        if (glued) {
            out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i + 1)});
            start = i + 1;
        }
    }
    out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
}

// Start of the UTF-8 character that contains `pos`.
std::size_t char_boundary(std::string_view text, std::size_t pos) {
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
        --pos;
    }
    return pos;
}

}  // namespace

SentenceSplitter::SentenceSplitter() = default;

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<SentenceSpan> SentenceSplitter::split(std::string_view text) {
    ISKRA_ASSERT(text.size() <= UINT32_MAX, "sentence offsets are 32-bit");
    std::vector<SentenceSpan> out;
    std::vector<Line> block;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t newline = text.find('\n', pos);
        if (newline == std::string_view::npos) {
            newline = text.size();
        }
        const Line line{pos, newline};
        if (is_blank(text, line)) {
            split_block(text, block, out);
            block.clear();
        } else {
            block.push_back(line);
        }
        pos = newline + 1;
    }
    split_block(text, block, out);
    return out;
}

void SentenceSplitter::split_block(std::string_view text,
                                   const std::vector<Line>& lines,
                                   std::vector<SentenceSpan>& out) {
    if (lines.empty()) {
        return;
    }
    if (!looks_wrapped(text, lines)) {
        std::size_t i = 0;
        while (i < lines.size()) {
            std::size_t last = i;
            while (last + 1 < lines.size()
                   && bracket_open_at(text, lines[last].begin, lines[last].end)
                   && bracket_closes_after(text, lines[last + 1].begin, lines[last + 1].end)) {
                ++last;  // "... [o" + "october] 1879": one bracket across a line break
            }
            split_segment(text, lines[i].begin, lines[last].end, out);
            i = last + 1;
        }
        return;
    }
    split_segment(text, lines.front().begin, lines.back().end, out);
}

// ICU's boundaries for text[begin, end), then the abbreviation, glue and length repairs.
void SentenceSplitter::split_segment(std::string_view text,
                                     std::size_t begin,
                                     std::size_t end,
                                     std::vector<SentenceSpan>& out) {
    // ICU treats every line break as a paragraph end; the wrapped lines of a segment are shown
    // to it as spaces (same byte length, so offsets hold).
    std::string_view segment = text.substr(begin, end - begin);
    if (segment.find_first_of("\r\n") != std::string_view::npos) {
        flat_.assign(segment);
        std::replace(flat_.begin(), flat_.end(), '\n', ' ');
        std::replace(flat_.begin(), flat_.end(), '\r', ' ');
        segment = flat_;
    }
    boundaries_.clear();
    if (!fast_sentence_boundaries(segment, boundaries_) && !icu_boundaries(segment)) {
        add_sentence(text, begin, end, out);
        return;
    }
    std::size_t start = 0;
    for (const std::size_t boundary : boundaries_) {
        if (boundary < segment.size()
            && (ends_with_abbreviation(segment, start, boundary)
                || inside_brackets(segment, start, boundary))) {
            continue;
        }
        add_sentence(text, begin + start, begin + boundary, out);
        start = boundary;
    }
    if (start < segment.size()) {
        add_sentence(text, begin + start, end, out);
    }
}

// ICU's sentence boundaries of `segment` into boundaries_; the iterator is made on first use, so
// that ASCII-only texts never pay for it.
bool SentenceSplitter::icu_boundaries(std::string_view segment) {
    UErrorCode status = U_ZERO_ERROR;
    if (breaker_ == nullptr) {
        breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || breaker_ == nullptr) {
            breaker_.reset();
            return false;
        }
    }
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, segment.data(), static_cast<int64_t>(segment.size()), &status);
    breaker_->setText(&utext, status);
    if (U_FAILURE(status)) {
        utext_close(&utext);
        return false;
    }
    for (int32_t next = breaker_->next(); next != icu::BreakIterator::DONE;
         next = breaker_->next()) {
        boundaries_.push_back(static_cast<std::size_t>(next));
    }
    utext_close(&utext);
    return true;
}

void SentenceSplitter::add_sentence(std::string_view text,
                                    std::size_t begin,
                                    std::size_t end,
                                    std::vector<SentenceSpan>& out) {
    while (begin < end && is_space(text[begin])) {
        ++begin;
    }
    while (end > begin && is_space(text[end - 1])) {
        --end;
    }
    if (begin == end) {
        return;
    }
    glued_.clear();
    split_glued(text, begin, end, glued_);
    for (const SentenceSpan& span : glued_) {
        add_capped(text, span.begin, span.end, out);
    }
}

// Cuts a sentence longer than kMaxSentenceBytes at the last whitespace before the limit (or at a
// character boundary when a run has none), so that an unpunctuated dump never becomes one
// sentence of megabytes.
void SentenceSplitter::add_capped(std::string_view text,
                                  std::size_t begin,
                                  std::size_t end,
                                  std::vector<SentenceSpan>& out) {
    while (end - begin > kMaxSentenceBytes) {
        std::size_t cut = begin + kMaxSentenceBytes;
        while (cut > begin + kMaxSentenceBytes / 2 && !is_space(text[cut])) {
            --cut;
        }
        if (!is_space(text[cut])) {
            cut = char_boundary(text, begin + kMaxSentenceBytes);
        }
        std::size_t piece_end = cut;
        while (piece_end > begin && is_space(text[piece_end - 1])) {
            --piece_end;
        }
        if (piece_end > begin) {
            out.push_back(
                {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(piece_end)});
        }
        begin = cut;
        while (begin < end && is_space(text[begin])) {
            ++begin;
        }
    }
    if (begin < end) {
        out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    }
}

std::vector<SentenceSpan> split_sentences(std::string_view text) {
    SentenceSplitter splitter;
    return splitter.split(text);
}

}  // namespace iskra::text
