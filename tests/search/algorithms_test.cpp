#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/search/block_max_maxscore.hpp"
#include "iskra/search/block_max_wand.hpp"
#include "iskra/search/maxscore.hpp"
#include "iskra/search/ranked_and.hpp"
#include "iskra/search/ranked_or.hpp"
#include "iskra/search/scored_cursor.hpp"
#include "iskra/search/single_list_top_k.hpp"
#include "iskra/search/threshold_seed.hpp"

#include "test_norms.hpp"
#include "vector_cursor.hpp"

namespace iskra::search {
namespace {

using testing::VectorCursor;
using testing::VectorList;
using testing::VectorNorms;
using Scored = ScoredCursor<VectorCursor, VectorNorms>;

constexpr std::uint32_t kSeed = 20240601;

/// A random collection: document lengths and term posting lists with skewed densities.
struct RandomCollection {
    std::vector<std::uint32_t> lengths;
    std::vector<VectorList> lists;
    Bm25 bm25;
    VectorNorms norms;

    RandomCollection(std::uint32_t doc_count, std::uint32_t term_count, std::uint32_t seed) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<std::uint32_t> length_dist(1, 300);
        double total = 0;
        for (std::uint32_t doc = 0; doc < doc_count; ++doc) {
            lengths.push_back(length_dist(rng));
            total += lengths.back();
        }
        bm25 = Bm25(Bm25Params{}, total / doc_count);
        norms = VectorNorms{&lengths, bm25};
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::geometric_distribution<std::uint32_t> freq_dist(0.4);
        for (std::uint32_t term = 0; term < term_count; ++term) {
            // Densities from 0.2% to 50%, so lists of very different lengths meet.
            const double density = 0.002 * std::pow(250.0, unit(rng));
            VectorList list;
            for (std::uint32_t doc = 0; doc < doc_count; ++doc) {
                if (unit(rng) < density) {
                    list.postings.push_back({doc, 1 + freq_dist(rng), {}});
                }
            }
            lists.push_back(std::move(list));
        }
    }

    float weight(std::size_t term) const {
        return bm25.term_weight(bm25_idf(lengths.size(), lists[term].postings.size()));
    }

    std::vector<Scored> cursors(const std::vector<std::size_t>& terms,
                                std::size_t block_size) const {
        std::vector<Scored> out;
        for (const std::size_t term : terms) {
            out.emplace_back(
                VectorCursor(lists[term], lengths, block_size), weight(term), bm25, norms);
        }
        return out;
    }

    /// Brute force: every document's score, straight from the formula.
    std::vector<ScoredDoc> exhaustive(const std::vector<std::size_t>& terms,
                                      bool conjunctive,
                                      std::size_t k,
                                      std::uint32_t deleted_every) const {
        std::vector<ScoredDoc> all;
        for (std::uint32_t doc = 0; doc < lengths.size(); ++doc) {
            if (deleted_every != 0 && doc % deleted_every == 0) {
                continue;
            }
            float score = 0;
            std::size_t matched = 0;
            for (const std::size_t term : terms) {
                for (const auto& posting : lists[term].postings) {
                    if (posting.doc == doc) {
                        score +=
                            Bm25::score(weight(term), static_cast<float>(posting.freq), norms(doc));
                        ++matched;
                    }
                }
            }
            if (matched > 0 && (!conjunctive || matched == terms.size())) {
                all.push_back({score, doc});
            }
        }
        std::sort(all.begin(), all.end(), [](const ScoredDoc& a, const ScoredDoc& b) {
            return a.score > b.score;
        });
        all.resize(std::min(all.size(), k));
        return all;
    }
};

struct SkipEvery {
    std::uint32_t every = 0;
    float operator()(DocId doc) const { return every != 0 && doc % every == 0 ? 0.0f : 1.0f; }
};

enum class Algorithm { RankedOr, MaxScore, BlockMaxWand, BlockMaxMaxScore, RankedAnd };

std::vector<ScoredDoc> run(Algorithm algorithm,
                           std::vector<Scored>& cursors,
                           std::size_t k,
                           std::uint32_t deleted_every,
                           EvalStats& stats) {
    TopKQueue queue(k);
    SkipEvery gate{deleted_every};
    std::span<Scored> span(cursors);
    switch (algorithm) {
        case Algorithm::RankedOr:
            ranked_or(span, queue, gate, 0, stats);
            break;
        case Algorithm::MaxScore:
            maxscore(span, queue, gate, 0, stats);
            break;
        case Algorithm::BlockMaxWand:
            block_max_wand(span, queue, gate, 0, stats);
            break;
        case Algorithm::BlockMaxMaxScore:
            block_max_maxscore(span, queue, gate, 0, stats);
            break;
        case Algorithm::RankedAnd:
            ranked_and(span, queue, gate, 0, stats);
            break;
    }
    queue.finalize();
    return queue.results();
}

void expect_same_scores(const std::vector<ScoredDoc>& expected,
                        const std::vector<ScoredDoc>& actual,
                        const std::string& what) {
    ASSERT_EQ(expected.size(), actual.size()) << what;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_NEAR(expected[i].score, actual[i].score, 1e-4f * expected[i].score)
            << what << " rank " << i;
    }
}

TEST(TopKAlgorithms, AgreeWithBruteForceOnRandomLists) {
    std::printf("seed %u\n", kSeed);
    const RandomCollection collection(3000, 12, kSeed);
    std::mt19937 rng(kSeed + 1);
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<std::size_t> terms;
        const std::size_t term_count = 1 + rng() % 6;
        for (std::size_t i = 0; i < term_count; ++i) {
            terms.push_back(rng() % collection.lists.size());
        }
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        const std::size_t k = std::vector<std::size_t>{1, 10, 100}[trial % 3];
        const std::uint32_t deleted_every = trial % 2 == 0 ? 0 : 7;
        const std::size_t block_size = trial % 4 == 0 ? 1 : 8;
        const std::string what = "trial " + std::to_string(trial);
        const auto expected = collection.exhaustive(terms, false, k, deleted_every);
        for (const Algorithm algorithm : {Algorithm::RankedOr,
                                          Algorithm::MaxScore,
                                          Algorithm::BlockMaxWand,
                                          Algorithm::BlockMaxMaxScore}) {
            auto cursors = collection.cursors(terms, block_size);
            EvalStats stats;
            expect_same_scores(expected,
                               run(algorithm, cursors, k, deleted_every, stats),
                               what + " algorithm " + std::to_string(static_cast<int>(algorithm)));
        }
        auto cursors = collection.cursors(terms, block_size);
        EvalStats stats;
        expect_same_scores(collection.exhaustive(terms, true, k, deleted_every),
                           run(Algorithm::RankedAnd, cursors, k, deleted_every, stats),
                           what + " and");
    }
}

TEST(TopKAlgorithms, RankedOrCountsEveryMatchExactly) {
    const RandomCollection collection(500, 3, kSeed);
    auto cursors = collection.cursors({0, 1, 2}, 4);
    EvalStats stats;
    run(Algorithm::RankedOr, cursors, 5, 0, stats);
    std::set<DocId> docs;
    for (const auto& list : collection.lists) {
        for (const auto& posting : list.postings) {
            docs.insert(posting.doc);
        }
    }
    EXPECT_TRUE(stats.exact);
    EXPECT_EQ(stats.matches, docs.size());
}

TEST(TopKAlgorithms, PruningSkipsDocumentsOnLargeLists) {
    const RandomCollection collection(20000, 4, kSeed + 2);
    auto cursors = collection.cursors({0, 1, 2, 3}, 64);
    EvalStats stats;
    run(Algorithm::BlockMaxWand, cursors, 10, 0, stats);
    EvalStats exhaustive_stats;
    auto all = collection.cursors({0, 1, 2, 3}, 64);
    run(Algorithm::RankedOr, all, 10, 0, exhaustive_stats);
    EXPECT_FALSE(stats.exact);
    EXPECT_LT(stats.matches, exhaustive_stats.matches);
}

TEST(TopKAlgorithms, DeletedDocumentsNeverReturned) {
    const RandomCollection collection(400, 2, kSeed + 3);
    for (const Algorithm algorithm : {Algorithm::RankedOr,
                                      Algorithm::MaxScore,
                                      Algorithm::BlockMaxWand,
                                      Algorithm::BlockMaxMaxScore,
                                      Algorithm::RankedAnd}) {
        auto cursors = collection.cursors({0, 1}, 4);
        EvalStats stats;
        for (const ScoredDoc& hit : run(algorithm, cursors, 1000, 2, stats)) {
            EXPECT_NE(key_doc(hit.key) % 2, 0u);
        }
    }
}

TEST(TopKAlgorithms, EmptyAndExhaustedListsYieldNothing) {
    std::vector<Scored> none;
    for (const Algorithm algorithm : {Algorithm::RankedOr,
                                      Algorithm::MaxScore,
                                      Algorithm::BlockMaxWand,
                                      Algorithm::BlockMaxMaxScore,
                                      Algorithm::RankedAnd}) {
        EvalStats stats;
        EXPECT_TRUE(run(algorithm, none, 10, 0, stats).empty());
    }
}

TEST(TopKAlgorithms, SingleListTopKAgreesWithBruteForceAndSkipsBlocks) {
    const RandomCollection collection(20000, 6, kSeed + 4);
    for (std::size_t term = 0; term < collection.lists.size(); ++term) {
        for (const std::size_t k : {1, 10, 100}) {
            for (const std::uint32_t deleted_every : {0u, 5u}) {
                auto cursors = collection.cursors({term}, 16);
                TopKQueue queue(k);
                SkipEvery gate{deleted_every};
                EvalStats stats;
                single_list_top_k(cursors.front(), queue, gate, 0, stats);
                queue.finalize();
                const std::string what = "term " + std::to_string(term) + " k " + std::to_string(k)
                                         + " deleted every " + std::to_string(deleted_every);
                expect_same_scores(
                    collection.exhaustive({term}, false, k, deleted_every), queue.results(), what);
                EXPECT_FALSE(stats.exact);
                if (k == 1 && collection.lists[term].postings.size() > 1000) {
                    EXPECT_LT(stats.matches, collection.lists[term].postings.size() / 2) << what;
                }
            }
        }
    }
}

std::size_t rarest_list(const RandomCollection& collection) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < collection.lists.size(); ++i) {
        if (collection.lists[i].postings.size() < collection.lists[best].postings.size()) {
            best = i;
        }
    }
    return best;
}

TEST(ThresholdSeed, RaisesTheThresholdWithoutChangingResults) {
    const RandomCollection collection(20000, 12, kSeed + 5);
    const std::size_t rare = rarest_list(collection);
    std::mt19937 rng(kSeed + 6);
    bool raised_once = false;
    for (int trial = 0; trial < 30; ++trial) {
        std::vector<std::size_t> terms{rare};
        for (std::size_t i = 0; i < 1 + rng() % 4; ++i) {
            terms.push_back(rng() % collection.lists.size());
        }
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        const std::size_t k = trial % 2 == 0 ? 10 : 3;
        const std::uint32_t deleted_every = trial % 3 == 0 ? 4 : 0;
        const auto expected = collection.exhaustive(terms, false, k, deleted_every);
        for (const Algorithm algorithm :
             {Algorithm::MaxScore, Algorithm::BlockMaxWand, Algorithm::BlockMaxMaxScore}) {
            auto cursors = collection.cursors(terms, 8);
            TopKQueue queue(k);
            const SkipEvery gate{deleted_every};
            seed_threshold(std::span<const Scored>(cursors), queue, [&gate](DocId doc) {
                return gate(doc) > 0.0f;
            });
            if (expected.size() == k) {
                EXPECT_LT(queue.threshold(), expected.back().score) << "trial " << trial;
            }
            raised_once = raised_once || queue.threshold() > 0.0f;
            SkipEvery run_gate{deleted_every};
            EvalStats stats;
            std::span<Scored> span(cursors);
            if (algorithm == Algorithm::MaxScore) {
                maxscore(span, queue, run_gate, 0, stats);
            } else if (algorithm == Algorithm::BlockMaxWand) {
                block_max_wand(span, queue, run_gate, 0, stats);
            } else {
                block_max_maxscore(span, queue, run_gate, 0, stats);
            }
            queue.finalize();
            expect_same_scores(expected, queue.results(), "trial " + std::to_string(trial));
        }
    }
    EXPECT_TRUE(raised_once);
}

TEST(ThresholdSeed, LeavesTheQueueAloneWhenNoListIsCheap) {
    const RandomCollection collection(2000, 2, kSeed + 7);
    auto cursors = collection.cursors({0, 1}, 8);
    TopKQueue queue(10);
    seed_threshold(std::span<const Scored>(cursors), queue, [](DocId) { return true; });
    const bool cheap =
        std::min(collection.lists[0].postings.size(), collection.lists[1].postings.size())
            * kSeedMinGain
        <= collection.lists[0].postings.size() + collection.lists[1].postings.size();
    if (!cheap) {
        EXPECT_EQ(queue.threshold(), 0.0f);
    }
    TopKQueue single(10);
    seed_threshold(std::span<const Scored>(cursors.data(), 1), single, [](DocId) { return true; });
    EXPECT_EQ(single.threshold(), 0.0f);
}

TEST(TopKQueue, ThresholdOnlyRisesAndResultsAreSorted) {
    TopKQueue queue(3);
    std::mt19937 rng(kSeed);
    float last_threshold = 0;
    for (std::uint32_t doc = 0; doc < 1000; ++doc) {
        queue.insert(static_cast<float>(rng() % 1000) / 10.0f, doc);
        EXPECT_GE(queue.threshold(), last_threshold);
        last_threshold = queue.threshold();
    }
    queue.finalize();
    ASSERT_EQ(queue.results().size(), 3u);
    EXPECT_GE(queue.results()[0].score, queue.results()[1].score);
    EXPECT_GE(queue.results()[1].score, queue.results()[2].score);
}

TEST(Bm25, IdfIsPositiveEvenForCommonTerms) {
    EXPECT_GT(bm25_idf(100, 100), 0.0f);
    EXPECT_GT(bm25_idf(100, 1), bm25_idf(100, 50));
    EXPECT_NEAR(bm25_idf(1000, 10), std::log(1.0 + (1000 - 10 + 0.5) / (10 + 0.5)), 1e-5);
}

}  // namespace
}  // namespace iskra::search
