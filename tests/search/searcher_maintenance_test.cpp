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
