#include "iskra/search/query_evaluator.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "iskra/search/block_max_maxscore.hpp"
#include "iskra/search/block_max_wand.hpp"
#include "iskra/search/boolean_evaluator.hpp"
#include "iskra/search/disjunct_cursor.hpp"
#include "iskra/search/maxscore.hpp"
#include "iskra/search/ranked_and.hpp"
#include "iskra/search/ranked_or.hpp"
#include "iskra/search/segment_norms.hpp"
#include "iskra/search/single_list_top_k.hpp"
#include "iskra/search/threshold_seed.hpp"

namespace iskra::search {
namespace {

using Cursor = index::SegmentPostingCursor;
using Scored = ScoredCursor<Cursor, SegmentNorms>;
using Evaluator = BooleanEvaluator<Cursor, SegmentNorms>;
using Disjunct = DisjunctCursor<Cursor, SegmentNorms>;

enum class PlanKind : std::uint8_t { Disjunction, Conjunction, Generic };

/// What runs per segment: the algorithm and the query nodes it reads.
struct Plan {
    PlanKind kind = PlanKind::Generic;
    /// Disjunction: Term and Phrase nodes; Conjunction: Term nodes.
    std::vector<std::uint32_t> terms;
    std::vector<std::uint32_t> excluded;  ///< top-level must_not nodes (not for Generic)
    bool has_phrases = false;             ///< Disjunction with at least one Phrase node
};

bool all_of_kind(const Query& query, const std::vector<std::uint32_t>& nodes, bool phrases_too) {
    for (const std::uint32_t node : nodes) {
        const QueryNode::Kind kind = query.nodes[node].kind;
        if (kind != QueryNode::Kind::Term && !(phrases_too && kind == QueryNode::Kind::Phrase)) {
            return false;
        }
    }
    return true;
}

bool any_phrase(const Query& query, const std::vector<std::uint32_t>& nodes) {
    return std::any_of(nodes.begin(), nodes.end(), [&](std::uint32_t node) {
        return query.nodes[node].kind == QueryNode::Kind::Phrase;
    });
}

Plan make_plan(const Query& query) {
    const QueryNode& root = query.root_node();
    if (root.kind == QueryNode::Kind::Term) {
        return {PlanKind::Disjunction, {query.root}, {}, false};
    }
    if (root.kind == QueryNode::Kind::Boolean) {
        if (root.must.empty() && all_of_kind(query, root.should, true)) {
            return {
                PlanKind::Disjunction, root.should, root.must_not, any_phrase(query, root.should)};
        }
        if (root.should.empty() && all_of_kind(query, root.must, false)) {
            return {PlanKind::Conjunction, root.must, root.must_not, false};
        }
    }
    return {PlanKind::Generic, {}, {}, false};
}

/// Per-query constants: BM25 per field and each leaf node's weight (idf * (k1 + 1) * boost).
struct QueryWeights {
    Bm25 bm25[2];
    std::vector<float> node_weight;
    std::uint64_t postings = 0;  ///< document frequencies of every leaf term, summed

    QueryWeights(const index::Snapshot& snapshot, const Query& query, const Bm25Params& params) {
        for (const index::Field field : {index::Field::All, index::Field::Title}) {
            bm25[static_cast<int>(field)] = Bm25(params, snapshot.field_stats(field).avg_length());
        }
        node_weight.resize(query.nodes.size(), 0.0f);
        for (std::size_t i = 0; i < query.nodes.size(); ++i) {
            const QueryNode& node = query.nodes[i];
            if (node.kind == QueryNode::Kind::Boolean) {
                continue;
            }
            const std::uint64_t doc_count = snapshot.field_stats(node.field).doc_count;
            float idf_sum = 0;
            for (const std::string& term : node.terms) {
                const std::uint64_t doc_freq = snapshot.doc_freq(node.field, term);
                idf_sum += bm25_idf(doc_count, doc_freq);
                postings += doc_freq;
            }
            node_weight[i] = bm25[static_cast<int>(node.field)].term_weight(idf_sum, node.boost);
        }
    }
};

/// Everything one segment's evaluation reads; norms live here so cursors may point at them.
struct SegmentContext {
    const index::SegmentView* view = nullptr;
    std::uint32_t segment_idx = 0;
    SegmentNorms norms[2];

    const SegmentNorms& norms_of(index::Field field) const {
        return norms[static_cast<int>(field)];
    }
};

std::optional<Scored> open_term(const SegmentContext& segment,
                                const QueryNode& node,
                                float weight,
                                const Bm25& bm25) {
    std::optional<Cursor> cursor = segment.view->reader->postings(node.field, node.terms.front());
    if (!cursor) {
        return std::nullopt;
    }
    return Scored(std::move(*cursor), weight, bm25, segment.norms_of(node.field));
}

/// The cursors of a phrase's terms, or nullopt when one of them is absent from the segment.
std::optional<std::vector<Cursor>> open_phrase_terms(const SegmentContext& segment,
                                                     const QueryNode& node) {
    std::vector<Cursor> cursors;
    cursors.reserve(node.terms.size());
    for (const std::string& term : node.terms) {
        std::optional<Cursor> cursor = segment.view->reader->postings(node.field, term);
        if (!cursor) {
            return std::nullopt;
        }
        cursors.push_back(std::move(*cursor));
    }
    return cursors;
}

std::optional<Disjunct> open_disjunct(const SegmentContext& segment,
                                      const QueryNode& node,
                                      float weight,
                                      const Bm25& bm25) {
    if (node.kind == QueryNode::Kind::Term) {
        std::optional<Scored> term = open_term(segment, node, weight, bm25);
        return term ? std::optional<Disjunct>(Disjunct(std::move(*term))) : std::nullopt;
    }
    std::optional<std::vector<Cursor>> cursors = open_phrase_terms(segment, node);
    if (!cursors) {
        return std::nullopt;
    }
    const float bound = phrase_max_score(*cursors, node.slop, weight, bm25);
    return Disjunct(
        Evaluator::Phrase(std::move(*cursors), node.slop, weight, segment.norms_of(node.field)),
        bound);
}

std::uint32_t build_node(Evaluator& evaluator,
                         const SegmentContext& segment,
                         const Query& query,
                         const QueryWeights& weights,
                         std::uint32_t node_idx) {
    const QueryNode& node = query.nodes[node_idx];
    const Bm25& bm25 = weights.bm25[static_cast<int>(node.field)];
    switch (node.kind) {
        case QueryNode::Kind::Term: {
            std::optional<Scored> term =
                open_term(segment, node, weights.node_weight[node_idx], bm25);
            return term ? evaluator.add_term(std::move(*term)) : evaluator.add_empty();
        }
        case QueryNode::Kind::Phrase: {
            std::optional<std::vector<Cursor>> cursors = open_phrase_terms(segment, node);
            if (!cursors) {
                return evaluator.add_empty();
            }
            return evaluator.add_phrase(Evaluator::Phrase(std::move(*cursors),
                                                          node.slop,
                                                          weights.node_weight[node_idx],
                                                          segment.norms_of(node.field)));
        }
        case QueryNode::Kind::Boolean:
            break;
    }
    const auto build_all = [&](const std::vector<std::uint32_t>& children) {
        std::vector<std::uint32_t> built;
        built.reserve(children.size());
        for (const std::uint32_t child : children) {
            built.push_back(build_node(evaluator, segment, query, weights, child));
        }
        return built;
    };
    std::vector<std::uint32_t> must = build_all(node.must);
    std::vector<std::uint32_t> should = build_all(node.should);
    std::vector<std::uint32_t> must_not = build_all(node.must_not);
    return evaluator.add_boolean(std::move(must), std::move(should), std::move(must_not));
}

/// Rejects deleted documents and documents matching an excluded clause.
struct SegmentGate {
    const index::SegmentView* view = nullptr;
    Evaluator* excluded = nullptr;
    std::uint32_t excluded_root = 0;

    float operator()(DocId doc) {
        if (!view->is_live(doc)) {
            return 0.0f;
        }
        if (excluded != nullptr && excluded->next_match(excluded_root, doc) == doc) {
            return 0.0f;
        }
        return 1.0f;
    }
};

/// Runs a pure disjunction over opened clause cursors (terms, or terms and phrases).
template <typename C>
void run_disjunction(std::span<C> cursors,
                     DisjunctionAlgorithm algorithm,
                     TopKQueue& queue,
                     SegmentGate& gate,
                     std::uint32_t segment_idx,
                     EvalStats& stats) {
    if (algorithm != DisjunctionAlgorithm::Exhaustive && gate.excluded == nullptr) {
        const index::SegmentView* view = gate.view;
        seed_threshold(
            std::span<const C>(cursors), queue, [view](DocId doc) { return view->is_live(doc); });
    }
    constexpr bool kBlockMax = std::is_same_v<C, Scored>;
    if constexpr (kBlockMax) {
        if (cursors.size() == 1 && algorithm != DisjunctionAlgorithm::Exhaustive) {
            single_list_top_k(cursors.front(), queue, gate, segment_idx, stats);
            return;
        }
    }
    switch (algorithm) {
        case DisjunctionAlgorithm::Exhaustive:
            ranked_or(cursors, queue, gate, segment_idx, stats);
            return;
        case DisjunctionAlgorithm::MaxScore:
            break;
        case DisjunctionAlgorithm::BlockMaxWand:
            if constexpr (kBlockMax) {
                block_max_wand(cursors, queue, gate, segment_idx, stats);
                return;
            }
            break;
        case DisjunctionAlgorithm::BlockMaxMaxScore:
            if constexpr (kBlockMax) {
                block_max_maxscore(cursors, queue, gate, segment_idx, stats);
                return;
            }
            break;
    }
    maxscore(cursors, queue, gate, segment_idx, stats);  // phrases have no block-max data
}

/// Opens one cursor per clause of the plan; false when a conjunction cannot match.
template <typename C, typename Open>
bool open_clauses(const Plan& plan,
                  const Query& query,
                  const QueryWeights& weights,
                  const Open& open,
                  std::vector<C>& cursors) {
    cursors.reserve(plan.terms.size());
    for (const std::uint32_t node_idx : plan.terms) {
        const QueryNode& node = query.nodes[node_idx];
        std::optional<C> cursor =
            open(node, weights.node_weight[node_idx], weights.bm25[static_cast<int>(node.field)]);
        if (cursor) {
            cursors.push_back(std::move(*cursor));
        } else if (plan.kind == PlanKind::Conjunction) {
            return false;
        }
    }
    return true;
}

void run_terms(const Plan& plan,
               const SegmentContext& segment,
               const Query& query,
               const QueryWeights& weights,
               bool exact,
               const SearchOptions& options,
               TopKQueue& queue,
               SegmentGate& gate,
               EvalStats& stats) {
    const DisjunctionAlgorithm algorithm =
        exact ? DisjunctionAlgorithm::Exhaustive : options.disjunction;
    if (plan.has_phrases) {
        std::vector<Disjunct> clauses;
        const auto open = [&](const QueryNode& node, float weight, const Bm25& bm25) {
            return open_disjunct(segment, node, weight, bm25);
        };
        open_clauses(plan, query, weights, open, clauses);
        if (algorithm != DisjunctionAlgorithm::Exhaustive) {
            // Bound of the other clauses on a document: a list exhausted before it adds nothing.
            // `clauses` is not resized from here on.
            for (std::size_t i = 0; i < clauses.size(); ++i) {
                clauses[i].skip_hopeless(queue, [&clauses, i](DocId doc) {
                    float others = 0;
                    for (std::size_t j = 0; j < clauses.size(); ++j) {
                        if (j != i && !clauses[j].exhausted_before(doc)) {
                            others += clauses[j].max_score();
                        }
                    }
                    return others;
                });
            }
        }
        run_disjunction(
            std::span<Disjunct>(clauses), algorithm, queue, gate, segment.segment_idx, stats);
        return;
    }
    std::vector<Scored> cursors;
    const auto open = [&](const QueryNode& node, float weight, const Bm25& bm25) {
        return open_term(segment, node, weight, bm25);
    };
    if (!open_clauses(plan, query, weights, open, cursors)) {
        return;
    }
    std::span<Scored> span(cursors);
    if (plan.kind == PlanKind::Conjunction) {
        ranked_and(span, queue, gate, segment.segment_idx, stats);
        return;
    }
    run_disjunction(span, algorithm, queue, gate, segment.segment_idx, stats);
}

void evaluate_segment(const Plan& plan,
                      const SegmentContext& segment,
                      const Query& query,
                      const QueryWeights& weights,
                      bool exact,
                      const SearchOptions& options,
                      TopKQueue& queue,
                      EvalStats& stats) {
    SegmentGate gate{segment.view, nullptr, 0};
    if (plan.kind == PlanKind::Generic) {
        Evaluator evaluator;
        const std::uint32_t root = build_node(evaluator, segment, query, weights, query.root);
        evaluator.run(root, queue, gate, segment.segment_idx, stats);
        return;
    }
    Evaluator excluded;
    if (!plan.excluded.empty()) {
        std::vector<std::uint32_t> children;
        for (const std::uint32_t node_idx : plan.excluded) {
            children.push_back(build_node(excluded, segment, query, weights, node_idx));
        }
        gate.excluded_root = excluded.add_boolean({}, std::move(children), {});
        gate.excluded = &excluded;
    }
    run_terms(plan, segment, query, weights, exact, options, queue, gate, stats);
}

}  // namespace

TopDocs evaluate_query(const index::Snapshot& snapshot,
                       const Query& query,
                       std::size_t k,
                       bool exact_count,
                       const SearchOptions& options) {
    TopDocs top;
    if (query.nodes.empty()) {
        return top;
    }
    const Plan plan = make_plan(query);
    const QueryWeights weights(snapshot, query, options.bm25);
    const bool exact = exact_count
                       || (snapshot.live_doc_count() <= options.exact_count_max_docs
                           && weights.postings <= options.exact_count_max_postings);
    TopKQueue queue(k);
    const std::span<const index::SegmentView> segments = snapshot.segments();
    for (std::uint32_t segment_idx = 0; segment_idx < segments.size(); ++segment_idx) {
        const index::SegmentView& view = segments[segment_idx];
        SegmentContext segment{&view, segment_idx, {}};
        segment.norms[0] = SegmentNorms{view.reader.get(), index::Field::All, weights.bm25[0]};
        segment.norms[1] = SegmentNorms{view.reader.get(), index::Field::Title, weights.bm25[1]};
        EvalStats stats;
        evaluate_segment(plan, segment, query, weights, exact, options, queue, stats);
        top.total_hits += stats.matches;
        top.total_is_exact = top.total_is_exact && stats.exact;
    }
    queue.finalize();
    top.docs = queue.results();
    if (!top.total_is_exact && top.total_hits < top.docs.size()) {
        top.total_hits = top.docs.size();
    }
    return top;
}

}  // namespace iskra::search
