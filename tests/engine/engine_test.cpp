#include "iskra/engine.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace iskra {
namespace {

std::unique_ptr<Engine> open_new(const std::filesystem::path& dir) {
    OpenOptions options;
    options.create_if_missing = true;
    auto engine = Engine::open(dir, options);
    EXPECT_TRUE(engine.ok()) << engine.status().to_string();
    return engine.ok() ? engine.take() : nullptr;
}

std::vector<std::string> top_ids(const Engine& engine, const std::string& query, std::uint32_t k) {
    SearchRequest request;
    request.query = query;
    request.k = k;
    auto response = engine.search(request);
    EXPECT_TRUE(response.ok()) << response.status().to_string();
    std::vector<std::string> ids;
    if (response.ok()) {
        for (const auto& hit : response->hits) {
            ids.push_back(hit.doc_id);
        }
    }
    return ids;
}

bool any_snippet_contains(const SearchResponse& response, const std::string& needle) {
    for (const auto& hit : response.hits) {
        for (const auto& snippet : hit.snippets) {
            if (snippet.sentence.text.find(needle) != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

class SeedEngine : public ::testing::Test {
  protected:
    void SetUp() override {
        engine_ = open_new(dir_ / "collection");
        ASSERT_NE(engine_, nullptr);
        auto stats = engine_->add({testing::seeds_dir()});
        ASSERT_TRUE(stats.ok()) << stats.status().to_string();
        ASSERT_EQ(stats->documents_added, 5U);
    }
    testing::TempDir dir_;
    std::unique_ptr<Engine> engine_;
};

TEST_F(SeedEngine, IceAxeFindsTheAssassinationSentenceOfTheWikipediaSeed) {
    SearchRequest request;
    request.query = "\"ice axe\"";
    auto response = engine_->search(request);
    ASSERT_TRUE(response.ok());
    ASSERT_FALSE(response->hits.empty());
    EXPECT_NE(response->hits[0].doc_id.find("001_"), std::string::npos);
    EXPECT_TRUE(any_snippet_contains(*response, "ice axe")
                || any_snippet_contains(*response, "ice-axe"));
}

TEST_F(SeedEngine, UnaccentedQueryFindsAccentedText) {
    SearchRequest request;
    request.query = "coyoacan";
    auto response = engine_->search(request);
    ASSERT_TRUE(response.ok());
    EXPECT_TRUE(any_snippet_contains(*response, "coyoacán"));
}

TEST_F(SeedEngine, SnippetOffsetsPointAtTheSentenceInTheOriginalFile) {
    SearchRequest request;
    request.query = "\"ice axe\"";
    auto response = engine_->search(request);
    ASSERT_TRUE(response.ok());
    ASSERT_FALSE(response->hits.empty());
    const auto& snippet = response->hits[0].snippets.at(0);
    std::ifstream in(testing::seed_path(1), std::ios::binary);
    std::string original((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_LE(snippet.sentence.source_end, original.size());
    EXPECT_EQ(original.substr(snippet.sentence.source_begin,
                              snippet.sentence.source_end - snippet.sentence.source_begin),
              snippet.sentence.text);
}

TEST_F(SeedEngine, ReaddingUnchangedFilesChangesNothing) {
    auto stats = engine_->add({testing::seeds_dir()});
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->documents_unchanged, 5U);
    EXPECT_EQ(stats->documents_added, 0U);
    auto collection = engine_->stats();
    ASSERT_TRUE(collection.ok());
    EXPECT_EQ(collection->documents, 5U);
}

TEST_F(SeedEngine, ResultsAreIdenticalAfterOptimize) {
    for (int i = 0; i < 2; ++i) {  // a second segment, so that optimize has work to do
        testing::write_text_file(dir_ / "extra" / ("note" + std::to_string(i) + ".txt"),
                                 "Notes on the exile to Alma-Ata and the ice axe.\n");
    }
    ASSERT_TRUE(engine_->add({dir_ / "extra"}).ok());
    std::vector<std::string> queries = {
        "trotsky exile", "\"ice axe\"", "stalin AND lenin", "title:trotsky", "coyoacan -museum"};
    std::vector<std::vector<std::string>> before;
    for (const auto& q : queries) {
        before.push_back(top_ids(*engine_, q, 10));
    }
    ASSERT_TRUE(engine_->optimize().ok());
    auto stats = engine_->stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->segments.size(), 1U);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        EXPECT_EQ(top_ids(*engine_, queries[i], 10), before[i]) << queries[i];
    }
}

TEST_F(SeedEngine, RemoveDeletesAndReportsHowManyExisted) {
    auto ids = top_ids(*engine_, "\"ice axe\"", 10);
    ASSERT_FALSE(ids.empty());
    auto removed = engine_->remove({ids[0], "no-such-document"});
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(*removed, 1U);
    auto after = top_ids(*engine_, "\"ice axe\"", 10);
    EXPECT_EQ(std::find(after.begin(), after.end(), ids[0]), after.end());
    EXPECT_EQ(engine_->document(ids[0]).status().code(), StatusCode::NotFound);
}

TEST_F(SeedEngine, CheckPassesOnAHealthyCollection) {
    EXPECT_TRUE(engine_->check().ok());
}

TEST_F(SeedEngine, MalformedQueryIsInvalidArgumentWithAPosition) {
    SearchRequest request;
    request.query = "(trotsky OR stalin";
    auto response = engine_->search(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.status().code(), StatusCode::InvalidArgument);
    EXPECT_NE(response.status().message().find("position"), std::string::npos);
}

TEST(Engine, ChangedFileReplacesItsOldVersion) {
    testing::TempDir dir;
    auto engine = open_new(dir / "c");
    ASSERT_NE(engine, nullptr);
    testing::write_text_file(dir / "docs" / "a.txt", "The first version mentions apples.\n");
    ASSERT_TRUE(engine->add({dir / "docs"}).ok());
    testing::write_text_file(dir / "docs" / "a.txt", "The second version mentions pears.\n");
    auto stats = engine->add({dir / "docs"});
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->documents_replaced, 1U);
    EXPECT_TRUE(top_ids(*engine, "apples", 10).empty());
    EXPECT_EQ(top_ids(*engine, "pears", 10).size(), 1U);
}

TEST(Engine, BadFilesAreSkippedAndTheRestIsIndexed) {
    testing::TempDir dir;
    auto engine = open_new(dir / "c");
    ASSERT_NE(engine, nullptr);
    testing::write_text_file(dir / "docs" / "good.txt", "A good document about rivers.\n");
    testing::write_text_file(dir / "docs" / "empty.txt", "");
    testing::write_text_file(dir / "docs" / "bad-utf8.txt",
                             std::string("caf\xC3 rivers \xFF\xFE ok\n"));
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) {
        binary[i] = static_cast<char>(i * 7);
    }
    testing::write_text_file(dir / "docs" / "blob.bin", binary);
    std::vector<std::string> skipped;
    AddOptions options;
    options.on_skip = [&](const std::string& path, const Status&) {
        skipped.push_back(path);
    };
    auto stats = engine->add({dir / "docs", dir / "missing.txt"}, options);
    ASSERT_TRUE(stats.ok()) << stats.status().to_string();
    EXPECT_EQ(stats->files_skipped, 2U);  // the binary file and the missing path
    EXPECT_GE(stats->invalid_utf8_replaced, 2U);
    EXPECT_EQ(stats->documents_added, 3U);  // good, empty, repaired
    EXPECT_EQ(top_ids(*engine, "rivers", 10).size(), 2U);
}

TEST(Engine, RefusesAForeignDirectory) {
    testing::TempDir dir;
    testing::write_text_file(dir / "foreign" / "notes.txt", "not a collection");
    auto engine = Engine::open(dir / "foreign", {});
    ASSERT_FALSE(engine.ok());
    EXPECT_NE(engine.status().message().find("not an iskra collection"), std::string::npos);
}

TEST(Engine, MissingCollectionIsNotFound) {
    testing::TempDir dir;
    auto engine = Engine::open(dir / "absent", {});
    ASSERT_FALSE(engine.ok());
    EXPECT_EQ(engine.status().code(), StatusCode::NotFound);
}

}  // namespace
}  // namespace iskra
