#include "iskra/util/checksum.hpp"

#include <array>

#include <xxhash.h>

namespace iskra::util {

namespace {

// Slicing-by-one table for the reflected Castagnoli polynomial; built once at compile time.
constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t byte = 0; byte < 256; ++byte) {
        std::uint32_t crc = byte;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 1U) != 0 ? (crc >> 1) ^ 0x82F63B78U : crc >> 1;
        }
        table[byte] = crc;
    }
    return table;
}

constexpr auto kCrcTable = make_crc_table();

std::uint32_t crc32c_table(std::string_view bytes, std::uint32_t seed) {
    std::uint32_t crc = ~seed;
    for (unsigned char c : bytes) {
        crc = kCrcTable[(crc ^ c) & 0xFFU] ^ (crc >> 8);
    }
    return ~crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t crc32c_sse42(std::string_view bytes,
                                                             std::uint32_t seed) {
    std::uint64_t crc = ~seed;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t chunk;
        __builtin_memcpy(&chunk, bytes.data() + i, 8);
        crc = __builtin_ia32_crc32di(crc, chunk);
    }
    auto crc32 = static_cast<std::uint32_t>(crc);
    for (; i < bytes.size(); ++i) {
        crc32 = __builtin_ia32_crc32qi(crc32, static_cast<unsigned char>(bytes[i]));
    }
    return ~crc32;
}
#endif

}  // namespace

std::uint32_t crc32c(std::string_view bytes, std::uint32_t seed) {
#if defined(__x86_64__)
    // The CPU's CRC32 instruction computes this polynomial ~20x faster than the table; builds
    // target baseline x86-64, so check for it once at run time.
    static const bool has_sse42 = __builtin_cpu_supports("sse4.2");
    if (has_sse42) {
        return crc32c_sse42(bytes, seed);
    }
#endif
    return crc32c_table(bytes, seed);
}

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
    return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

}  // namespace iskra::util
