#include "iskra/search/searcher.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/search/query_parser.hpp"

#include "seed_collection.hpp"

namespace iskra::search {
namespace {

using testing::SeedCollection;

class SearcherTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { seeds_ = std::make_unique<SeedCollection>(); }
    static void TearDownTestSuite() { seeds_.reset(); }

    SearchResponse search(const std::string& query, std::uint32_t k = 10, bool exact = false) {
        const Searcher searcher(seeds_->snapshot());
        SearchRequest request;
        request.query = query;
        request.k = k;
        request.exact_count = exact;
        Result<SearchResponse> response = searcher.search(request, analyzer_);
        EXPECT_TRUE(response.ok()) << query << ": " << response.status().to_string();
        return response.ok() ? response.take() : SearchResponse{};
    }

    static std::set<std::string> ids(const SearchResponse& response) {
        std::set<std::string> out;
        for (const SearchHit& hit : response.hits) {
            out.insert(hit.doc_id);
        }
        return out;
    }

    static bool starts_with_seed(const std::string& id, const std::string& number) {
        return id.rfind(number + "_", 0) == 0;
    }

    static std::unique_ptr<SeedCollection> seeds_;
    text::Analyzer analyzer_;
};

std::unique_ptr<SeedCollection> SearcherTest::seeds_;

TEST_F(SearcherTest, IceAxeFindsTheAssassinationSentenceWithHighlights) {
    const SearchResponse response = search("ice axe");
    ASSERT_FALSE(response.hits.empty());
    const SearchHit& top = response.hits.front();
    EXPECT_TRUE(starts_with_seed(top.doc_id, "001")) << top.doc_id;
    EXPECT_EQ(top.title, "Leon Trotsky");
    ASSERT_EQ(top.snippets.size(), 3u);
    bool found_assassin = false;
    for (const Snippet& snippet : top.snippets) {
        found_assassin =
            found_assassin || snippet.sentence.text.find("mercader") != std::string::npos;
        ASSERT_GE(snippet.highlights.size(), 2u) << snippet.sentence.text;
        for (const auto& [begin, end] : snippet.highlights) {
            const std::string word = snippet.sentence.text.substr(begin, end - begin);
            EXPECT_TRUE(word == "ice" || word == "axe") << word;
        }
        EXPECT_EQ(snippet.sentence.doc_id, top.doc_id);
        EXPECT_EQ(snippet.sentence.text_end - snippet.sentence.text_begin,
                  snippet.sentence.text.size());
    }
    EXPECT_TRUE(found_assassin);
    EXPECT_GT(response.took_ms, 0.0);
}

TEST_F(SearcherTest, DiacriticsFoldBothWays) {
    for (const std::string query : {"coyoacan", "Coyoacán", "COYOACÁN"}) {
        const SearchResponse response = search(query);
        ASSERT_FALSE(response.hits.empty()) << query;
        bool highlighted_accented = false;
        for (const SearchHit& hit : response.hits) {
            for (const Snippet& snippet : hit.snippets) {
                for (const auto& [begin, end] : snippet.highlights) {
                    highlighted_accented =
                        highlighted_accented
                        || snippet.sentence.text.substr(begin, end - begin) == "coyoacán";
                }
            }
        }
        EXPECT_TRUE(ids(response).count("001_bed1e1d2258c1a72")) << query;
        EXPECT_TRUE(highlighted_accented) << query;
    }
}

TEST_F(SearcherTest, PhraseDoesNotCrossASentenceBoundaryWithoutSlop) {
    // Seed 001: "... remove ice axe pocket" ends a sentence; the next one starts "decided".
    EXPECT_TRUE(search("\"pocket decided\"").hits.empty());
    EXPECT_TRUE(search("\"pocket decided\"~7").hits.empty());
    const SearchResponse sloppy = search("\"pocket decided\"~8");
    ASSERT_EQ(sloppy.hits.size(), 1u);
    EXPECT_TRUE(starts_with_seed(sloppy.hits[0].doc_id, "001"));
    const SearchResponse exact = search("\"ice axe pocket\"");
    ASSERT_EQ(exact.hits.size(), 1u);
    EXPECT_TRUE(starts_with_seed(exact.hits[0].doc_id, "001"));
}

TEST_F(SearcherTest, TitleFieldQueries) {
    const SearchResponse response = search("title:banishes");
    ASSERT_EQ(response.hits.size(), 1u);
    EXPECT_TRUE(starts_with_seed(response.hits[0].doc_id, "004"));
    const SearchResponse phrase = search("title:\"leon trotsky\"");
    EXPECT_EQ(ids(phrase), (std::set<std::string>{"000_f3856a76437ab49b", "001_bed1e1d2258c1a72"}));
    EXPECT_TRUE(search("title:mercader").hits.empty());  // in the text, not in a title
}

TEST_F(SearcherTest, ExclusionAndConjunction) {
    const std::set<std::string> with_stalin = ids(search("stalin", 10));
    const std::set<std::string> trotsky_not_stalin = ids(search("trotsky -stalin", 10));
    for (const std::string& id : trotsky_not_stalin) {
        EXPECT_FALSE(with_stalin.count(id)) << id;
    }
    const std::set<std::string> both = ids(search("ice AND raincoat"));
    EXPECT_EQ(both, (std::set<std::string>{"001_bed1e1d2258c1a72"}));
    const std::set<std::string> grouped = ids(search("(pickax OR \"ice axe\") AND raincoat"));
    EXPECT_EQ(grouped.size(), 2u);  // 001 (ice axe) and 002 (pickax)
}

TEST_F(SearcherTest, CountsExactlyOnSmallCollections) {
    const SearchResponse response = search("trotsky", 2);
    EXPECT_EQ(response.hits.size(), 2u);
    EXPECT_EQ(response.total_hits, 5u);
    EXPECT_TRUE(response.total_is_exact);
    EXPECT_GE(response.hits[0].score, response.hits[1].score);
}

TEST_F(SearcherTest, LongPostingListsArePrunedEvenOnSmallCollections) {
    SearchOptions options;
    options.exact_count_max_postings = 3;  // "trotsky" is in all five seeds
    const Searcher searcher(seeds_->snapshot(), options);
    Result<Query> parsed = parse_query("trotsky", analyzer_);
    ASSERT_TRUE(parsed.ok());
    const TopDocs pruned = searcher.top_docs(*parsed, 2);
    EXPECT_FALSE(pruned.total_is_exact);
    EXPECT_EQ(pruned.docs.size(), 2u);
    EXPECT_TRUE(searcher.top_docs(*parsed, 2, /*exact_count=*/true).total_is_exact);
}

TEST_F(SearcherTest, PagesWithOffset) {
    const SearchResponse all = search("trotsky stalin", 5);
    SearchRequest request;
    request.query = "trotsky stalin";
    request.k = 2;
    request.offset = 2;
    const Searcher searcher(seeds_->snapshot());
    Result<SearchResponse> page = searcher.search(request, analyzer_);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->hits.size(), 2u);
    EXPECT_EQ(page->hits[0].doc_id, all.hits[2].doc_id);
    EXPECT_EQ(page->hits[1].doc_id, all.hits[3].doc_id);
}

TEST_F(SearcherTest, MalformedQueryIsInvalidArgumentWithPosition) {
    const Searcher searcher(seeds_->snapshot());
    SearchRequest request;
    request.query = "trotsky (ice axe";
    Result<SearchResponse> response = searcher.search(request, analyzer_);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.status().code(), StatusCode::InvalidArgument);
    EXPECT_EQ(response.status().message(), "query: unbalanced parenthesis at position 8");
}

TEST_F(SearcherTest, AllAlgorithmsGiveTheSameRanking) {
    for (const std::string query :
         {"trotsky stalin exile", "ice axe mexico", "lenin", "\"ice axe\" mexico stalin"}) {
        std::vector<std::vector<std::pair<std::string, float>>> rankings;
        for (const DisjunctionAlgorithm algorithm : {DisjunctionAlgorithm::Exhaustive,
                                                     DisjunctionAlgorithm::MaxScore,
                                                     DisjunctionAlgorithm::BlockMaxWand,
                                                     DisjunctionAlgorithm::BlockMaxMaxScore}) {
            SearchOptions options;
            options.disjunction = algorithm;
            options.exact_count_max_docs = 0;  // force the pruning algorithms
            const Searcher searcher(seeds_->snapshot(), options);
            Result<Query> parsed = parse_query(query, analyzer_);
            ASSERT_TRUE(parsed.ok());
            const TopDocs top = searcher.top_docs(*parsed, 3);
            std::vector<std::pair<std::string, float>> ranking;
            for (const ScoredDoc& doc : top.docs) {
                ranking.emplace_back(std::string(searcher.snapshot().external_id(
                                         {key_segment(doc.key), key_doc(doc.key)})),
                                     doc.score);
            }
            rankings.push_back(std::move(ranking));
        }
        ASSERT_EQ(rankings[0].size(), 3u) << query;
        for (std::size_t i = 1; i < rankings.size(); ++i) {
            ASSERT_EQ(rankings[i].size(), rankings[0].size()) << query;
            for (std::size_t r = 0; r < rankings[0].size(); ++r) {
                EXPECT_EQ(rankings[i][r].first, rankings[0][r].first) << query;
                EXPECT_NEAR(rankings[i][r].second, rankings[0][r].second, 1e-4) << query;
            }
        }
    }
}

}  // namespace
}  // namespace iskra::search
