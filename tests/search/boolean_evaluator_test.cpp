#include "iskra/search/boolean_evaluator.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "tiny_index.hpp"

namespace iskra::search {
namespace {

using testing::TinyIndex;
using testing::VectorCursor;
using testing::VectorNorms;
using Evaluator = BooleanEvaluator<VectorCursor, VectorNorms>;

class BooleanEvaluatorTest : public ::testing::Test {
  protected:
    BooleanEvaluatorTest()
        : index_({
            {{"a", "b", "c"}},  // 0
            {{"a", "b"}},       // 1
            {{"a", "c"}},       // 2
            {{"b", "c"}},       // 3
            {{"a"}},            // 4
            {{"d"}},            // 5
        }) {}

    std::uint32_t term(Evaluator& evaluator, const std::string& name) {
        std::optional<VectorCursor> cursor = index_.cursor(name);
        if (!cursor) {
            return evaluator.add_empty();
        }
        return evaluator.add_term(
            Evaluator::Term(*cursor, index_.weight(name), index_.bm25, index_.norms));
    }

    std::vector<DocId> matches(Evaluator& evaluator, std::uint32_t root) {
        TopKQueue queue(100);
        AcceptAll gate;
        EvalStats stats;
        evaluator.run(root, queue, gate, 0, stats);
        queue.finalize();
        std::vector<DocId> docs;
        for (const ScoredDoc& hit : queue.results()) {
            docs.push_back(key_doc(hit.key));
        }
        std::sort(docs.begin(), docs.end());
        EXPECT_EQ(stats.matches, docs.size());
        return docs;
    }

    TinyIndex index_;
};

TEST_F(BooleanEvaluatorTest, MustShouldAndMustNot) {
    {
        Evaluator e;  // +a b -c
        const auto a = term(e, "a"), b = term(e, "b"), c = term(e, "c");
        EXPECT_EQ(matches(e, e.add_boolean({a}, {b}, {c})), (std::vector<DocId>{1, 4}));
    }
    {
        Evaluator e;  // a OR b
        const auto a = term(e, "a"), b = term(e, "b");
        EXPECT_EQ(matches(e, e.add_boolean({}, {a, b}, {})), (std::vector<DocId>{0, 1, 2, 3, 4}));
    }
    {
        Evaluator e;  // (a AND b) OR d
        const auto a = term(e, "a"), b = term(e, "b"), d = term(e, "d");
        const auto ab = e.add_boolean({a, b}, {}, {});
        EXPECT_EQ(matches(e, e.add_boolean({}, {ab, d}, {})), (std::vector<DocId>{0, 1, 5}));
    }
    {
        Evaluator e;  // +a +missing
        const auto a = term(e, "a"), missing = term(e, "zzz");
        EXPECT_TRUE(matches(e, e.add_boolean({a, missing}, {}, {})).empty());
    }
    {
        Evaluator e;  // (b OR c) -a
        const auto a = term(e, "a"), b = term(e, "b"), c = term(e, "c");
        const auto bc = e.add_boolean({}, {b, c}, {});
        EXPECT_EQ(matches(e, e.add_boolean({bc}, {}, {a})), (std::vector<DocId>{3}));
    }
}

TEST_F(BooleanEvaluatorTest, OptionalClausesAddToTheScore) {
    Evaluator e;  // +a b: doc 1 (a b) outranks doc 4 (a)
    const auto a = term(e, "a"), b = term(e, "b");
    const auto root = e.add_boolean({a}, {b}, {});
    TopKQueue queue(10);
    AcceptAll gate;
    EvalStats stats;
    e.run(root, queue, gate, 0, stats);
    queue.finalize();
    float score_1 = 0, score_4 = 0;
    for (const ScoredDoc& hit : queue.results()) {
        score_1 = key_doc(hit.key) == 1 ? hit.score : score_1;
        score_4 = key_doc(hit.key) == 4 ? hit.score : score_4;
    }
    EXPECT_GT(score_1, score_4);
    EXPECT_GT(score_4, 0.0f);
}

}  // namespace
}  // namespace iskra::search
