#include "iskra/util/file.hpp"

#include <gtest/gtest.h>

#include "iskra/util/byte_buffer.hpp"
#include "iskra/util/checksum.hpp"
#include "iskra/util/mapped_file.hpp"

#include "support/temp_dir.hpp"

namespace iskra::util {
namespace {

TEST(WriteFileAtomic, ReplacesContentAndLeavesNoTempFile) {
    testing::TempDir dir;
    auto path = dir / "MANIFEST";
    ASSERT_TRUE(write_file_atomic(path, "one").ok());
    ASSERT_TRUE(write_file_atomic(path, "two").ok());
    auto content = read_file(path);
    ASSERT_TRUE(content.ok());
    EXPECT_EQ(*content, "two");
    EXPECT_FALSE(std::filesystem::exists(dir / "MANIFEST.tmp"));
}

TEST(ReadFile, MissingFileIsNotFoundAndNamesThePath) {
    testing::TempDir dir;
    auto content = read_file(dir / "absent.txt");
    ASSERT_FALSE(content.ok());
    EXPECT_EQ(content.status().code(), StatusCode::NotFound);
    EXPECT_NE(content.status().message().find("absent.txt"), std::string::npos);
}

TEST(ReadFile, DirectoryIsRejected) {
    testing::TempDir dir;
    auto content = read_file(dir.path());
    ASSERT_FALSE(content.ok());
    EXPECT_EQ(content.status().code(), StatusCode::InvalidArgument);
}

TEST(ReadFile, RefusesFilesOverTheLimit) {
    testing::TempDir dir;
    testing::write_text_file(dir / "big", std::string(100, 'x'));
    auto content = read_file(dir / "big", 10);
    ASSERT_FALSE(content.ok());
    EXPECT_EQ(content.status().code(), StatusCode::ResourceExhausted);
}

TEST(MappedFile, MapsContentAndEmptyFiles) {
    testing::TempDir dir;
    testing::write_text_file(dir / "a", "hello");
    testing::write_text_file(dir / "empty", "");
    auto a = MappedFile::open(dir / "a");
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->view(), "hello");
    auto empty = MappedFile::open(dir / "empty");
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->size(), 0U);
}

TEST(Crc32c, MatchesTheStandardCheckValue) {
    EXPECT_EQ(crc32c("123456789"), 0xE3069283U);
    EXPECT_EQ(crc32c(""), 0U);
    // 32 bytes of zeros and of 0xFF (RFC 3720, B.4): whole 8-byte words only.
    EXPECT_EQ(crc32c(std::string(32, '\0')), 0x8A9136AAU);
    EXPECT_EQ(crc32c(std::string(32, '\xFF')), 0x62A8AB43U);
}

TEST(Crc32c, ChainsThroughTheSeedAtAnySplit) {
    std::string text;
    for (int i = 0; i < 100; ++i) {
        text.push_back(static_cast<char>(i * 37 + 11));
    }
    const std::uint32_t whole = crc32c(text);
    for (std::size_t split : {0U, 1U, 7U, 8U, 13U, 64U, 99U, 100U}) {
        std::string_view view(text);
        EXPECT_EQ(crc32c(view.substr(split), crc32c(view.substr(0, split))), whole) << split;
    }
}

TEST(ByteReader, RoundTripsAndReportsTruncation) {
    ByteWriter writer;
    writer.put_varint(300);
    writer.put_u32(7);
    writer.put_string("abc");
    writer.put_f64(2.5);
    ByteReader reader(writer.data(), "test");
    EXPECT_EQ(*reader.varint(), 300U);
    EXPECT_EQ(*reader.u32(), 7U);
    EXPECT_EQ(*reader.string(), "abc");
    EXPECT_EQ(*reader.f64(), 2.5);
    EXPECT_TRUE(reader.at_end());
    auto past = reader.u8();
    ASSERT_FALSE(past.ok());
    EXPECT_EQ(past.status().code(), StatusCode::Corruption);
}

TEST(Status, WithContextPrefixesTheMessage) {
    auto s = Status::corruption("bad crc").with_context("segment s1");
    EXPECT_EQ(s.message(), "segment s1: bad crc");
    EXPECT_EQ(s.to_string(), "Corruption: segment s1: bad crc");
    EXPECT_TRUE(Status().with_context("x").ok());
}

}  // namespace
}  // namespace iskra::util
