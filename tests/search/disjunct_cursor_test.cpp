#include "iskra/search/disjunct_cursor.hpp"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/search/maxscore.hpp"
#include "iskra/search/ranked_or.hpp"
#include "iskra/search/threshold_seed.hpp"

#include "tiny_index.hpp"

namespace iskra::search {
namespace {

using testing::TinyIndex;
using testing::VectorCursor;
using testing::VectorNorms;
using Disjunct = DisjunctCursor<VectorCursor, VectorNorms>;

/// Random documents over a small vocabulary, so that phrases of common words match often.
TinyIndex random_index(std::uint32_t seed) {
    std::mt19937 rng(seed);
    const std::vector<std::string> words{"a", "b", "c", "d", "e", "f", "g", "h"};
    std::vector<std::vector<std::vector<std::string>>> docs;
    for (int doc = 0; doc < 800; ++doc) {
        std::vector<std::vector<std::string>> sentences(1 + rng() % 3);
        for (auto& sentence : sentences) {
            const std::size_t length = 1 + rng() % 12;
            for (std::size_t i = 0; i < length; ++i) {
                // Skewed: "a" and "b" common, "h" rare.
                sentence.push_back(words[std::min<std::size_t>(rng() % 9, rng() % 9) % 8]);
            }
        }
        docs.push_back(std::move(sentences));
    }
    return TinyIndex(docs);
}

struct Clause {
    std::vector<std::string> terms;
    std::uint32_t slop = 0;
};

std::vector<Disjunct> open(const TinyIndex& index, const std::vector<Clause>& clauses) {
    std::vector<Disjunct> out;
    for (const Clause& clause : clauses) {
        float weight = 0;
        std::vector<VectorCursor> cursors;
        for (const std::string& term : clause.terms) {
            weight += index.weight(term);
            cursors.push_back(*index.cursor(term));
        }
        if (clause.terms.size() == 1) {
            out.emplace_back(ScoredCursor<VectorCursor, VectorNorms>(
                std::move(cursors.front()), weight, index.bm25, index.norms));
            continue;
        }
        const float bound = phrase_max_score(cursors, clause.slop, weight, index.bm25);
        out.emplace_back(PhraseMatcher<VectorCursor, VectorNorms>(
                             std::move(cursors), clause.slop, weight, index.norms),
                         bound);
    }
    return out;
}

std::vector<ScoredDoc> top(const TinyIndex& index,
                           const std::vector<Clause>& clauses,
                           std::size_t k,
                           bool pruned) {
    std::vector<Disjunct> cursors = open(index, clauses);
    TopKQueue queue(k);
    AcceptAll gate;
    EvalStats stats;
    if (!pruned) {
        ranked_or(std::span<Disjunct>(cursors), queue, gate, 0, stats);
    } else {
        for (std::size_t i = 0; i < cursors.size(); ++i) {
            cursors[i].skip_hopeless(queue, [&cursors, i](DocId doc) {
                float others = 0;
                for (std::size_t j = 0; j < cursors.size(); ++j) {
                    if (j != i && !cursors[j].exhausted_before(doc)) {
                        others += cursors[j].max_score();
                    }
                }
                return others;
            });
        }
        seed_threshold(std::span<const Disjunct>(cursors), queue, [](DocId) { return true; });
        maxscore(std::span<Disjunct>(cursors), queue, gate, 0, stats);
    }
    queue.finalize();
    return queue.results();
}

TEST(DisjunctCursor, PhraseBoundHoldsForEveryMatch) {
    const TinyIndex index = random_index(7);
    for (const Clause& clause :
         {Clause{{"a", "b"}, 0}, Clause{{"b", "a", "c"}, 0}, Clause{{"a", "c"}, 2}}) {
        std::vector<Disjunct> cursors = open(index, {clause});
        Disjunct& phrase = cursors.front();
        std::size_t matches = 0;
        for (; phrase.doc() != kEndOfPostings; phrase.next()) {
            EXPECT_LE(phrase.score(), phrase.max_score());
            ++matches;
        }
        EXPECT_GT(matches, 0u);
    }
}

TEST(DisjunctCursor, MaxScoreWithPhrasesMatchesExhaustiveEvaluation) {
    const TinyIndex index = random_index(11);
    const std::vector<std::vector<Clause>> queries{
        {{{"a", "b"}, 0}},
        {{{"a", "b"}, 0}, {{"h"}, 0}},
        {{{"c", "d"}, 0}, {{"a"}, 0}, {{"e", "f", "g"}, 0}},
        {{{"a", "b"}, 1}, {{"h", "a"}, 0}, {{"g"}, 0}},
        {{{"b", "b"}, 0}, {{"d"}, 0}},
    };
    for (std::size_t q = 0; q < queries.size(); ++q) {
        for (const std::size_t k : {1, 5, 20}) {
            const auto expected = top(index, queries[q], k, false);
            const auto actual = top(index, queries[q], k, true);
            ASSERT_EQ(expected.size(), actual.size()) << "query " << q << " k " << k;
            for (std::size_t r = 0; r < expected.size(); ++r) {
                EXPECT_NEAR(expected[r].score, actual[r].score, 1e-4f * expected[r].score)
                    << "query " << q << " k " << k << " rank " << r;
            }
        }
    }
}

TEST(DisjunctCursor, ExhaustedBeforeKnowsWhereTheListEnded) {
    const TinyIndex index = random_index(3);
    std::vector<Disjunct> cursors = open(index, {Clause{{"h"}, 0}});
    Disjunct& term = cursors.front();
    DocId last = 0;
    for (; term.doc() != kEndOfPostings; term.next()) {
        EXPECT_FALSE(term.exhausted_before(term.doc()));
        last = term.doc();
    }
    EXPECT_FALSE(term.exhausted_before(last));
    EXPECT_TRUE(term.exhausted_before(last + 1));
}

}  // namespace
}  // namespace iskra::search
