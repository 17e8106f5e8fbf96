#include "iskra/index/pfor_codec.hpp"

#include <array>
#include <cstring>

#include "iskra/index/varint.hpp"
#include "iskra/util/assert.hpp"

namespace iskra::index {

namespace {

std::uint32_t bit_width(std::uint32_t v) {
    return v == 0 ? 0 : 32 - __builtin_clz(v);
}

std::uint32_t varint_bytes(std::uint32_t v) {
    return v < (1u << 7) ? 1 : v < (1u << 14) ? 2 : v < (1u << 21) ? 3 : v < (1u << 28) ? 4 : 5;
}

// Chooses b minimizing packed bytes + exception bytes. Only widths that occur matter, and a b
// that turns more than a quarter of the values into exceptions never wins, so the search is short.
std::uint32_t choose_bits(const std::uint32_t* values, std::uint32_t count) {
    std::array<std::uint32_t, 33> histogram{};
    std::uint32_t all = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        ++histogram[bit_width(values[i])];
        all |= values[i];
    }
    std::uint32_t max_bits = bit_width(all);
    std::array<std::uint32_t, 33> widths{};
    std::uint32_t width_count = 0;
    for (std::uint32_t width = 0; width <= max_bits; ++width) {
        if (histogram[width] != 0) {
            widths[width_count++] = width;
        }
    }
    std::uint32_t groups = (count + 7) / 8;
    std::uint32_t best_bits = max_bits;
    std::uint64_t best_cost = static_cast<std::uint64_t>(groups) * max_bits;
    std::uint32_t exceptions = 0;
    for (std::uint32_t w = width_count; w-- > 1;) {
        // Try b = the next smaller occurring width: values wider than it become exceptions.
        exceptions += histogram[widths[w]];
        if (exceptions * 4 > count) {
            break;
        }
        std::uint32_t bits = widths[w - 1];
        std::uint64_t exception_bytes = 0;
        for (std::uint32_t v = w; v < width_count; ++v) {
            exception_bytes += static_cast<std::uint64_t>(histogram[widths[v]])
                               * (1 + varint_bytes((1u << (widths[v] - bits)) - 1));
        }
        std::uint64_t cost = static_cast<std::uint64_t>(groups) * bits + exception_bytes;
        if (cost < best_cost) {
            best_cost = cost;
            best_bits = bits;
        }
    }
    return best_bits;
}

template <std::uint32_t B>
const std::uint8_t* unpack(const std::uint8_t* in, std::uint32_t groups, std::uint32_t* out) {
    if constexpr (B == 0) {
        std::memset(out, 0, groups * 8 * sizeof(std::uint32_t));
        return in;
    } else {
        constexpr std::uint64_t mask = (std::uint64_t{1} << B) - 1;
        for (std::uint32_t g = 0; g < groups; ++g) {
#pragma GCC unroll 8
            for (std::uint32_t k = 0; k < 8; ++k) {
                std::uint64_t word;
                std::memcpy(&word, in + (k * B) / 8, 8);
                out[k] = static_cast<std::uint32_t>((word >> ((k * B) % 8)) & mask);
            }
            in += B;
            out += 8;
        }
        return in;
    }
}

using UnpackFn = const std::uint8_t* (*)(const std::uint8_t*, std::uint32_t, std::uint32_t*);

template <std::uint32_t... Bs>
constexpr std::array<UnpackFn, sizeof...(Bs)> make_unpackers(
    std::integer_sequence<std::uint32_t, Bs...>) {
    return {&unpack<Bs>...};
}

constexpr auto kUnpackers = make_unpackers(std::make_integer_sequence<std::uint32_t, 33>{});

}  // namespace

void pfor_encode(const std::uint32_t* values, std::uint32_t count, std::string& out) {
    ISKRA_ASSERT(count <= kPforMaxValues, "too many values for one pfor block");
    if (count < kPforMinPackedValues) {
        // Short blocks (most lists are short) as plain varints: packing groups of 8 would spend
        // b bytes on a single value, and the header 2 more.
        for (std::uint32_t i = 0; i < count; ++i) {
            append_varint(out, values[i]);
        }
        return;
    }
    std::uint32_t bits = choose_bits(values, count);
    std::uint32_t groups = (count + 7) / 8;
    std::uint64_t mask = bits == 32 ? 0xFFFFFFFFull : (std::uint64_t{1} << bits) - 1;
    std::uint32_t exception_count = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        exception_count += bit_width(values[i]) > bits ? 1 : 0;
    }
    out.push_back(static_cast<char>(bits));
    out.push_back(static_cast<char>(exception_count));
    std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(groups) * bits, '\0');
    auto* packed = reinterpret_cast<std::uint8_t*>(out.data() + start);
    std::uint64_t bit = 0;
    for (std::uint32_t i = 0; i < count; ++i, bit += bits) {
        std::uint64_t shifted = (values[i] & mask) << (bit % 8);  // at most 39 bits
        for (std::uint32_t byte = 0; byte * 8 < (bit % 8) + bits; ++byte) {
            packed[bit / 8 + byte] |= static_cast<std::uint8_t>(shifted >> (8 * byte));
        }
    }
    for (std::uint32_t i = 0; i < count; ++i) {
        if (bit_width(values[i]) > bits) {
            out.push_back(static_cast<char>(i));
            append_varint(out, values[i] >> bits);
        }
    }
}

const std::uint8_t* pfor_decode(const std::uint8_t* in, std::uint32_t count, std::uint32_t* out) {
    if (count < kPforMinPackedValues) {
        const std::uint8_t* end = in + 5 * count;  // 5 bytes at most per 32-bit value
        for (std::uint32_t i = 0; i < count; ++i) {
            out[i] = static_cast<std::uint32_t>(read_varint(in, end));
        }
        return in;
    }
    std::uint32_t bits = in[0] > 32 ? 32 : in[0];
    std::uint32_t exception_count = in[1];
    in = kUnpackers[bits](in + 2, (count + 7) / 8, out);
    const std::uint8_t* end = in + 6 * exception_count;  // (index, varint) pairs at most
    for (std::uint32_t e = 0; e < exception_count; ++e) {
        std::uint32_t index = *in++;
        auto high = static_cast<std::uint32_t>(read_varint(in, end));
        if (index < count && bits < 32) {
            out[index] |= high << bits;
        }
    }
    return in;
}

const std::uint8_t* pfor_skip(const std::uint8_t* in, std::uint32_t count) {
    const auto skip_varint = [](const std::uint8_t* p) {
        const std::uint8_t* last = p + 9;  // a 64-bit varint has at most 10 bytes
        while ((*p & 0x80) != 0 && p < last) {
            ++p;
        }
        return p + 1;
    };
    if (count < kPforMinPackedValues) {
        for (std::uint32_t i = 0; i < count; ++i) {
            in = skip_varint(in);
        }
        return in;
    }
    const std::uint32_t bits = in[0] > 32 ? 32 : in[0];
    const std::uint32_t exception_count = in[1];
    in += 2 + std::size_t{(count + 7) / 8} * bits;
    for (std::uint32_t e = 0; e < exception_count; ++e) {
        in = skip_varint(in + 1);
    }
    return in;
}

}  // namespace iskra::index
