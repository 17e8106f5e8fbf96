#pragma once

#include <cstdint>
#include <cstring>
#include <string>

namespace iskra::index {

/// LEB128 varint decoding from raw memory, bounded by `end`: a truncated or damaged input yields
/// a wrong value (and `p == end`), never a read past `end`. Used in the dictionary's hot loop,
/// where ByteReader's Result per value would cost too much.
inline std::uint64_t read_varint(const std::uint8_t*& p, const std::uint8_t* end) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        std::uint8_t byte = *p++;
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            return value;
        }
    }
    return value;
}

inline void append_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

template <typename T>
T load_unaligned(const std::uint8_t* p) {
    T value;
    std::memcpy(&value, p, sizeof(T));
    return value;
}

}  // namespace iskra::index
