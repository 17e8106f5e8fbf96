#include "iskra/ingest/jsonl_reader.hpp"

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.hpp"
#include "support/temp_dir.hpp"

namespace iskra::ingest {
namespace {

using test::read_all;
using test::read_bytes;
using test::sample_path;
using test::source_for;
using test::source_text;

TEST(JsonlReader, ReadsRecordsAndReportsBadLines) {
    const std::string jsonl = read_bytes(sample_path("sample.jsonl"));
    std::vector<Document> docs;
    std::vector<Skipped> skipped;
    const Status status = read_jsonl(
        jsonl,
        source_for("sample.jsonl"),
        [&](Document&& doc) {
            docs.push_back(std::move(doc));
            return Status::ok_status();
        },
        [&](const Skipped& skip) { skipped.push_back(skip); });
    ASSERT_TRUE(status.ok()) << status.to_string();
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(docs[0].id, "doc-1");
    EXPECT_EQ(docs[0].title, "First");
    EXPECT_EQ(docs[0].text, "Trotsky was born in 1879.");
    EXPECT_EQ(docs[0].format, Format::JsonLines);
    EXPECT_EQ(docs[1].id, "2");
    EXPECT_EQ(docs[1].title, "2");
    EXPECT_EQ(docs[1].text, "He was exiled in 1929 with \"escapes\".");
    EXPECT_EQ(docs[2].id, "sample.jsonl#6");
    EXPECT_EQ(docs[2].title, "Untitled");
    ASSERT_EQ(skipped.size(), 2u);
    EXPECT_NE(skipped[0].reason.message().find("line 3"), std::string::npos)
        << skipped[0].reason.message();
    EXPECT_NE(skipped[1].reason.message().find("line 4"), std::string::npos);
    EXPECT_EQ(skipped[0].reason.code(), StatusCode::InvalidArgument);
}

TEST(JsonlReader, OffsetsPointAtTheJsonString) {
    const std::string jsonl = read_bytes(sample_path("sample.jsonl"));
    std::vector<Document> docs;
    ASSERT_TRUE(read_jsonl(
                    jsonl,
                    source_for("s"),
                    [&](Document&& doc) {
                        docs.push_back(std::move(doc));
                        return Status::ok_status();
                    },
                    [](const Skipped&) {})
                    .ok());
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(source_text(docs[0], jsonl, 0, 7), "Trotsky");
    EXPECT_EQ(source_text(docs[0], jsonl, 20, 24), "1879");
    // With escapes the text maps to the whole JSON string.
    EXPECT_EQ(source_text(docs[1], jsonl, 0, 2), "\"He was exiled in 1929 with \\\"escapes\\\".\"");
    // The content hash is that of the line.
    EXPECT_EQ(docs[0].source_size_bytes, jsonl.find('\n'));
}

TEST(JsonlReader, StreamsFilesAndSkipsOverlongLines) {
    iskra::testing::TempDir dir;
    std::string content = "{\"id\":\"a\",\"text\":\"short one\"}\n";
    content += "{\"id\":\"b\",\"text\":\"" + std::string(5000, 'x') + "\"}\n";
    content += "{\"id\":\"c\",\"text\":\"after the long line\"}";  // no final newline
    iskra::testing::write_text_file(dir / "big.jsonl", content);
    ReadOptions options;
    options.max_structured_file_bytes = 1000;
    const test::Collected got = read_all(dir / "big.jsonl", options);
    ASSERT_TRUE(got.status.ok());
    ASSERT_EQ(got.docs.size(), 2u);
    EXPECT_EQ(got.docs[0].id, "a");
    EXPECT_EQ(got.docs[1].id, "c");
    EXPECT_EQ(got.docs[1].text, "after the long line");
    EXPECT_EQ(test::source_text(got.docs[1], content, 0, 5), "after");
    ASSERT_EQ(got.skipped.size(), 1u);
    EXPECT_EQ(got.skipped[0].reason.code(), StatusCode::ResourceExhausted);
    EXPECT_NE(got.skipped[0].reason.message().find("line 2"), std::string::npos);
}

TEST(JsonlReader, StreamsManyLinesAcrossReadBlocks) {
    iskra::testing::TempDir dir;
    std::string content;
    for (int i = 0; i < 30000; ++i) {
        content += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"record number "
                   + std::to_string(i) + " with some padding text\"}\r\n";
    }
    iskra::testing::write_text_file(dir / "many.jsonl", content);
    const test::Collected got = read_all(dir / "many.jsonl");
    ASSERT_TRUE(got.status.ok());
    EXPECT_TRUE(got.skipped.empty());
    ASSERT_EQ(got.docs.size(), 30000u);
    EXPECT_EQ(got.docs[29999].id, "r29999");
    const Document& doc = got.docs[12345];
    EXPECT_EQ(test::source_text(doc, content, 0, doc.text.size()), doc.text);
}

TEST(JsonlReader, StopsOnSinkError) {
    const std::string jsonl = read_bytes(sample_path("sample.jsonl"));
    int calls = 0;
    const Status status = read_jsonl(
        jsonl,
        source_for("s"),
        [&](Document&&) {
            ++calls;
            return Status::cancelled("stop");
        },
        [](const Skipped&) {});
    EXPECT_EQ(status.code(), StatusCode::Cancelled);
    EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace iskra::ingest

namespace iskra::ingest {
namespace {

TEST(JsonlReader, RepairsInvalidUtf8InsteadOfDroppingTheLine) {
    const std::string jsonl =
        "{\"id\":\"x\",\"title\":\"" + std::string(400, 't') + "\",\"text\":\"caf\xE9 au lait\"}\n";
    std::vector<Document> docs;
    ASSERT_TRUE(read_jsonl(
                    jsonl,
                    test::source_for("bad.jsonl"),
                    [&](Document&& doc) {
                        docs.push_back(std::move(doc));
                        return Status::ok_status();
                    },
                    [](const Skipped& skipped) { ADD_FAILURE() << skipped.reason.to_string(); })
                    .ok());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].text, "caf\xEF\xBF\xBD au lait");
    EXPECT_EQ(docs[0].invalid_utf8_replaced, 1u);
    EXPECT_EQ(source_range(docs[0], 0, 3),
              (std::pair<std::uint64_t, std::uint64_t>{0, jsonl.size() - 1}));
    EXPECT_LE(docs[0].title.size(), 303u);
}

}  // namespace
}  // namespace iskra::ingest
