#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/index/doc_store_reader.hpp"
#include "iskra/index/doc_store_writer.hpp"
#include "iskra/index/file_sink.hpp"
#include "iskra/index/footer.hpp"
#include "iskra/util/mapped_file.hpp"

#include "support/temp_dir.hpp"

namespace iskra::index {
namespace {

constexpr std::uint32_t kSeed = 5150;

DocumentRecord random_record(std::mt19937& rng, int index) {
    DocumentRecord r;
    r.external_id = "doc-" + std::to_string(index);
    r.title = index % 3 == 0 ? "" : "Title " + std::to_string(rng() % 1000);
    r.source_path = "/data/" + std::to_string(index) + ".html";
    r.format = "html";
    std::size_t size = index == 7 ? 200000 : rng() % 3000;  // one document bigger than a block
    for (std::size_t i = 0; i < size; ++i) {
        r.text.push_back(static_cast<char>('a' + rng() % 26));
    }
    std::uint32_t at = 0;
    std::uint64_t source = rng() % 100000;
    while (at + 10 < r.text.size() && r.sentences.size() < 40) {
        SentenceRecord s;
        s.text_begin = at + rng() % 5;
        s.text_end = s.text_begin + 1 + rng() % 5;
        // Source offsets may go backwards (reordered blocks of an HTML page).
        s.source_begin = rng() % 4 == 0 ? source - std::min<std::uint64_t>(source, rng() % 500)
                                        : source + rng() % 50;
        s.source_end = s.source_begin + rng() % 100;
        source = s.source_end;
        s.quality = rng() % 2 == 0 ? 1.0f : static_cast<float>(rng() % 100) / 100.0f;
        s.flags = static_cast<std::uint8_t>(rng() % 64);
        r.sentences.push_back(s);
        at = s.text_end;
    }
    r.source_size_bytes = rng();
    r.content_hash = (static_cast<std::uint64_t>(rng()) << 32) | rng();
    r.ingest_time_ms = 1700000000000ull + rng();
    r.flags = static_cast<std::uint8_t>(rng() % 4);
    r.quality = 0.25f;
    r.invalid_utf8_replaced = rng() % 3;
    if (index % 2 == 0) {
        r.annotations = {{"dates", std::string(rng() % 300, '\0')}, {"e", "x"}};
    }
    return r;
}

void expect_same(const DocumentRecord& a, const DocumentRecord& b) {
    // The store leaves ids to the segment's `ids` file (SegmentReader::document fills them).
    EXPECT_EQ(a.external_id, "");
    EXPECT_FALSE(b.external_id.empty());
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.source_path, b.source_path);
    EXPECT_EQ(a.format, b.format);
    EXPECT_EQ(a.text, b.text);
    ASSERT_EQ(a.sentences.size(), b.sentences.size());
    for (std::size_t i = 0; i < a.sentences.size(); ++i) {
        EXPECT_EQ(a.sentences[i].text_begin, b.sentences[i].text_begin);
        EXPECT_EQ(a.sentences[i].text_end, b.sentences[i].text_end);
        EXPECT_EQ(a.sentences[i].source_begin, b.sentences[i].source_begin);
        EXPECT_EQ(a.sentences[i].source_end, b.sentences[i].source_end);
        EXPECT_EQ(a.sentences[i].quality, b.sentences[i].quality);
        EXPECT_EQ(a.sentences[i].flags, b.sentences[i].flags);
    }
    EXPECT_EQ(a.source_size_bytes, b.source_size_bytes);
    EXPECT_EQ(a.content_hash, b.content_hash);
    EXPECT_EQ(a.ingest_time_ms, b.ingest_time_ms);
    EXPECT_EQ(a.flags, b.flags);
    EXPECT_EQ(a.quality, b.quality);
    EXPECT_EQ(a.invalid_utf8_replaced, b.invalid_utf8_replaced);
    EXPECT_EQ(a.annotations, b.annotations);
}

class DocStoreSizes : public ::testing::TestWithParam<int> {};

// Writes `records` as the store file `s` in `dir` and maps it into `mapped`.
void write_store(const testing::TempDir& dir,
                 const std::vector<DocumentRecord>& records,
                 std::optional<util::MappedFile>& mapped) {
    auto sink = FileSink::create(dir / "s");
    ASSERT_TRUE(sink.ok());
    DocStoreWriter writer(*sink);
    for (const auto& r : records) {
        writer.add(r);
    }
    writer.finish();
    ASSERT_TRUE(sink->finish().ok());
    auto file = util::MappedFile::open(dir / "s");
    ASSERT_TRUE(file.ok());
    mapped.emplace(file.take());
}

TEST_P(DocStoreSizes, RoundTripsEveryFieldInAnyOrder) {
    std::printf("seed %u count %d\n", kSeed, GetParam());
    std::mt19937 rng(kSeed + static_cast<std::uint32_t>(GetParam()));
    std::vector<DocumentRecord> records;
    for (int i = 0; i < GetParam(); ++i) {
        records.push_back(random_record(rng, i));
    }
    testing::TempDir dir;
    std::optional<util::MappedFile> mapped;
    ASSERT_NO_FATAL_FAILURE(write_store(dir, records, mapped));
    auto content = read_footer(mapped->view(), "s", true);
    ASSERT_TRUE(content.ok());
    // The store leaves content hashes to the segment's `ids` file: the reader is given them.
    std::vector<std::uint64_t> hashes;
    for (const auto& r : records) {
        hashes.push_back(r.content_hash);
    }
    auto reader = DocStoreReader::open(*content, "s", hashes);
    ASSERT_TRUE(reader.ok()) << reader.status().to_string();
    ASSERT_EQ(reader->doc_count(), records.size());
    for (int i = GetParam() - 1; i >= 0; --i) {  // backwards: every block found by the index
        auto doc = reader->document(static_cast<DocId>(i));
        ASSERT_TRUE(doc.ok()) << doc.status().to_string();
        expect_same(*doc, records[i]);
    }
    DocBlockCache cache;
    for (int i = 0; i < GetParam(); ++i) {
        auto bytes = reader->serialized(static_cast<DocId>(i), cache);
        ASSERT_TRUE(bytes.ok());
        auto doc = parse_document(*bytes, "s");
        ASSERT_TRUE(doc.ok());
        EXPECT_EQ(doc->title, records[i].title);
    }
    EXPECT_EQ(reader->document(static_cast<DocId>(GetParam())).status().code(),
              StatusCode::InvalidArgument);
}

TEST(DocStore, ContentHashesComeFromTheCallerOrAreZero) {
    std::mt19937 rng(kSeed);
    std::vector<DocumentRecord> records = {random_record(rng, 0), random_record(rng, 1)};
    testing::TempDir dir;
    std::optional<util::MappedFile> mapped;
    ASSERT_NO_FATAL_FAILURE(write_store(dir, records, mapped));
    auto content = read_footer(mapped->view(), "s", true);
    ASSERT_TRUE(content.ok());
    auto without = DocStoreReader::open(*content, "s");
    ASSERT_TRUE(without.ok());
    auto doc = without->document(1);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->content_hash, 0u);
    EXPECT_EQ(doc->text, records[1].text);
    std::vector<std::uint64_t> one_hash = {7};
    EXPECT_EQ(DocStoreReader::open(*content, "s", one_hash).status().code(),
              StatusCode::Corruption);
}

INSTANTIATE_TEST_SUITE_P(EdgeSizes, DocStoreSizes, ::testing::Values(0, 1, 2, 50, 300));

}  // namespace
}  // namespace iskra::index
