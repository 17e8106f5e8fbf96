#include "iskra/text/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace iskra::text {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the ASCII prefix of [pos, size), 8 bytes at a time.
std::size_t ascii_run(const unsigned char* data, std::size_t pos, std::size_t size) {
    const std::size_t start = pos;
    while (pos + 8 <= size) {
        std::uint64_t word;
        std::memcpy(&word, data + pos, 8);
        if ((word & 0x8080808080808080ull) != 0) {
            break;
        }
        pos += 8;
    }
    while (pos < size && data[pos] < 0x80) {
        ++pos;
    }
    return pos - start;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    const unsigned char lead = data[pos];
    if (lead < 0x80) {
        return 1;
    }
    // Per Unicode Table 3-7 (well-formed byte sequences): the valid range of the second byte
    // depends on the lead byte; this is what excludes overlongs, surrogates and > U+10FFFF.
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    std::size_t need;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 3;
        if (lead == 0xE0) {
            lo = 0xA0;
        } else if (lead == 0xED) {
            hi = 0x9F;
        }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 4;
        if (lead == 0xF0) {
            lo = 0x90;
        } else if (lead == 0xF4) {
            hi = 0x8F;
        }
    } else {
        return 0;
    }
    if (pos + 1 >= size || data[pos + 1] < lo || data[pos + 1] > hi) {
        return 0;
    }
    for (std::size_t i = 2; i < need; ++i) {
        if (pos + i >= size || (data[pos + i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return need;
}

// The maximal subpart is the longest prefix of a well-formed sequence; it is replaced by a single
// U+FFFD.
std::size_t utf8_ill_formed_length(std::string_view bytes, std::size_t pos) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    const unsigned char lead = data[pos];
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    std::size_t need;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 3;
        lo = lead == 0xE0 ? 0xA0 : 0x80;
        hi = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 4;
        lo = lead == 0xF0 ? 0x90 : 0x80;
        hi = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 1;
    }
    std::size_t len = 1;
    if (pos + 1 < size && data[pos + 1] >= lo && data[pos + 1] <= hi) {
        len = 2;
        while (len < need && pos + len < size && (data[pos + len] & 0xC0) == 0x80) {
            ++len;
        }
    }
    return len;
}

bool is_valid_utf8(std::string_view bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        pos += ascii_run(data, pos, bytes.size());
        if (pos >= bytes.size()) {
            break;
        }
        const std::size_t len = utf8_sequence_length(bytes, pos);
        if (len == 0) {
            return false;
        }
        pos += len;
    }
    return true;
}

Utf8Repair repair_utf8(std::string_view bytes) {
    Utf8Repair result{std::string(), 0};
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t pos = 0;
    std::size_t valid_begin = 0;
    result.text.reserve(bytes.size());
    while (pos < bytes.size()) {
        pos += ascii_run(data, pos, bytes.size());
        if (pos >= bytes.size()) {
            break;
        }
        const std::size_t len = utf8_sequence_length(bytes, pos);
        if (len != 0) {
            pos += len;
            continue;
        }
        result.text.append(bytes.substr(valid_begin, pos - valid_begin));
        result.text.append(kReplacement);
        ++result.replaced_count;
        pos += utf8_ill_formed_length(bytes, pos);
        valid_begin = pos;
    }
    result.text.append(bytes.substr(valid_begin));
    return result;
}

bool looks_binary(std::string_view sample) {
    if (sample.empty()) {
        return false;
    }
    std::size_t control_count = 0;
    for (const char c : sample) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0) {
            return true;
        }
        // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text.
        if (byte < 0x20 && (byte < 0x09 || byte > 0x0D) && byte != 0x1B) {
            ++control_count;
        }
    }
    if (control_count * 20 > sample.size()) {  // more than 5% control characters
        return true;
    }
    // Many ill-formed sequences mean the bytes are not text in any UTF-8 sense (images without
    // NULs, compressed data). A legacy 8-bit text has at most one bad byte per word or so.
    const Utf8Repair repaired = repair_utf8(sample);
    return repaired.replaced_count * 4 > sample.size();
}

void append_utf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace iskra::text
