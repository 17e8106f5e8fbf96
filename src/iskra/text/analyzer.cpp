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

// Word rules (the same for ASCII and non-ASCII text, so a query and a document always agree):
//   * a word is a maximal run of letters (with their combining marks) or of digits; a change
//     from letters to digits splits ("office13" -> "office", "13"; "1920s" -> "1920", "s"), so
//     "1940-08-21" gives "1940", "08", "21";
//   * an apostrophe (' or ’) between two letters stays inside the word: "people's" is one word,
//     and Snowball's English stemmer removes the possessive ("people's" -> "peopl", the same
//     term as "people"); a leading or trailing apostrophe is dropped ("'40s", "workers'");
//   * everything else (hyphens, dashes, periods, slashes, underscores) separates words, so
//     "well-known" and "marxist–leninist" give two words each and "U.S." gives "u", "s";
//   * runs of Han, kana, Thai, Lao, Khmer or Myanmar letters (written without spaces) are
//     segmented by ICU's dictionary-based word break iterator.
// Pure-ASCII words never touch ICU: they are lower-cased in place and stemmed through a cache.

namespace iskra::text {

namespace {

constexpr std::size_t kMaxWordBytes = 100;  // longer "words" are base64, hashes or junk
constexpr std::size_t kMaxCacheEntries = 1 << 16;

enum class CharClass : std::uint8_t { Other, Letter, Digit, Apostrophe, NonAscii };

constexpr std::array<CharClass, 256> make_ascii_classes() {
    std::array<CharClass, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        if (c >= 0x80) {
            classes[c] = CharClass::NonAscii;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            classes[c] = CharClass::Letter;
        } else if (c >= '0' && c <= '9') {
            classes[c] = CharClass::Digit;
        } else if (c == '\'') {
            classes[c] = CharClass::Apostrophe;
        } else {
            classes[c] = CharClass::Other;
        }
    }
    return classes;
}

constexpr std::array<CharClass, 256> kAsciiClasses = make_ascii_classes();

enum class Kind : std::uint8_t { Other, Letter, Digit, Mark, Apostrophe, Complex };

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
        return Kind::Apostrophe;
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
        case CharClass::Apostrophe:
            return {Kind::Apostrophe, 1};
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
    std::size_t scan_word(std::string_view text, std::size_t pos, Kind kind, bool& ascii) const;
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

// Returns the end of the word of `kind` (Letter or Digit) that starts at `pos`.
std::size_t Analyzer::Impl::scan_word(std::string_view text,
                                      std::size_t pos,
                                      Kind kind,
                                      bool& ascii) const {
    while (pos < text.size()) {
        const Char ch = char_at(text, pos);
        if (ch.kind == kind || ch.kind == Kind::Mark) {
            ascii = ascii && ch.length == 1;
            pos += ch.length;
            continue;
        }
        if (ch.kind == Kind::Apostrophe && kind == Kind::Letter && pos + ch.length < text.size()
            && char_at(text, pos + ch.length).kind == Kind::Letter) {
            ascii = ascii && ch.length == 1;
            pos += ch.length;
            continue;
        }
        break;
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
        if (cls == CharClass::Other || cls == CharClass::Apostrophe) {
            ++pos;
            continue;
        }
        if (cls == CharClass::Letter || cls == CharClass::Digit) {
            // Pure-ASCII words end at the first byte of another class; only an apostrophe or a
            // non-ASCII byte right after needs the general scan.
            std::size_t end = pos + 1;
            while (end < size && kAsciiClasses[static_cast<unsigned char>(text[end])] == cls) {
                ++end;
            }
            bool ascii = true;
            if (end < size) {
                const CharClass next = kAsciiClasses[static_cast<unsigned char>(text[end])];
                if (next == CharClass::NonAscii
                    || (next == CharClass::Apostrophe && cls == CharClass::Letter)) {
                    end = scan_word(
                        text, end, cls == CharClass::Letter ? Kind::Letter : Kind::Digit, ascii);
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
        if (static_cast<unsigned char>(c) >= 0x80) {
            return std::string(folded);  // the English stemmer only for Latin-script words
        }
        has_latin_letter = has_latin_letter || (c >= 'a' && c <= 'z');
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
