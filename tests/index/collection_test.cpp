#include "iskra/index/collection.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "iskra/index/format.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/text/analyzer.hpp"

#include "support/temp_dir.hpp"

namespace iskra::index {
namespace {

DocumentRecord make_doc(std::string id, std::string title, std::vector<std::string> sentences) {
    DocumentRecord r;
    r.external_id = std::move(id);
    r.title = std::move(title);
    r.source_path = "/src/" + r.external_id + ".txt";
    r.format = "text";
    for (const std::string& s : sentences) {
        if (!r.text.empty()) {
            r.text += ' ';
        }
        SentenceRecord record;
        record.text_begin = static_cast<std::uint32_t>(r.text.size());
        r.text += s;
        record.text_end = static_cast<std::uint32_t>(r.text.size());
        record.source_begin = record.text_begin + 10;
        record.source_end = record.text_end + 10;
        record.quality = 0.5f;
        record.flags = kSentenceQuestion;
        r.sentences.push_back(record);
    }
    r.content_hash = std::hash<std::string>{}(r.text);
    r.quality = 0.75f;
    r.annotations = {{"dates", std::string("\0\1\2", 3)}, {"entities", "x"}};
    return r;
}

std::shared_ptr<Collection> open_collection(const std::filesystem::path& path,
                                            CollectionOptions options = {}) {
    options.create_if_missing = true;
    auto collection = Collection::open(path, options);
    EXPECT_TRUE(collection.ok()) << collection.status().to_string();
    return collection.ok() ? collection.take() : nullptr;
}

std::set<std::string> live_ids(const Snapshot& snapshot) {
    std::set<std::string> ids;
    for (const SegmentView& view : snapshot.segments()) {
        for (DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            if (view.is_live(doc)) {
                EXPECT_TRUE(ids.insert(std::string(view.reader->external_id(doc))).second);
            }
        }
    }
    return ids;
}

// (external id, freq, positions) of every live posting of a term, for comparisons.
std::vector<std::tuple<std::string, std::uint32_t, std::vector<std::uint32_t>>> live_postings(
    const Snapshot& snapshot, Field field, std::string_view term) {
    std::vector<std::tuple<std::string, std::uint32_t, std::vector<std::uint32_t>>> out;
    for (const SegmentView& view : snapshot.segments()) {
        auto cursor = view.reader->postings(field, term);
        if (!cursor) {
            continue;
        }
        for (; cursor->doc() != kEndOfPostings; cursor->next()) {
            if (view.is_live(cursor->doc())) {
                auto p = cursor->positions();
                out.emplace_back(std::string(view.reader->external_id(cursor->doc())),
                                 cursor->freq(),
                                 std::vector<std::uint32_t>(p.begin(), p.end()));
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(Collection, StoresDocumentsPositionsAndSentenceBoundaries) {
    testing::TempDir dir;
    auto collection = open_collection(dir / "c");
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    DocumentRecord doc = make_doc("a", "Red Fox", {"The quick red fox.", "It jumps over dogs."});
    ASSERT_TRUE((*writer)->add(doc).ok());
    DocumentRecord bare;
    bare.external_id = "bare";
    bare.text = "no sentences given here";
    ASSERT_TRUE((*writer)->add(bare).ok());
    auto generation = (*writer)->commit();
    ASSERT_TRUE(generation.ok()) << generation.status().to_string();

    auto snapshot = collection->snapshot();
    EXPECT_EQ(snapshot->generation(), *generation);
    EXPECT_EQ(snapshot->live_doc_count(), 2u);
    auto where = snapshot->find("a");
    ASSERT_TRUE(where.has_value());
    auto stored = snapshot->document(*where);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->title, doc.title);
    EXPECT_EQ(stored->text, doc.text);
    EXPECT_NE(doc.content_hash, 0u);
    EXPECT_EQ(stored->content_hash, doc.content_hash);  // from `ids`, not the store
    EXPECT_EQ(stored->source_path, doc.source_path);
    EXPECT_EQ(stored->annotations, doc.annotations);
    EXPECT_EQ(stored->quality, doc.quality);
    ASSERT_EQ(stored->sentences.size(), 2u);
    EXPECT_EQ(stored->sentences[1].text_begin, doc.sentences[1].text_begin);
    EXPECT_EQ(stored->sentences[1].source_end, doc.sentences[1].source_end);
    EXPECT_EQ(stored->sentences[1].flags, kSentenceQuestion);

    const SegmentReader& reader = *snapshot->segments()[where->segment].reader;
    text::Analyzer analyzer;
    // Title "red fox" at 0,1; body starts after the gap; sentence 2 after another gap.
    std::uint32_t body = 2 + kSentencePositionGap;
    auto red = live_postings(*snapshot, Field::All, analyzer.term("red"));
    ASSERT_EQ(red.size(), 1u);
    EXPECT_EQ(std::get<1>(red[0]), 1 + kTitleWeight);
    EXPECT_EQ(std::get<2>(red[0]), (std::vector<std::uint32_t>{0, body + 2}));
    auto title_red = live_postings(*snapshot, Field::Title, analyzer.term("red"));
    ASSERT_EQ(title_red.size(), 1u);
    EXPECT_EQ(std::get<1>(title_red[0]), 1u);
    EXPECT_EQ(std::get<2>(title_red[0]), (std::vector<std::uint32_t>{0}));
    auto jumps = live_postings(*snapshot, Field::All, analyzer.term("jumps"));
    ASSERT_EQ(jumps.size(), 1u);
    std::uint32_t jumps_position = std::get<2>(jumps[0])[0];
    EXPECT_EQ(jumps_position, body + 4 + kSentencePositionGap + 1);
    EXPECT_EQ(reader.sentence_of_position(where->doc, jumps_position), 1u);
    EXPECT_EQ(reader.sentence_of_position(where->doc, body), 0u);
    EXPECT_EQ(reader.sentence_of_position(where->doc, 1), std::nullopt);
    EXPECT_EQ(reader.length(Field::Title, where->doc), 2u);
    EXPECT_EQ(reader.length(Field::All, where->doc), 8u + kTitleWeight * 2);
    EXPECT_FALSE(reader.postings(Field::Title, analyzer.term("jumps")).has_value());

    auto bare_where = snapshot->find("bare");
    ASSERT_TRUE(bare_where.has_value());
    auto bare_stored = snapshot->document(*bare_where);
    ASSERT_TRUE(bare_stored.ok());
    ASSERT_EQ(bare_stored->sentences.size(), 1u);
    EXPECT_EQ(bare_stored->sentences[0].text_end, bare.text.size());
    EXPECT_EQ(snapshot->field_stats(Field::All).doc_count, 2u);
    EXPECT_EQ(snapshot->field_stats(Field::All).total_length, 8u + kTitleWeight * 2 + 4);
    EXPECT_EQ(snapshot->doc_freq(Field::All, analyzer.term("given")), 1u);
    EXPECT_TRUE(snapshot->has_document("a", doc.content_hash));
    EXPECT_FALSE(snapshot->has_document("a", doc.content_hash + 1));
    EXPECT_TRUE(collection->check().ok());
}

TEST(Collection, RejectsBadSentences) {
    testing::TempDir dir;
    auto collection = open_collection(dir / "c");
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    DocumentRecord doc = make_doc("a", "t", {"one two", "three"});
    std::swap(doc.sentences[0], doc.sentences[1]);
    EXPECT_EQ((*writer)->add(doc).code(), StatusCode::InvalidArgument);
    DocumentRecord no_id = make_doc("", "t", {"x"});
    EXPECT_EQ((*writer)->add(no_id).code(), StatusCode::InvalidArgument);
}

TEST(Collection, ReplacesByExternalIdAndRemoves) {
    testing::TempDir dir;
    auto collection = open_collection(dir / "c");
    {
        auto writer = collection->writer();
        ASSERT_TRUE(writer.ok());
        ASSERT_TRUE((*writer)->add(make_doc("a", "old", {"alpha beta"})).ok());
        ASSERT_TRUE((*writer)->add(make_doc("b", "b", {"gamma"})).ok());
        ASSERT_TRUE((*writer)->add(make_doc("c", "c", {"delta"})).ok());
        ASSERT_TRUE((*writer)->commit().ok());
    }
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(make_doc("a", "new", {"alpha omega"})).ok());
    ASSERT_TRUE((*writer)->add(make_doc("d", "d", {"epsilon"})).ok());
    ASSERT_TRUE((*writer)->add(make_doc("d", "d2", {"epsilon two"})).ok());  // replaces buffered
    ASSERT_TRUE((*writer)->remove("b").ok());
    ASSERT_TRUE((*writer)->add(make_doc("e", "e", {"zeta"})).ok());
    ASSERT_TRUE((*writer)->remove("e").ok());  // removes a buffered document
    ASSERT_TRUE((*writer)->remove("nonexistent").ok());
    EXPECT_TRUE((*writer)->has_document("d", make_doc("d", "d2", {"epsilon two"}).content_hash));
    ASSERT_TRUE((*writer)->commit().ok());
    auto snapshot = collection->snapshot();
    EXPECT_EQ(live_ids(*snapshot), (std::set<std::string>{"a", "c", "d"}));
    EXPECT_EQ(snapshot->document(*snapshot->find("a"))->title, "new");
    EXPECT_EQ(snapshot->document(*snapshot->find("d"))->title, "d2");
    text::Analyzer analyzer;
    EXPECT_TRUE(live_postings(*snapshot, Field::All, analyzer.term("beta")).empty());
    EXPECT_EQ(live_postings(*snapshot, Field::All, analyzer.term("omega")).size(), 1u);
    EXPECT_EQ(snapshot->field_stats(Field::All).doc_count, 3u);
    EXPECT_TRUE(collection->check().ok());

    // Reopening from disk sees the same thing.
    writer->reset();
    auto reopened = open_collection(dir / "c");
    EXPECT_EQ(live_ids(*reopened->snapshot()), (std::set<std::string>{"a", "c", "d"}));
}

TEST(Collection, ReplacementsAcrossAutomaticFlushesKeepTheLastVersion) {
    std::printf("seed 31\n");
    std::mt19937 rng(31);
    testing::TempDir dir;
    CollectionOptions options;
    options.memory_budget_bytes = 1;  // flush a segment at every batch
    options.threads = 2;
    options.merge.segments_per_tier = 3;
    options.merge.floor_doc_count = 50;
    auto collection = open_collection(dir / "c", options);
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    std::map<std::string, std::string> expected;  // id -> title of its live version
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 900; ++i) {
            std::string id = "d" + std::to_string(rng() % 300);
            std::string title = "v" + std::to_string(round) + "x" + std::to_string(i);
            if (rng() % 10 == 0) {
                ASSERT_TRUE((*writer)->remove(id).ok());
                expected.erase(id);
            } else {
                ASSERT_TRUE((*writer)->add(make_doc(id, title, {"body of " + title})).ok());
                expected[id] = title;
            }
        }
        ASSERT_TRUE((*writer)->commit().ok());
        auto snapshot = collection->snapshot();
        std::set<std::string> ids;
        for (const auto& [id, title] : expected) {
            ids.insert(id);
            auto where = snapshot->find(id);
            ASSERT_TRUE(where.has_value()) << id;
            EXPECT_EQ(snapshot->document(*where)->title, title);
        }
        EXPECT_EQ(live_ids(*snapshot), ids);
        EXPECT_EQ(snapshot->live_doc_count(), expected.size());
    }
    EXPECT_GT((*writer)->stats().segments_flushed, 3u);
    EXPECT_TRUE(collection->check().ok());
}

// A full buffer is written on a background thread while the next one fills: the documents of
// the segment being written are still found, replaced and removed through the writer.
TEST(Collection, DocumentsOfASegmentBeingFlushedCanBeFoundAndRemoved) {
    testing::TempDir dir;
    CollectionOptions options;
    options.memory_budget_bytes = 1;  // a flush starts at every batch
    auto collection = open_collection(dir / "c", options);
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    // Three batches of 256: the first two are handed to the background flush in turn.
    for (int i = 0; i < 3 * 256; ++i) {
        std::string id = "d" + std::to_string(i);
        ASSERT_TRUE((*writer)->add(make_doc(id, id, {"body of " + id})).ok());
    }
    EXPECT_TRUE((*writer)->has_document("d3", make_doc("d3", "d3", {"body of d3"}).content_hash));
    EXPECT_TRUE(
        (*writer)->has_document("d300", make_doc("d300", "d300", {"body of d300"}).content_hash));
    ASSERT_TRUE((*writer)->remove("d3").ok());
    ASSERT_TRUE((*writer)->remove("d300").ok());
    ASSERT_TRUE((*writer)->add(make_doc("d5", "d5 again", {"new body"})).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    EXPECT_GE((*writer)->stats().segments_flushed, 3u);
    auto snapshot = collection->snapshot();
    EXPECT_EQ(snapshot->live_doc_count(), 3u * 256 - 2);
    EXPECT_FALSE(snapshot->find("d3").has_value());
    EXPECT_FALSE(snapshot->find("d300").has_value());
    ASSERT_TRUE(snapshot->find("d5").has_value());
    EXPECT_EQ(snapshot->document(*snapshot->find("d5"))->title, "d5 again");
    ASSERT_TRUE(snapshot->find("d700").has_value());
    EXPECT_TRUE(collection->check().ok());
}

TEST(Collection, SnapshotTakenBeforeCommitDoesNotSeeNewDocuments) {
    testing::TempDir dir;
    auto collection = open_collection(dir / "c");
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->add(make_doc("a", "a", {"one"})).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    auto before = collection->snapshot();
    ASSERT_TRUE((*writer)->add(make_doc("b", "b", {"two"})).ok());
    ASSERT_TRUE((*writer)->remove("a").ok());
    EXPECT_EQ(live_ids(*collection->snapshot()), (std::set<std::string>{"a"}));
    ASSERT_TRUE((*writer)->commit().ok());
    EXPECT_EQ(live_ids(*before), (std::set<std::string>{"a"}));
    EXPECT_TRUE(before->document(*before->find("a")).ok());
    EXPECT_EQ(live_ids(*collection->snapshot()), (std::set<std::string>{"b"}));
}

TEST(Collection, OptimizeKeepsPostingsAndDocuments) {
    std::printf("seed 77\n");
    std::mt19937 rng(77);
    testing::TempDir dir;
    CollectionOptions options;
    options.merge.segments_per_tier = 1000;  // no automatic merges: many segments
    auto collection = open_collection(dir / "c", options);
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    const char* words[] = {"apple", "banana", "cherry", "date", "elder", "fig", "grape"};
    for (int batch = 0; batch < 6; ++batch) {
        for (int i = 0; i < 60; ++i) {
            std::vector<std::string> sentences;
            for (int s = 0; s < 3; ++s) {
                std::string sentence;
                for (int w = 0; w < 6; ++w) {
                    sentence += std::string(words[rng() % 7]) + " ";
                }
                sentences.push_back(sentence);
            }
            std::string id = "d" + std::to_string(rng() % 200);
            ASSERT_TRUE((*writer)->add(make_doc(id, words[rng() % 7], sentences)).ok());
        }
        ASSERT_TRUE((*writer)->remove("d" + std::to_string(rng() % 200)).ok());
        ASSERT_TRUE((*writer)->commit().ok());
    }
    auto before = collection->snapshot();
    EXPECT_GT(before->segments().size(), 3u);
    ASSERT_TRUE((*writer)->optimize().ok());
    auto after = collection->snapshot();
    ASSERT_EQ(after->segments().size(), 1u);
    EXPECT_EQ(after->segments()[0].deleted->count(), 0u);
    EXPECT_EQ(live_ids(*before), live_ids(*after));
    for (const char* word : words) {
        text::Analyzer analyzer;
        for (Field field : {Field::All, Field::Title}) {
            EXPECT_EQ(live_postings(*before, field, analyzer.term(word)),
                      live_postings(*after, field, analyzer.term(word)))
                << word;
        }
    }
    EXPECT_EQ(before->field_stats(Field::All).total_length,
              after->field_stats(Field::All).total_length);
    for (const std::string& id : live_ids(*after)) {
        auto a = before->document(*before->find(id));
        auto b = after->document(*after->find(id));
        ASSERT_TRUE(a.ok() && b.ok());
        EXPECT_EQ(a->text, b->text);
        EXPECT_EQ(a->title, b->title);
        auto seg_a = before->segments()[before->find(id)->segment].reader;
        auto seg_b = after->segments()[0].reader;
        auto starts_a = seg_a->sentence_starts(before->find(id)->doc);
        auto starts_b = seg_b->sentence_starts(after->find(id)->doc);
        EXPECT_TRUE(std::equal(starts_a.begin(), starts_a.end(), starts_b.begin(), starts_b.end()));
    }
    EXPECT_TRUE(collection->check().ok());
    // The merged-away segment directories are gone.
    int segment_dirs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "c")) {
        segment_dirs += entry.is_directory() ? 1 : 0;
    }
    EXPECT_EQ(segment_dirs, 1);
}

TEST(Collection, TieredMergeBoundsTheSegmentCount) {
    testing::TempDir dir;
    CollectionOptions options;
    options.merge.segments_per_tier = 4;
    options.merge.floor_doc_count = 10;
    auto collection = open_collection(dir / "c", options);
    auto writer = collection->writer();
    ASSERT_TRUE(writer.ok());
    for (int batch = 0; batch < 40; ++batch) {
        ASSERT_TRUE((*writer)->add(make_doc("b" + std::to_string(batch), "t", {"word"})).ok());
        ASSERT_TRUE((*writer)->commit().ok());
        EXPECT_LE(collection->snapshot()->segments().size(), 12u);
    }
    EXPECT_EQ(collection->snapshot()->live_doc_count(), 40u);
    EXPECT_TRUE(collection->check().ok());
}

TEST(Collection, RefusesForeignDirectoryAndMissingCollection) {
    testing::TempDir dir;
    testing::write_text_file(dir / "foreign" / "notes.txt", "hello");
    auto foreign = Collection::open(dir / "foreign", {});
    EXPECT_EQ(foreign.status().code(), StatusCode::InvalidArgument);
    EXPECT_NE(foreign.status().message().find("not an iskra collection"), std::string::npos);
    CollectionOptions create;
    create.create_if_missing = true;
    EXPECT_EQ(Collection::open(dir / "foreign", create).status().code(),
              StatusCode::InvalidArgument);
    testing::write_text_file(dir / "fake" / "MANIFEST", "something else entirely, not ours");
    EXPECT_EQ(Collection::open(dir / "fake", {}).status().code(), StatusCode::InvalidArgument);
    EXPECT_EQ(Collection::open(dir / "absent", {}).status().code(), StatusCode::NotFound);
}

TEST(Collection, RefusesUnknownFormatVersion) {
    testing::TempDir dir;
    ASSERT_NE(open_collection(dir / "c"), nullptr);
    auto path = dir / "c" / std::string(kManifestFile);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(15);  // the version follows the 15-byte magic
    char version[4] = {9, 0, 0, 0};
    file.write(version, 4);
    file.close();
    auto opened = Collection::open(dir / "c", {});
    EXPECT_EQ(opened.status().code(), StatusCode::Unsupported);
    EXPECT_NE(opened.status().message().find("version 9"), std::string::npos);
}

TEST(Collection, AsksToReindexACollectionOfAnOlderFormat) {
    testing::TempDir dir;
    ASSERT_NE(open_collection(dir / "c"), nullptr);
    auto path = dir / "c" / std::string(kManifestFile);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(15);
    char version[4] = {2, 0, 0, 0};  // the analyzer split "python3" into two terms then
    file.write(version, 4);
    file.close();
    auto opened = Collection::open(dir / "c", {});
    EXPECT_EQ(opened.status().code(), StatusCode::Unsupported);
    EXPECT_NE(opened.status().message().find("version 2"), std::string::npos);
    EXPECT_NE(opened.status().message().find("older iskra"), std::string::npos);
    EXPECT_NE(opened.status().message().find("re-index"), std::string::npos);
}

TEST(Collection, SecondWriterIsBusy) {
    testing::TempDir dir;
    auto collection = open_collection(dir / "c");
    auto first = collection->writer();
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(collection->writer().status().code(), StatusCode::Busy);
    first->reset();
    EXPECT_TRUE(collection->writer().ok());
    CollectionOptions read_only;
    read_only.read_only = true;
    auto reader = Collection::open(dir / "c", read_only);
    ASSERT_TRUE(reader.ok());
    EXPECT_FALSE((*reader)->writer().ok());
}

class DamagedFile : public ::testing::TestWithParam<std::string> {};

TEST_P(DamagedFile, CheckNamesTheBitFlippedOrTruncatedFile) {
    for (bool truncate : {false, true}) {
        testing::TempDir dir;
        auto collection = open_collection(dir / "c");
        {
            auto writer = collection->writer();
            ASSERT_TRUE(writer.ok());
            for (int i = 0; i < 50; ++i) {
                ASSERT_TRUE(
                    (*writer)
                        ->add(make_doc("d" + std::to_string(i),
                                       "title " + std::to_string(i),
                                       {"some text here", "and more text " + std::to_string(i)}))
                        .ok());
            }
            ASSERT_TRUE((*writer)->commit().ok());
            ASSERT_TRUE((*writer)->remove("d3").ok());
            ASSERT_TRUE((*writer)->commit().ok());
        }
        ASSERT_TRUE(check_collection(dir / "c").ok());
        std::filesystem::path victim;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "c")) {
            std::string name = entry.path().filename().string();
            if (name == GetParam()
                || (GetParam() == "del" && name.find(".del.") != std::string::npos)) {
                victim = entry.path();
            }
        }
        ASSERT_FALSE(victim.empty());
        auto size = std::filesystem::file_size(victim);
        if (truncate) {
            std::filesystem::resize_file(victim, size - 1);
        } else {
            std::fstream file(victim, std::ios::in | std::ios::out | std::ios::binary);
            file.seekg(static_cast<std::streamoff>(size / 3));
            char byte = 0;
            file.read(&byte, 1);
            byte = static_cast<char>(byte ^ 0x10);
            file.seekp(static_cast<std::streamoff>(size / 3));
            file.write(&byte, 1);
        }
        auto status = check_collection(dir / "c");
        EXPECT_EQ(status.code(), StatusCode::Corruption) << victim;
        EXPECT_NE(status.message().find(victim.string()), std::string::npos) << status.message();
    }
}

INSTANTIATE_TEST_SUITE_P(EveryFile,
                         DamagedFile,
                         ::testing::Values("postings.doc",
                                           "postings.pos",
                                           "terms.dict",
                                           "norms",
                                           "sentences",
                                           "docs.store",
                                           "ids",
                                           "segment.info",
                                           "del"));

TEST(Collection, CheckReportsADamagedManifest) {
    testing::TempDir dir;
    ASSERT_NE(open_collection(dir / "c"), nullptr);
    auto path = dir / "c" / std::string(kManifestFile);
    auto size = std::filesystem::file_size(path);
    std::filesystem::resize_file(path, size - 3);
    auto status = check_collection(dir / "c");
    EXPECT_EQ(status.code(), StatusCode::Corruption);
    EXPECT_NE(status.message().find("MANIFEST"), std::string::npos);
}

}  // namespace
}  // namespace iskra::index
