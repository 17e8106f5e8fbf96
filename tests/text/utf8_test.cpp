#include "iskra/text/utf8.hpp"

#include <cctype>
#include <string>

#include <gtest/gtest.h>

namespace iskra::text {
namespace {

struct RepairCase {
    const char* name;
    std::string input;
    std::string expected;
    std::size_t replaced;
};

const std::string kFffd = "\xEF\xBF\xBD";

class Utf8RepairTest : public ::testing::TestWithParam<RepairCase> {};

TEST_P(Utf8RepairTest, ReplacesMaximalSubparts) {
    const RepairCase& c = GetParam();
    const Utf8Repair repaired = repair_utf8(c.input);
    EXPECT_EQ(repaired.text, c.expected) << c.name;
    EXPECT_EQ(repaired.replaced_count, c.replaced) << c.name;
    EXPECT_TRUE(is_valid_utf8(repaired.text)) << c.name;
    EXPECT_EQ(is_valid_utf8(c.input), c.replaced == 0) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases,
    Utf8RepairTest,
    ::testing::Values(
        RepairCase{"empty", "", "", 0},
        RepairCase{"ascii", "plain text 123", "plain text 123", 0},
        RepairCase{"valid multibyte",
                   "coyoac\xC3\xA1n \xD0\xBB\xD0\xB5\xD0\xB2 \xF0\x9F\x98\x80",
                   "coyoac\xC3\xA1n \xD0\xBB\xD0\xB5\xD0\xB2 \xF0\x9F\x98\x80",
                   0},
        RepairCase{"lone continuation", "a\x80z", "a" + kFffd + "z", 1},
        RepairCase{
            "two continuations are two subparts", "a\x80\xBFz", "a" + kFffd + kFffd + "z", 2},
        RepairCase{"truncated 2-byte at end", "ab\xC3", "ab" + kFffd, 1},
        RepairCase{"truncated 3-byte", "a\xE2\x82z", "a" + kFffd + "z", 1},
        RepairCase{"truncated 4-byte", "a\xF0\x9F\x98z", "a" + kFffd + "z", 1},
        RepairCase{"overlong 2-byte", "\xC0\xAF", kFffd + kFffd, 2},
        RepairCase{"overlong 3-byte", "\xE0\x80\xAF", kFffd + kFffd + kFffd, 3},
        RepairCase{"surrogate", "\xED\xA0\x80", kFffd + kFffd + kFffd, 3},
        RepairCase{"past U+10FFFF", "\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd, 4},
        RepairCase{"invalid lead F5", "x\xF5y", "x" + kFffd + "y", 1},
        RepairCase{"latin-1 byte", "caf\xE9 au lait", "caf" + kFffd + " au lait", 1},
        RepairCase{
            "long ascii then bad", std::string(37, 'a') + "\xFF", std::string(37, 'a') + kFffd, 1}),
    [](const ::testing::TestParamInfo<RepairCase>& param_info) {
        std::string name = param_info.param.name;
        for (char& c : name) {
            if (!std::isalnum(static_cast<unsigned char>(c))) {
                c = '_';
            }
        }
        return name;
    });

TEST(Utf8, SequenceLengthRejectsOverlongsAndSurrogates) {
    EXPECT_EQ(utf8_sequence_length("\xC3\xA1", 0), 2u);
    EXPECT_EQ(utf8_sequence_length("\xE2\x80\x93", 0), 3u);
    EXPECT_EQ(utf8_sequence_length("\xF0\x9F\x98\x80", 0), 4u);
    EXPECT_EQ(utf8_sequence_length("\xC1\xBF", 0), 0u);
    EXPECT_EQ(utf8_sequence_length("\xED\xBF\xBF", 0), 0u);
    EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80", 0), 0u);
}

TEST(Utf8, LooksBinaryOnNulsAndControlCharacters) {
    EXPECT_FALSE(looks_binary(""));
    EXPECT_FALSE(looks_binary("Hello, world.\nSecond line\twith tab.\r\n"));
    EXPECT_FALSE(looks_binary("Caf\xC3\xA9 \xD0\xBB\xD0\xB5\xD0\xB2"));
    EXPECT_TRUE(looks_binary(std::string("PK\x03\x04\0\0", 6)));
    EXPECT_TRUE(looks_binary("\x01\x02\x03\x04\x05\x06 some text"));
    std::string random_high;
    for (int i = 0; i < 200; ++i) {
        random_high.push_back(static_cast<char>(0x80 + (i * 37) % 128));
    }
    EXPECT_TRUE(looks_binary(random_high));
}

}  // namespace
}  // namespace iskra::text
