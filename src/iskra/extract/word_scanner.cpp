#include "iskra/extract/word_scanner.hpp"

#include <algorithm>
#include <array>

#include "iskra/extract/name_fold.hpp"

namespace iskra::extract {

std::uint32_t decode_code_point(std::string_view text, std::size_t pos, std::size_t& length) {
    auto byte = static_cast<unsigned char>(text[pos]);
    length = 1;
    if (byte < 0x80) {
        return byte;
    }
    std::size_t need = 0;
    std::uint32_t cp = 0;
    if ((byte & 0xE0) == 0xC0) {
        need = 1;
        cp = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
        need = 2;
        cp = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
        need = 3;
        cp = byte & 0x07;
    } else {
        return 0xFFFD;
    }
    if (pos + need >= text.size()) {
        return 0xFFFD;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        auto next = static_cast<unsigned char>(text[pos + k]);
        if ((next & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    length = need + 1;
    return cp;
}

bool is_letter_code_point(std::uint32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    if (cp < 0xC0) {
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    }
    if (cp == 0xD7 || cp == 0xF7) {
        return false;
    }
    if (cp >= 0x2000 && cp <= 0x2BFF) {  // punctuation, symbols, arrows, dingbats
        return false;
    }
    if (cp >= 0x3000 && cp <= 0x303F) {  // CJK punctuation
        return false;
    }
    if (cp >= 0xFE30 && cp <= 0xFFFF) {  // forms, specials, replacement character
        return false;
    }
    return cp != 0x2116;
}

bool is_upper_code_point(std::uint32_t cp) {
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z';
    }
    if (cp >= 0xC0 && cp <= 0xDE) {
        return cp != 0xD7;
    }
    if (cp >= 0x100 && cp <= 0x17F) {  // Latin Extended-A alternates upper/lower
        return cp % 2 == 0;
    }
    if (cp >= 0x391 && cp <= 0x3A9) {
        return true;
    }
    return cp >= 0x400 && cp <= 0x42F;
}

namespace {

// What an ASCII byte is to the scanner; bytes >= 0x80 are kWide (decoded as UTF-8).
constexpr std::uint8_t kOther = 0;  // ASCII punctuation and controls: a one-byte Punct token
constexpr std::uint8_t kSpace = 1;
constexpr std::uint8_t kDigit = 2;
constexpr std::uint8_t kLower = 4;
constexpr std::uint8_t kUpper = 8;
constexpr std::uint8_t kWide = 16;

constexpr std::array<std::uint8_t, 256> byte_classes() {
    std::array<std::uint8_t, 256> classes{};
    for (unsigned c = 0; c < 256; ++c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            classes[c] = kSpace;
        } else if (c >= '0' && c <= '9') {
            classes[c] = kDigit;
        } else if (c >= 'a' && c <= 'z') {
            classes[c] = kLower;
        } else if (c >= 'A' && c <= 'Z') {
            classes[c] = kUpper;
        } else if (c >= 0x80) {
            classes[c] = kWide;
        }
    }
    return classes;
}

constexpr auto kByteClasses = byte_classes();

std::uint8_t class_of(char c) {
    return kByteClasses[static_cast<unsigned char>(c)];
}

bool letter_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) {
        return false;
    }
    std::size_t len = 0;
    return is_letter_code_point(decode_code_point(text, pos, len));
}

// Scans a word starting at `pos` (a letter); returns its end. Hyphens and apostrophes join
// letters on both sides ("Port-Elin", "O'Brien"), but an apostrophe followed by a lone "s" is a
// possessive and ends the word.
std::size_t word_end(
    std::string_view text, std::size_t pos, bool& upper, bool& all_upper, std::uint32_t& letters) {
    std::size_t len = 0;
    upper = is_upper_code_point(decode_code_point(text, pos, len));
    all_upper = true;
    letters = 0;
    while (pos < text.size()) {
        // ASCII fast path: a run of ASCII letters.
        std::uint8_t seen = 0;
        const std::size_t run_begin = pos;
        for (std::uint8_t cls = class_of(text[pos]); (cls & (kLower | kUpper)) != 0;
             cls = pos < text.size() ? class_of(text[pos]) : kOther) {
            seen |= cls;
            ++pos;
        }
        letters += static_cast<std::uint32_t>(pos - run_begin);
        all_upper = all_upper && (seen & kLower) == 0;
        if (pos >= text.size()) {
            break;
        }
        std::uint32_t cp = decode_code_point(text, pos, len);
        if (is_letter_code_point(cp)) {
            if (!is_upper_code_point(cp)) {
                all_upper = false;
            }
            ++letters;
            pos += len;
            continue;
        }
        bool joiner = cp == '-' || cp == '\'';
        if (joiner && letter_at(text, pos + 1)) {
            bool possessive = cp == '\'' && (text[pos + 1] == 's' || text[pos + 1] == 'S')
                              && !letter_at(text, pos + 2);
            if (!possessive) {
                pos += 1;
                continue;
            }
        }
        break;
    }
    return pos;
}

}  // namespace

std::vector<ScanToken> scan_words(std::string_view text) {
    std::vector<ScanToken> tokens;
    scan_words(text, tokens);
    return tokens;
}

void scan_words(std::string_view text, std::vector<ScanToken>& tokens) {
    tokens.clear();
    tokens.reserve(text.size() / 5 + 1);
    std::size_t pos = 0;
    bool space_before = true;
    while (pos < text.size()) {
        const std::uint8_t cls = class_of(text[pos]);
        if (cls == kSpace) {
            space_before = true;
            ++pos;
            continue;
        }
        ScanToken token;
        token.begin = static_cast<std::uint32_t>(pos);
        token.glued = !space_before && !tokens.empty();
        space_before = false;
        if (cls == kDigit) {
            while (pos < text.size() && class_of(text[pos]) == kDigit) {
                ++pos;
            }
            token.kind = TokenKind::Number;
        } else if (cls == kOther) {
            ++pos;
            token.kind = TokenKind::Punct;
        } else {
            std::size_t len = 1;
            if (cls == kWide && !is_letter_code_point(decode_code_point(text, pos, len))) {
                pos += len;
                token.kind = TokenKind::Punct;
            } else {
                bool upper = false;
                bool all_upper = false;
                std::uint32_t letters = 0;
                pos = word_end(text, pos, upper, all_upper, letters);
                token.kind = TokenKind::Word;
                token.capitalized = upper;
                token.all_caps = all_upper && letters >= 2;
            }
        }
        token.end = static_cast<std::uint32_t>(pos);
        tokens.push_back(token);
    }
}

FoldedWords::FoldedWords(std::string_view text, const std::vector<ScanToken>& tokens) {
    assign(text, tokens);
}

// ASCII words are folded straight into `buffer_`, sized once for the whole sentence (a word's
// ASCII fold is as long as the word); the rare non-ASCII word is folded aside and copied in.
void FoldedWords::assign(std::string_view text, const std::vector<ScanToken>& tokens) {
    spans_.clear();
    spans_.reserve(tokens.size());
    buffer_.resize(text.size());
    std::size_t used = 0;
    for (const ScanToken& token : tokens) {
        const auto begin = static_cast<std::uint32_t>(used);
        if (token.kind == TokenKind::Word) {
            std::string_view piece = text.substr(token.begin, token.end - token.begin);
            if (!fold_ascii(piece, buffer_.data() + used)) {
                wide_.clear();
                append_folded(piece, wide_);
                // What is left of the sentence still fits after this word.
                const std::size_t need = used + wide_.size() + (text.size() - token.end);
                if (need > buffer_.size()) {
                    buffer_.resize(need);
                }
                std::copy(wide_.begin(),
                          wide_.end(),
                          buffer_.begin() + static_cast<std::ptrdiff_t>(used));
                used += wide_.size();
            } else {
                used += piece.size();
            }
        }
        spans_.emplace_back(begin, static_cast<std::uint32_t>(used));
    }
    buffer_.resize(used);
}

bool FoldedWords::fold_ascii(std::string_view piece, char* out) {
    unsigned char high = 0;
    for (std::size_t k = 0; k < piece.size(); ++k) {
        auto byte = static_cast<unsigned char>(piece[k]);
        high |= byte;
        out[k] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
    }
    return high < 0x80;
}

FoldedWords fold_words(std::string_view text, const std::vector<ScanToken>& tokens) {
    return FoldedWords(text, tokens);
}

}  // namespace iskra::extract
