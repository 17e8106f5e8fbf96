#include "iskra/ingest/utf16_decoder.hpp"

#include <cstdint>

#include "iskra/text/utf8.hpp"

namespace iskra::ingest {

bool has_utf16_bom(std::string_view bytes) {
    return bytes.size() >= 2
           && ((bytes[0] == '\xFF' && bytes[1] == '\xFE')
               || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

std::string utf16_to_utf8(std::string_view bytes, std::size_t& replaced) {
    replaced = 0;
    std::string out;
    if (!has_utf16_bom(bytes)) {
        return out;
    }
    const bool little_endian = bytes[0] == '\xFF';
    out.reserve(bytes.size());
    auto unit_at = [&](std::size_t pos) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[pos]);
        const auto b = static_cast<unsigned char>(bytes[pos + 1]);
        return little_endian ? (static_cast<std::uint32_t>(b) << 8) | a
                             : (static_cast<std::uint32_t>(a) << 8) | b;
    };
    std::size_t pos = 2;
    while (pos + 1 < bytes.size()) {
        const std::uint32_t unit = unit_at(pos);
        pos += 2;
        if (unit >= 0xD800 && unit <= 0xDBFF && pos + 1 < bytes.size()) {
            const std::uint32_t low = unit_at(pos);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                pos += 2;
                text::append_utf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), out);
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            text::append_utf8(0xFFFD, out);
            ++replaced;
            continue;
        }
        text::append_utf8(unit, out);
    }
    if (pos < bytes.size()) {
        text::append_utf8(0xFFFD, out);
        ++replaced;
    }
    return out;
}

}  // namespace iskra::ingest
