#include "iskra/text/fast_sentence_boundaries.hpp"

#include <array>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace iskra::text {

namespace {

// UAX #29 Sentence_Break classes, with Extend and Format merged (both are transparent).
enum class Sb : std::uint8_t {
    Other,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    Sp,
    SContinue,
    Extend,
    Sep
};

constexpr std::array<Sb, 128> make_ascii_classes() {
    std::array<Sb, 128> classes{};
    for (int c = 0; c < 128; ++c) {
        Sb cls = Sb::Other;
        if (c >= 'a' && c <= 'z') {
            cls = Sb::Lower;
        } else if (c >= 'A' && c <= 'Z') {
            cls = Sb::Upper;
        } else if (c >= '0' && c <= '9') {
            cls = Sb::Numeric;
        } else if (c == '.') {
            cls = Sb::ATerm;
        } else if (c == '?' || c == '!') {
            cls = Sb::STerm;
        } else if (c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{'
                   || c == '}') {
            cls = Sb::Close;
        } else if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
            cls = Sb::Sp;
        } else if (c == ',' || c == '-' || c == ':' || c == ';') {
            cls = Sb::SContinue;
        } else if (c == '\n' || c == '\r') {
            cls = Sb::Sep;
        }
        classes[static_cast<std::size_t>(c)] = cls;
    }
    return classes;
}

constexpr std::array<Sb, 128> kAsciiClasses = make_ascii_classes();

Sb from_property(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_LOWER:
            return Sb::Lower;
        case U_SB_UPPER:
            return Sb::Upper;
        case U_SB_OLETTER:
            return Sb::OLetter;
        case U_SB_NUMERIC:
            return Sb::Numeric;
        case U_SB_ATERM:
            return Sb::ATerm;
        case U_SB_STERM:
            return Sb::STerm;
        case U_SB_CLOSE:
            return Sb::Close;
        case U_SB_SP:
            return Sb::Sp;
        case U_SB_SCONTINUE:
            return Sb::SContinue;
        case U_SB_EXTEND:
        case U_SB_FORMAT:
            return Sb::Extend;
        case U_SB_SEP:
        case U_SB_CR:
        case U_SB_LF:
            return Sb::Sep;
        default:
            return Sb::Other;
    }
}

struct Char {
    Sb cls;
    std::size_t length;
};

Char char_at(std::string_view text, std::size_t pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
        return {kAsciiClasses[byte], 1};
    }
    auto offset = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()),
            offset,
            static_cast<int32_t>(text.size()),
            c);
    const auto length = static_cast<std::size_t>(offset) - pos;
    return {c < 0 ? Sb::Other : from_property(c), length};
}

// Skips characters of class `cls` (and the transparent Extend/Format after them) from `pos`.
std::size_t skip_class(std::string_view text, std::size_t pos, Sb cls) {
    while (pos < text.size()) {
        const Char ch = char_at(text, pos);
        if (ch.cls != cls && ch.cls != Sb::Extend) {
            break;
        }
        pos += ch.length;
    }
    return pos;
}

Sb class_at(std::string_view text, std::size_t pos) {
    return pos < text.size() ? char_at(text, pos).cls : Sb::Sep;
}

// SB8: after ATerm Close* Sp*, no break when the next letter (skipping anything but letters,
// separators and terminators) is lower-case.
bool continues_lower(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        const Char ch = char_at(text, pos);
        switch (ch.cls) {
            case Sb::Lower:
                return true;
            case Sb::OLetter:
            case Sb::Upper:
            case Sb::Sep:
            case Sb::ATerm:
            case Sb::STerm:
                return false;
            default:
                pos += ch.length;
        }
    }
    return false;
}

// Line feed and carriage return are cut out before; the other separators are U+0085, U+2028 and
// U+2029, so only their lead bytes need a look.
bool has_separator(std::string_view segment) {
    for (std::size_t pos = 0; pos < segment.size(); ++pos) {
        const auto byte = static_cast<unsigned char>(segment[pos]);
        if (byte == '\n' || byte == '\r') {
            return true;
        }
        if ((byte == 0xC2 || byte == 0xE2) && char_at(segment, pos).cls == Sb::Sep) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool fast_sentence_boundaries(std::string_view segment, std::vector<std::size_t>& boundaries) {
    if (has_separator(segment)) {
        return false;
    }
    const std::size_t size = segment.size();
    Sb before = Sb::Sep;  // class of the last non-transparent character before `pos`
    std::size_t pos = 0;
    while (pos < size) {
        const Char ch = char_at(segment, pos);
        if (ch.cls != Sb::ATerm && ch.cls != Sb::STerm) {
            before = ch.cls == Sb::Extend ? before : ch.cls;
            pos += ch.length;
            continue;
        }
        const bool aterm = ch.cls == Sb::ATerm;
        const std::size_t after_term = skip_class(segment, pos + ch.length, Sb::Extend);
        const Sb next_direct = class_at(segment, after_term);
        // SB6, SB7: "3.14", "U.S" (ATerm directly followed by a digit, or by an upper-case letter
        // after a letter) continue.
        const bool glued_continue =
            aterm
            && (next_direct == Sb::Numeric
                || (next_direct == Sb::Upper && (before == Sb::Upper || before == Sb::Lower)));
        const std::size_t after_close = skip_class(segment, after_term, Sb::Close);
        const std::size_t after_space = skip_class(segment, after_close, Sb::Sp);
        const Sb next = class_at(segment, after_space);
        // SB8a: SATerm Close* Sp* x (SContinue | SATerm); SB8 for ATerm: a lower-case letter next.
        const bool goes_on = glued_continue || after_space >= size || next == Sb::SContinue
                             || next == Sb::ATerm || next == Sb::STerm
                             || (aterm && continues_lower(segment, after_space));
        if (!goes_on) {
            boundaries.push_back(after_space);
        }
        before = ch.cls;
        pos = after_term;
    }
    if (size > 0) {
        boundaries.push_back(size);
    }
    return true;
}

}  // namespace iskra::text
