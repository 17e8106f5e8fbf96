#include "iskra/index/store_metadata.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/index/doc_store_reader.hpp"
#include "iskra/index/doc_store_writer.hpp"
#include "iskra/index/varint.hpp"

namespace iskra::index {
namespace {

DocumentRecord record_with(std::string path, std::uint64_t hash, std::size_t sentences) {
    DocumentRecord r;
    r.source_path = std::move(path);
    r.format = "jsonl";
    r.text = std::string(10 * sentences + 5, 'x');
    for (std::uint32_t i = 0; i < sentences; ++i) {
        SentenceRecord s;
        s.text_begin = 10 * i;
        s.text_end = 10 * i + 7;
        s.source_begin = 100 + 12 * i;
        s.source_end = 100 + 12 * i + 9;
        s.quality = i % 2 == 0 ? 1.0f : 0.5f;
        s.flags = static_cast<std::uint8_t>(i % 3);
        r.sentences.push_back(s);
    }
    r.content_hash = hash;
    r.quality = 0.75f;
    r.annotations = {{"facts", "abc"}, {"dates", ""}};
    return r;
}

// The block's sizes and metadata sections, as DocStoreWriter gathers them.
struct Gathered {
    std::string sizes;
    std::string metas;
    std::vector<std::string> rows;
};

Gathered gather(const std::vector<DocumentRecord>& records) {
    Gathered g;
    for (const DocumentRecord& r : records) {
        std::string serialized;
        serialize_document(r, serialized);
        const auto* p = reinterpret_cast<const std::uint8_t*>(serialized.data());
        const auto* end = p + serialized.size();
        std::uint64_t meta = read_varint(p, end);
        std::uint64_t text = read_varint(p, end);
        std::string_view rest(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
        append_varint(g.sizes, meta);
        append_varint(g.sizes, text);
        append_varint(g.sizes, rest.size() - meta - text);
        g.metas.append(rest.substr(0, meta));
        g.rows.emplace_back(rest.substr(0, meta));
    }
    return g;
}

TEST(StoreMetadata, ColumnsGiveBackTheRowsWithTheCallersHashes) {
    std::vector<DocumentRecord> records = {record_with("/a.jsonl", 11, 3),
                                           record_with("/a.jsonl", 22, 0),
                                           record_with("/b.jsonl", 33, 5)};
    Gathered g = gather(records);
    std::string columns = columnar_metadata(3, g.sizes, g.metas);
    std::vector<std::uint64_t> hashes = {11, 22, 33};
    std::string rows;
    std::vector<std::uint64_t> sizes;
    ASSERT_TRUE(rows_from_columns(columns, hashes, "t", rows, sizes).ok());
    EXPECT_EQ(rows, g.metas);
    ASSERT_EQ(sizes.size(), 9u);
    EXPECT_EQ(sizes[0], g.rows[0].size());
    EXPECT_EQ(sizes[3], g.rows[1].size());
    EXPECT_EQ(sizes[1], records[0].text.size() + 1);  // title length varint + text
    EXPECT_EQ(sizes[8], 3u);                          // the blobs "abc" and ""
}

TEST(StoreMetadata, DamagedColumnsAreCorruptionNotACrash) {
    std::vector<DocumentRecord> records = {record_with("/a.jsonl", 11, 4),
                                           record_with("/b.jsonl", 22, 2)};
    Gathered g = gather(records);
    std::string columns = columnar_metadata(2, g.sizes, g.metas);
    for (std::size_t cut = 0; cut < columns.size(); ++cut) {
        std::string rows;
        std::vector<std::uint64_t> sizes;
        Status status = rows_from_columns(columns.substr(0, cut), {}, "t", rows, sizes);
        EXPECT_EQ(status.code(), StatusCode::Corruption) << "cut at " << cut;
    }
    for (std::size_t at = 0; at < columns.size(); ++at) {
        std::string damaged = columns;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
        std::string rows;
        std::vector<std::uint64_t> sizes;
        (void)rows_from_columns(damaged, {}, "t", rows, sizes);  // must not crash (ASan)
    }
    std::string rows;
    std::vector<std::uint64_t> sizes;
    std::vector<std::uint64_t> wrong_count = {1, 2, 3};
    EXPECT_EQ(rows_from_columns(columns, wrong_count, "t", rows, sizes).code(),
              StatusCode::Corruption);
}

}  // namespace
}  // namespace iskra::index
