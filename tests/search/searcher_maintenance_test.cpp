#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/search/searcher.hpp"

#include "seed_collection.hpp"

namespace iskra::search {
namespace {

using testing::SeedCollection;

std::vector<std::pair<std::string, double>> ranking(const index::Snapshot& snapshot,
                                                    const std::string& query,
                                                    text::Analyzer& analyzer) {
    const Searcher searcher(std::make_shared<const index::Snapshot>(snapshot));
    SearchRequest request;
    request.query = query;
    request.k = 5;
    request.snippets = false;
    Result<SearchResponse> response = searcher.search(request, analyzer);
    EXPECT_TRUE(response.ok()) << response.status().to_string();
    std::vector<std::pair<std::string, double>> out;
    if (response.ok()) {
        for (const SearchHit& hit : response->hits) {
            out.emplace_back(hit.doc_id, hit.score);
        }
    }
    return out;
}

TEST(SearcherMaintenance, ResultsAreIdenticalAfterOptimize) {
    SeedCollection seeds;
    text::Analyzer analyzer;
    const std::vector<std::string> queries = {"ice axe",
                                              "trotsky stalin exile",
                                              "\"red army\"",
                                              "+lenin trotsky -mexico",
                                              "title:trotsky",
                                              "coyoacan OR mexico",
                                              "\"pocket decided\"~8"};
    std::vector<std::vector<std::pair<std::string, double>>> before;
    ASSERT_GT(seeds.snapshot()->segments().size(), 1u);
    for (const std::string& query : queries) {
        before.push_back(ranking(*seeds.snapshot(), query, analyzer));
        EXPECT_FALSE(before.back().empty()) << query;
    }
    ASSERT_TRUE(seeds.writer().optimize().ok());
    ASSERT_EQ(seeds.snapshot()->segments().size(), 1u);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const auto after = ranking(*seeds.snapshot(), queries[i], analyzer);
        ASSERT_EQ(after.size(), before[i].size()) << queries[i];
        for (std::size_t r = 0; r < after.size(); ++r) {
            EXPECT_EQ(after[r].first, before[i][r].first) << queries[i];
            EXPECT_NEAR(after[r].second, before[i][r].second, 1e-5 * before[i][r].second)
                << queries[i];
        }
    }
}

TEST(SearcherMaintenance, DeletedDocumentsAreNotFound) {
    SeedCollection seeds;
    text::Analyzer analyzer;
    const auto before = ranking(*seeds.snapshot(), "ice axe", analyzer);
    ASSERT_FALSE(before.empty());
    ASSERT_TRUE(seeds.writer().remove(before.front().first).ok());
    ASSERT_TRUE(seeds.writer().commit().ok());
    for (const auto& [id, score] : ranking(*seeds.snapshot(), "ice axe", analyzer)) {
        EXPECT_NE(id, before.front().first);
    }
}

}  // namespace
}  // namespace iskra::search

namespace iskra::search {
namespace {

index::DocumentRecord simple_record(const std::string& id,
                                    const std::string& text,
                                    std::uint8_t flags) {
    index::DocumentRecord record;
    record.external_id = id;
    record.title = id;
    record.text = text;
    record.flags = flags;
    return record;
}

TEST(SearcherPrior, FlaggedDocumentsRankBelowCleanOnesUnlessNoiseIsShown) {
    iskra::testing::TempDir dir("iskra-search-prior");
    index::CollectionOptions options;
    options.create_if_missing = true;
    options.threads = 2;
    auto collection = index::Collection::open(dir.path() / "c", options);
    ASSERT_TRUE(collection.ok());
    {
        auto writer = (*collection)->writer();
        ASSERT_TRUE(writer.ok());
        const std::string text = "the volcano erupted in the night";
        ASSERT_TRUE((*writer)->add(simple_record("dup", text, index::kDocumentDuplicate)).ok());
        ASSERT_TRUE((*writer)->add(simple_record("orig", text, 0)).ok());
        for (int i = 0; i < 30; ++i) {
            ASSERT_TRUE((*writer)
                            ->add(simple_record(
                                "other" + std::to_string(i), "volcano ash " + std::to_string(i), 0))
                            .ok());
        }
        ASSERT_TRUE((*writer)->commit().ok());
    }
    text::Analyzer analyzer;
    const Searcher searcher((*collection)->snapshot());
    SearchRequest request;
    request.query = "erupted night";
    request.k = 1;
    Result<SearchResponse> clean = searcher.search(request, analyzer);
    ASSERT_TRUE(clean.ok());
    ASSERT_EQ(clean->hits.size(), 1u);
    EXPECT_EQ(clean->hits[0].doc_id, "orig");
    EXPECT_EQ(clean->total_hits, 2u);
    request.show_noise = true;
    Result<SearchResponse> noisy = searcher.search(request, analyzer);
    ASSERT_TRUE(noisy.ok());
    EXPECT_EQ(noisy->hits[0].doc_id, "dup");  // ties go to the earlier document
    request.show_noise = false;
    request.k = 2;
    Result<SearchResponse> both = searcher.search(request, analyzer);
    ASSERT_TRUE(both.ok());
    ASSERT_EQ(both->hits.size(), 2u);
    EXPECT_EQ(both->hits[1].doc_id, "dup");
    EXPECT_LT(both->hits[1].score, both->hits[0].score);
}

TEST(SearcherSnippets, PreferSentencesWithTheQueryTermsSideBySide) {
    iskra::testing::TempDir dir("iskra-search-snippets");
    index::CollectionOptions options;
    options.create_if_missing = true;
    options.threads = 2;
    auto collection = index::Collection::open(dir.path() / "c", options);
    ASSERT_TRUE(collection.ok());
    {
        auto writer = (*collection)->writer();
        ASSERT_TRUE(writer.ok());
        index::DocumentRecord record =
            simple_record("d", "Government answered the soviet. The soviet government fell.", 0);
        record.sentences = {{0, 31, 0, 31, 1.0f, 0}, {32, 59, 32, 59, 1.0f, 0}};
        ASSERT_TRUE((*writer)->add(record).ok());
        ASSERT_TRUE((*writer)->commit().ok());
    }
    text::Analyzer analyzer;
    const Searcher searcher((*collection)->snapshot());
    SearchRequest request;
    request.query = "soviet government";
    Result<SearchResponse> response = searcher.search(request, analyzer);
    ASSERT_TRUE(response.ok());
    ASSERT_EQ(response->hits.size(), 1u);
    ASSERT_EQ(response->hits[0].snippets.size(), 2u);
    EXPECT_EQ(response->hits[0].snippets[0].sentence.text, "The soviet government fell.");
    EXPECT_EQ(response->hits[0].snippets[1].sentence.text, "Government answered the soviet.");
    const auto& highlights = response->hits[0].snippets[1].highlights;
    ASSERT_EQ(highlights.size(), 2u);
    EXPECT_EQ(highlights[0], (std::pair<std::uint32_t, std::uint32_t>{0, 10}));
    EXPECT_EQ(highlights[1], (std::pair<std::uint32_t, std::uint32_t>{24, 30}));
}

}  // namespace
}  // namespace iskra::search
