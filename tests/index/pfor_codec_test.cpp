#include "iskra/index/pfor_codec.hpp"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace iskra::index {
namespace {

constexpr std::uint32_t kSeed = 99173;

void expect_round_trip(const std::vector<std::uint32_t>& values) {
    std::string encoded;
    pfor_encode(values.data(), static_cast<std::uint32_t>(values.size()), encoded);
    std::size_t encoded_size = encoded.size();
    encoded.append(16, '\x5A');  // what follows in a file; must not leak into the values
    std::vector<std::uint32_t> decoded(values.size() + kPforOutputSlack, 0xDEADBEEF);
    const auto* begin = reinterpret_cast<const std::uint8_t*>(encoded.data());
    const std::uint8_t* end =
        pfor_decode(begin, static_cast<std::uint32_t>(values.size()), decoded.data());
    EXPECT_EQ(static_cast<std::size_t>(end - begin), encoded_size);
    EXPECT_EQ(pfor_skip(begin, static_cast<std::uint32_t>(values.size())), end);  // header only
    decoded.resize(values.size());
    EXPECT_EQ(decoded, values);
}

TEST(PforCodec, RoundTripsEveryWidthAndSize) {
    std::printf("seed %u\n", kSeed);
    std::mt19937 rng(kSeed);
    for (std::uint32_t size : {0u, 1u, 7u, 8u, 9u, 127u, 128u, 129u, 200u, 256u}) {
        for (std::uint32_t bits = 0; bits <= 32; ++bits) {
            std::vector<std::uint32_t> values(size);
            for (auto& v : values) {
                v = bits == 0 ? 0 : static_cast<std::uint32_t>(rng() >> (32 - bits));
            }
            expect_round_trip(values);
        }
    }
}

TEST(PforCodec, OutliersBecomeExceptionsAndStaySmall) {
    std::vector<std::uint32_t> values(128, 3);
    values[5] = 0xFFFFFFFFu;
    values[77] = 1u << 20;
    expect_round_trip(values);
    std::string encoded;
    pfor_encode(values.data(), 128, encoded);
    EXPECT_LT(encoded.size(), 50u);  // 2 bits x 128 = 32 bytes + two exceptions
}

TEST(PforCodec, ShortBlocksAreVarintsWithoutHeader) {
    std::vector<std::uint32_t> values = {40000, 1, 127, 128};
    expect_round_trip(values);
    std::string encoded;
    pfor_encode(values.data(), static_cast<std::uint32_t>(values.size()), encoded);
    EXPECT_EQ(encoded.size(), 3u + 1u + 1u + 2u);
    std::vector<std::uint32_t> fifteen(kPforMinPackedValues - 1, 1u << 20);
    expect_round_trip(fifteen);
}

TEST(PforCodec, RandomSkewedInputsRoundTrip) {
    std::printf("seed %u\n", kSeed + 1);
    std::mt19937 rng(kSeed + 1);
    std::geometric_distribution<std::uint32_t> small(0.3);
    for (int trial = 0; trial < 2000; ++trial) {
        std::vector<std::uint32_t> values(1 + rng() % 256);
        for (auto& v : values) {
            v = rng() % 10 == 0 ? static_cast<std::uint32_t>(rng()) : small(rng);
        }
        expect_round_trip(values);
    }
}

}  // namespace
}  // namespace iskra::index
