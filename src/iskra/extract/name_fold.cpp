#include "iskra/extract/name_fold.hpp"

#include <array>
#include <cstdint>

#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

namespace {

// Base letters of U+00C0..U+00FF ('\0' keeps the code point as it is).
constexpr char kLatin1Base[] =
    "aaaaaaaceeeeiiii"    // C0..CF
    "dnooooo\0ouuuuyts"   // D0..DF (D7 multiplication sign, DE thorn, DF sharp s)
    "aaaaaaaceeeeiiii"    // E0..EF
    "dnooooo\0ouuuuyty";  // F0..FF

// Base letters of U+0100..U+017F, two per letter (upper, lower) for most of the block.
constexpr char kLatinExtABase[] =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iijjjjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

void append_code_point(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Folds one non-ASCII code point; combining marks are dropped.
void fold_code_point(std::uint32_t cp, std::string& out) {
    if (cp >= 0xC0 && cp <= 0xFF && kLatin1Base[cp - 0xC0] != '\0') {
        out.push_back(kLatin1Base[cp - 0xC0]);
        if (cp == 0xDF) {
            out.push_back('s');
        }
        return;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        out.push_back(kLatinExtABase[cp - 0x100]);
        return;
    }
    if (cp >= 0x300 && cp <= 0x36F) {  // combining diacritical marks
        return;
    }
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
        out.push_back('\'');
        return;
    }
    if (cp >= 0x2010 && cp <= 0x2015) {
        out.push_back('-');
        return;
    }
    if ((cp >= 0x410 && cp <= 0x42F) || (cp >= 0x391 && cp <= 0x3A9)) {
        append_code_point(cp + 0x20, out);
        return;
    }
    if (cp >= 0x400 && cp <= 0x40F) {
        append_code_point(cp + 0x50, out);
        return;
    }
    append_code_point(cp, out);
}

}  // namespace

void append_folded(std::string_view text, std::string& out) {
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto byte = static_cast<unsigned char>(text[pos]);
        if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') {
            pending_space = !out.empty();
            ++pos;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        if (byte < 0x80) {
            out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
            ++pos;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = decode_code_point(text, pos, len);
        fold_code_point(cp, out);
        pos += len;
    }
}

std::string fold_name(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_folded(text, out);
    return out;
}

}  // namespace iskra::extract
