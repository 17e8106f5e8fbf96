#include "iskra/text/analyzer.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "iskra/text/term_cache.hpp"
#include "iskra/text/unicode_folder.hpp"
#include "iskra/util/assert.hpp"

// Word rules (the same for ASCII and non-ASCII text, so a query and a document always agree). They
// follow the word boundaries of Unicode UAX #29, as Lucene's StandardTokenizer does, except where
// noted:
//   * a word is a maximal run of letters (with their combining marks) and digits: letters and
//     digits stay together ("python3", "v4l2", "mp3", "1920s" are one word each);
//   * an apostrophe (' or ’) or a period between two letters stays inside the word:
//     "people's" is one word (Snowball's English stemmer removes the possessive: "people's" ->
//     "peopl", the same term as "people"), and so are "U.S." -> "u.s", "e.g." -> "e.g" and
//     "foo.conf"; a leading or trailing apostrophe or period is dropped ("'40s", "workers'");
//   * a period, comma or semicolon between two digits stays inside: "3.14", "1,000" and "2.6.32"
//     are one word each (so "1,000" does not match "1000", as in Lucene);
//   * an underscore between letters or digits stays inside: "x86_64", "snake_case" (unlike
//     UAX #29, leading and trailing underscores are dropped: "__init__" -> "init");
//   * everything else separates words: hyphens and dashes ("e-mail" -> "e", "mail";
//     "1940-08-21" -> "1940", "08", "21"), slashes, colons (unlike UAX #29, "10:30" and "re:foo"
//     split), and a period between a letter and a digit ("v.2" -> "v", "2");
//   * runs of Han, kana, Thai, Lao, Khmer or Myanmar letters (written without spaces) are
//     segmented by ICU's dictionary-based word break iterator.
// Only words made of letters and apostrophes are stemmed: "python3", "u.s", "x86_64" and numbers
// are kept as folded. Pure-ASCII words never touch ICU: they are lower-cased in place and stemmed
// through a cache.

namespace iskra::text {

namespace {

constexpr std::size_t kMaxWordBytes = 100;  // longer "words" are base64, hashes or junk
constexpr std::size_t kMaxCacheEntries = 1 << 16;

// Joiner: a character that may stay inside a word between two letters or digits (' . , ; _).
enum class CharClass : std::uint8_t { Other, Letter, Digit, Joiner, NonAscii };

constexpr std::array<CharClass, 256> make_ascii_classes() {
    std::array<CharClass, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        if (c >= 0x80) {
            classes[c] = CharClass::NonAscii;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            classes[c] = CharClass::Letter;
        } else if (c >= '0' && c <= '9') {
            classes[c] = CharClass::Digit;
        } else if (c == '\'' || c == '.' || c == ',' || c == ';' || c == '_') {
            classes[c] = CharClass::Joiner;
        } else {
            classes[c] = CharClass::Other;
        }
    }
    return classes;
}

constexpr std::array<CharClass, 256> kAsciiClasses = make_ascii_classes();

enum class Kind : std::uint8_t { Other, Letter, Digit, Mark, Joiner, Complex };

struct Char {
    Kind kind;
    std::uint8_t length;  // bytes
};

bool is_complex_script(UChar32 c) {
    if (c < 0x0E00) {
        return false;
    }
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
        case USCRIPT_HAN:
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_THAI:
        case USCRIPT_LAO:
        case USCRIPT_KHMER:
        case USCRIPT_MYANMAR:
            return true;
        default:
            return false;
    }
}

Kind classify_code_point(UChar32 c) {
    if (c == 0x2019 || c == 0x02BC) {
        return Kind::Joiner;  // apostrophes
    }
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
            return is_complex_script(c) ? Kind::Complex : Kind::Letter;
        case U_NON_SPACING_MARK:
        case U_COMBINING_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_FORMAT_CHAR:  // soft hyphens and zero-width joiners stay inside words
            return Kind::Mark;
        case U_DECIMAL_DIGIT_NUMBER:
            return Kind::Digit;
        default:
            return Kind::Other;
    }
}

Char char_at(std::string_view text, std::size_t pos) {
    switch (kAsciiClasses[static_cast<unsigned char>(text[pos])]) {
        case CharClass::Letter:
            return {Kind::Letter, 1};
        case CharClass::Digit:
            return {Kind::Digit, 1};
        case CharClass::Joiner:
            return {Kind::Joiner, 1};
        case CharClass::Other:
            return {Kind::Other, 1};
        case CharClass::NonAscii:
            break;
    }
    const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    auto offset = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, length, c);
    const auto bytes = static_cast<std::uint8_t>(offset - static_cast<int32_t>(pos));
    if (c < 0) {
        return {Kind::Other, bytes};  // ill-formed byte: a separator
    }
    return {classify_code_point(c), bytes};
}

// True when the joiner at `pos` stays inside a word whose last letter or digit is of kind `last`
// and which goes on with a character of kind `next` (the rules at the top of this file).
bool joins(std::string_view text, std::size_t pos, Kind last, Kind next) {
    if (next != Kind::Letter && next != Kind::Digit) {
        return false;
    }
    switch (text[pos]) {
        case '_':
            return true;
        case '.':
            return last == next;
        case ',':
        case ';':
            return last == Kind::Digit && next == Kind::Digit;
        default:  // apostrophes
            return last == Kind::Letter && next == Kind::Letter;
    }
}

}  // namespace

struct Analyzer::Impl {
    explicit Impl(const AnalyzerOptions& options) : folder(options.fold_diacritics) {
        if (options.stem) {
            stemmer = sb_stemmer_new("english", "UTF_8");
            ISKRA_ASSERT(stemmer != nullptr, "libstemmer has no english stemmer");
        }
    }
    ~Impl() {
        if (stemmer != nullptr) {
            sb_stemmer_delete(stemmer);
        }
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;

    void analyze(std::string_view text, std::vector<Token>& out);
    std::size_t scan_word(std::string_view text, std::size_t pos, Kind last, bool& ascii) const;
    std::size_t scan_complex(std::string_view text, std::size_t pos) const;
    void emit_complex(std::string_view text,
                      std::size_t begin,
                      std::size_t end,
                      std::vector<Token>& out);
    void emit(std::string_view word, bool ascii, std::size_t begin, std::vector<Token>& out);
    std::string_view term_of(std::string_view word, bool ascii);
    std::string stem(std::string_view folded);

    UnicodeFolder folder;
    sb_stemmer* stemmer = nullptr;
    std::unique_ptr<icu::BreakIterator> word_breaker;
    TermCache cache{kMaxCacheEntries};
    std::string scratch;
    std::array<char, kMaxWordBytes> lowered{};
};

// Returns the end of the word that goes on at `pos` after a letter or digit of kind `last`.
std::size_t Analyzer::Impl::scan_word(std::string_view text,
                                      std::size_t pos,
                                      Kind last,
                                      bool& ascii) const {
    while (pos < text.size()) {
        const Char ch = char_at(text, pos);
        if (ch.kind == Kind::Letter || ch.kind == Kind::Digit || ch.kind == Kind::Mark) {
            last = ch.kind == Kind::Mark ? last : ch.kind;
        } else if (ch.kind != Kind::Joiner || pos + ch.length >= text.size()
                   || !joins(text, pos, last, char_at(text, pos + ch.length).kind)) {
            break;
        }
        ascii = ascii && ch.length == 1;
        pos += ch.length;
    }
    return pos;
}

std::size_t Analyzer::Impl::scan_complex(std::string_view text, std::size_t pos) const {
    while (pos < text.size()) {
        const Char ch = char_at(text, pos);
        if (ch.kind != Kind::Complex && ch.kind != Kind::Mark) {
            break;
        }
        pos += ch.length;
    }
    return pos;
}

void Analyzer::Impl::analyze(std::string_view text, std::vector<Token>& out) {
    ISKRA_ASSERT(text.size() <= UINT32_MAX, "Analyzer offsets are 32-bit");
    // English averages ~6 bytes per word and space. Grow geometrically: callers append sentence
    // after sentence to one vector, and exact reserves would copy it once per call.
    const std::size_t needed = out.size() + text.size() / 6;
    if (out.capacity() < needed) {
        out.reserve(std::max(needed, 2 * out.capacity()));
    }
    std::size_t pos = 0;
    const std::size_t size = text.size();
    while (pos < size) {
        const CharClass cls = kAsciiClasses[static_cast<unsigned char>(text[pos])];
        if (cls == CharClass::Other || cls == CharClass::Joiner) {
            ++pos;
            continue;
        }
        if (cls == CharClass::Letter || cls == CharClass::Digit) {
            // Pure-ASCII words end at the first byte that is not a letter or digit; only a joiner
            // or a non-ASCII byte right after needs the general scan.
            std::size_t end = pos + 1;
            while (end < size) {
                const CharClass next = kAsciiClasses[static_cast<unsigned char>(text[end])];
                if (next != CharClass::Letter && next != CharClass::Digit) {
                    break;
                }
                ++end;
            }
            bool ascii = true;
            if (end < size) {
                const CharClass next = kAsciiClasses[static_cast<unsigned char>(text[end])];
                if (next == CharClass::NonAscii || next == CharClass::Joiner) {
                    const CharClass last = kAsciiClasses[static_cast<unsigned char>(text[end - 1])];
                    end = scan_word(
                        text, end, last == CharClass::Letter ? Kind::Letter : Kind::Digit, ascii);
                }
            }
            emit(text.substr(pos, end - pos), ascii, pos, out);
            pos = end;
            continue;
        }
        const Char ch = char_at(text, pos);
        if (ch.kind == Kind::Letter || ch.kind == Kind::Digit) {
            bool ascii = ch.length == 1;
            const std::size_t end = scan_word(text, pos + ch.length, ch.kind, ascii);
            emit(text.substr(pos, end - pos), ascii, pos, out);
            pos = end;
        } else if (ch.kind == Kind::Complex) {
            const std::size_t end = scan_complex(text, pos + ch.length);
            emit_complex(text, pos, end, out);
            pos = end;
        } else {
            pos += ch.length;
        }
    }
}

void Analyzer::Impl::emit_complex(std::string_view text,
                                  std::size_t begin,
                                  std::size_t end,
                                  std::vector<Token>& out) {
    const std::string_view run = text.substr(begin, end - begin);
    UErrorCode status = U_ZERO_ERROR;
    if (word_breaker == nullptr) {  // made on first use: most texts never need it
        word_breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || word_breaker == nullptr) {
            word_breaker.reset();
            return;
        }
    }
    UText* utext = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
    if (U_FAILURE(status)) {
        utext_close(utext);
        return;
    }
    word_breaker->setText(utext, status);
    int32_t prev = word_breaker->first();
    for (int32_t next = word_breaker->next(); next != icu::BreakIterator::DONE;
         prev = next, next = word_breaker->next()) {
        if (word_breaker->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
            const auto word_begin = static_cast<std::size_t>(prev);
            emit(run.substr(word_begin, static_cast<std::size_t>(next) - word_begin),
                 false,
                 begin + word_begin,
                 out);
        }
    }
    utext_close(utext);
}

void Analyzer::Impl::emit(std::string_view word,
                          bool ascii,
                          std::size_t begin,
                          std::vector<Token>& out) {
    if (word.size() > kMaxWordBytes) {
        return;
    }
    const std::string_view term = term_of(word, ascii);
    Token& token = out.emplace_back();
    token.term.assign(term);
    token.begin = static_cast<std::uint32_t>(begin);
    token.end = static_cast<std::uint32_t>(begin + word.size());
}

// The term for a word: folded (ASCII lower-casing, or ICU for the rest) then stemmed. Results are
// cached by the lower-cased word (the raw word outside ASCII): in running text a few thousand
// words make most tokens, and a cache probe costs a fraction of a Snowball call.
std::string_view Analyzer::Impl::term_of(std::string_view word, bool ascii) {
    std::string_view key = word;
    if (ascii) {
        // REQUIRES: word.size() <= kMaxWordBytes (emit drops longer words).
        for (std::size_t i = 0; i < word.size(); ++i) {
            const char c = word[i];
            lowered[i] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 'a' - 'A' : 0));
        }
        key = std::string_view(lowered.data(), word.size());
        if (stemmer == nullptr) {
            return key;
        }
    }
    const std::uint64_t hash = TermCache::hash(key);
    if (const auto cached = cache.find(key, hash)) {
        return *cached;
    }
    std::string folded;
    if (ascii) {
        folded = key;
    } else {
        folder.fold(word, folded);
    }
    const std::string term = stem(folded);
    const std::string_view stored = cache.insert(key, hash, term);
    scratch.assign(
        stored);  // insert may decline to store: keep the term alive until emit copies it
    return scratch;
}

std::string Analyzer::Impl::stem(std::string_view folded) {
    if (stemmer == nullptr) {
        return std::string(folded);
    }
    bool has_latin_letter = false;
    for (const char c : folded) {
        const bool letter = c >= 'a' && c <= 'z';
        if (!letter && c != '\'') {
            // The English stemmer only for Latin-script words: not "python3", "u.s" or "x86_64".
            return std::string(folded);
        }
        has_latin_letter = has_latin_letter || letter;
    }
    if (!has_latin_letter) {
        return std::string(folded);
    }
    const sb_symbol* stemmed = sb_stemmer_stem(stemmer,
                                               reinterpret_cast<const sb_symbol*>(folded.data()),
                                               static_cast<int>(folded.size()));
    if (stemmed == nullptr) {
        return std::string(folded);  // out of memory inside libstemmer: keep the word
    }
    return {reinterpret_cast<const char*>(stemmed),
            static_cast<std::size_t>(sb_stemmer_length(stemmer))};
}

Analyzer::Analyzer(AnalyzerOptions options)
    : options_(options), impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

void Analyzer::analyze(std::string_view text, std::vector<Token>& out) {
    impl_->analyze(text, out);
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
    std::vector<Token> tokens;
    impl_->analyze(text, tokens);
    return tokens;
}

std::string Analyzer::term(std::string_view word) {
    return impl_->stem(fold(word));
}

std::string Analyzer::fold(std::string_view text) {
    std::string out;
    bool ascii = true;
    for (const char c : text) {
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    }
    if (ascii) {
        out.assign(text);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c + ('a' - 'A'));
            }
        }
        return out;
    }
    impl_->folder.fold(text, out);
    return out;
}

}  // namespace iskra::text
