#include "iskra/ingest/text_reader.hpp"

#include <random>

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.hpp"
#include "support/temp_dir.hpp"

namespace iskra::ingest {
namespace {

using test::read_bytes;
using test::sample_path;
using test::source_for;
using test::source_text;

TEST(TextReader, KeepsBytesAndTakesFirstShortLineAsTitle) {
    auto doc = read_text("\n  First line here  \nsecond line\n", source_for("a.txt"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->title, "First line here");
    EXPECT_EQ(doc->text, "\n  First line here  \nsecond line\n");
    EXPECT_EQ(source_range(*doc, 3, 8), (std::pair<std::uint64_t, std::uint64_t>{3, 8}));
    auto long_line = read_text(std::string(200, 'w'), source_for("b.txt"));
    ASSERT_TRUE(long_line.ok());
    EXPECT_EQ(long_line->title, "b.txt");
}

TEST(TextReader, DropsByteOrderMarkWithExactOffsets) {
    const std::string bytes = "\xEF\xBB\xBFHello world";
    auto doc = read_text(bytes, source_for("bom.txt"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "Hello world");
    EXPECT_EQ(source_text(*doc, bytes, 6, 11), "world");
}

TEST(TextReader, RepairsInvalidUtf8AndKeepsOffsets) {
    const std::string bytes = read_bytes(sample_path("invalid_utf8.txt"));
    auto doc = read_text(bytes, source_for("invalid_utf8.txt"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->invalid_utf8_replaced, 2u);
    EXPECT_EQ(doc->text.rfind("Caf\xEF\xBF\xBD au lait", 0), 0u);
    const std::size_t at = doc->text.find("valid.");
    EXPECT_EQ(source_text(*doc, bytes, at, at + 6), "valid.");
    const std::size_t bad = doc->text.find("\xEF\xBF\xBD");
    EXPECT_EQ(source_text(*doc, bytes, bad, bad + 3), "\xE9");
}

// A 50 MB file streamed in 4 MB chunks: every chunk ends at a line break, ids count up, and every
// chunk's offsets point at its bytes in the file.
TEST(TextReader, StreamsHugeFilesInChunksWithFileOffsets) {
    iskra::testing::TempDir dir;
    std::mt19937 random(42);  // fixed seed
    std::string content;
    content.reserve(50u << 20);
    const char* words[] = {"revolution", "army", "exile", "party", "1917", "soviet", "theory"};
    while (content.size() < (50u << 20)) {
        const int length = 3 + static_cast<int>(random() % 20);
        for (int i = 0; i < length; ++i) {
            content += words[random() % 7];
            content += ' ';
        }
        content += random() % 5 == 0 ? "\n\n" : "\n";
    }
    iskra::testing::write_text_file(dir / "huge.txt", content);
    ReadOptions options;
    options.chunk_bytes = 4u << 20;
    std::size_t count = 0;
    std::uint64_t covered = 0;
    const Status status = read_path(
        dir / "huge.txt",
        options,
        [&](Document&& doc) {
            ++count;
            EXPECT_EQ(
                doc.id,
                (dir / "huge.txt").string() + (count == 1 ? "" : "#" + std::to_string(count)));
            EXPECT_LE(doc.text.size(), options.chunk_bytes);
            EXPECT_EQ(doc.text.back(), '\n');
            const auto [begin, end] =
                source_range(doc, 0, static_cast<std::uint32_t>(doc.text.size()));
            EXPECT_EQ(begin, covered);
            EXPECT_EQ(content.compare(begin, end - begin, doc.text), 0);
            const auto [mid_begin, mid_end] = source_range(doc, 1000, 1010);
            EXPECT_EQ(content.substr(mid_begin, mid_end - mid_begin), doc.text.substr(1000, 10));
            EXPECT_TRUE(doc.text.size() > options.chunk_bytes / 2 || end == content.size());
            covered = end;
            return Status::ok_status();
        },
        [](const Skipped& skipped) { ADD_FAILURE() << skipped.reason.to_string(); });
    ASSERT_TRUE(status.ok()) << status.to_string();
    EXPECT_EQ(covered, content.size());
    EXPECT_GE(count, 12u);
    EXPECT_LE(count, 17u);
}

}  // namespace
}  // namespace iskra::ingest
