#include "iskra/ingest/html_entities.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "iskra/text/utf8.hpp"

namespace iskra::ingest {

namespace {

// Sorted by name for binary search.
constexpr std::array<std::pair<std::string_view, char32_t>, 46> kNamed = {{
    {"AElig", 0xC6},    {"Aacute", 0xC1},  {"Eacute", 0xC9},  {"Ntilde", 0xD1},  {"Ouml", 0xD6},
    {"Uuml", 0xDC},     {"aacute", 0xE1},  {"aelig", 0xE6},   {"agrave", 0xE0},  {"amp", '&'},
    {"apos", '\''},     {"auml", 0xE4},    {"bull", 0x2022},  {"ccedil", 0xE7},  {"copy", 0xA9},
    {"deg", 0xB0},      {"eacute", 0xE9},  {"egrave", 0xE8},  {"euro", 0x20AC},  {"gt", '>'},
    {"hellip", 0x2026}, {"iacute", 0xED},  {"laquo", 0xAB},   {"ldquo", 0x201C}, {"lsquo", 0x2018},
    {"lt", '<'},        {"mdash", 0x2014}, {"middot", 0xB7},  {"nbsp", 0xA0},    {"ndash", 0x2013},
    {"ntilde", 0xF1},   {"oacute", 0xF3},  {"ouml", 0xF6},    {"para", 0xB6},    {"pound", 0xA3},
    {"quot", '"'},      {"raquo", 0xBB},   {"rdquo", 0x201D}, {"reg", 0xAE},     {"rsquo", 0x2019},
    {"sect", 0xA7},     {"szlig", 0xDF},   {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA},
    {"uuml", 0xFC},
}};

// Parses the digits of a numeric reference; 0 when malformed.
char32_t parse_number(std::string_view digits, int base) {
    if (digits.empty() || digits.size() > 8) {
        return 0;
    }
    std::uint32_t value = 0;
    for (const char c : digits) {
        std::uint32_t digit;
        if (c >= '0' && c <= '9') {
            digit = static_cast<std::uint32_t>(c - '0');
        } else if (base == 16 && c >= 'a' && c <= 'f') {
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (base == 16 && c >= 'A' && c <= 'F') {
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
            return 0;
        }
        value = value * static_cast<std::uint32_t>(base) + digit;
    }
    return value;
}

}  // namespace

std::string decode_entity(std::string_view entity) {
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') {
        return std::string(entity);
    }
    const std::string_view body = entity.substr(1, entity.size() - 2);
    char32_t c = 0;
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        c = parse_number(body.substr(hex ? 2 : 1), hex ? 16 : 10);
        if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            c = 0xFFFD;  // what HTML does with invalid numeric references
        }
    } else {
        const auto* it = std::lower_bound(kNamed.begin(),
                                          kNamed.end(),
                                          body,
                                          [](const std::pair<std::string_view, char32_t>& entry,
                                             std::string_view name) { return entry.first < name; });
        if (it == kNamed.end() || it->first != body) {
            return std::string(entity);
        }
        c = it->second;
    }
    std::string out;
    text::append_utf8(c, out);
    return out;
}

}  // namespace iskra::ingest
