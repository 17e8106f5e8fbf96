#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "iskra/search/phrase_matcher.hpp"
#include "iskra/search/ranked_or.hpp"
#include "iskra/search/scored_cursor.hpp"

namespace iskra::search {

/// Document-at-a-time evaluation of any boolean tree of terms and phrases over one segment: the
/// general path for queries the specialised algorithms do not cover (nested groups, phrases,
/// mixed required/optional clauses). Nodes live in a vector and are dispatched with a switch,
/// not virtual calls; each node caches its current match so that repeated probes are free.
///
/// Semantics (Lucene's BooleanQuery): a Boolean node matches a document when every `must` child
/// does, no `must_not` child does, and, when there is no `must` child, at least one `should`
/// child does. Its score is the sum of its matching positive children's scores.
template <index::PostingCursor C, DocNorms N>
class BooleanEvaluator {
  public:
    using Term = ScoredCursor<C, N>;
    using Phrase = PhraseMatcher<C, N>;

    std::uint32_t add_empty() { return add_node({Kind::Empty, 0, {}, {}, {}}); }
    std::uint32_t add_term(Term term) {
        terms_.push_back(std::move(term));
        return add_node({Kind::Term, static_cast<std::uint32_t>(terms_.size() - 1), {}, {}, {}});
    }
    std::uint32_t add_phrase(Phrase phrase) {
        phrases_.push_back(std::move(phrase));
        return add_node(
            {Kind::Phrase, static_cast<std::uint32_t>(phrases_.size() - 1), {}, {}, {}});
    }
    std::uint32_t add_boolean(std::vector<std::uint32_t> must,
                              std::vector<std::uint32_t> should,
                              std::vector<std::uint32_t> must_not) {
        return add_node(
            {Kind::Boolean, 0, std::move(must), std::move(should), std::move(must_not)});
    }

    /// The first document >= target that `node` matches (kEndOfPostings when none). Calls for
    /// one node must come with non-decreasing targets.
    DocId next_match(std::uint32_t node_idx, DocId target) {
        Node& node = nodes_[node_idx];
        if (node.started && target <= node.doc) {
            return node.doc;
        }
        node.started = true;
        switch (node.kind) {
            case Kind::Empty:
                node.doc = kEndOfPostings;
                break;
            case Kind::Term:
                terms_[node.leaf].advance(target);
                node.doc = terms_[node.leaf].doc();
                break;
            case Kind::Phrase:
                phrases_[node.leaf].advance(target);
                node.doc = phrases_[node.leaf].doc();
                break;
            case Kind::Boolean:
                node.doc = next_boolean(node_idx, target);
                break;
        }
        return node.doc;
    }

    /// The score of `node` for `doc`. REQUIRES: next_match(node_idx, doc) == doc.
    float score(std::uint32_t node_idx, DocId doc) {
        const Node& node = nodes_[node_idx];
        switch (node.kind) {
            case Kind::Empty:
                return 0;
            case Kind::Term:
                return terms_[node.leaf].score();
            case Kind::Phrase:
                return phrases_[node.leaf].score();
            case Kind::Boolean:
                break;
        }
        float total = 0;
        for (std::size_t i = 0; i < nodes_[node_idx].must.size(); ++i) {
            total += score(nodes_[node_idx].must[i], doc);
        }
        for (std::size_t i = 0; i < nodes_[node_idx].should.size(); ++i) {
            const std::uint32_t child = nodes_[node_idx].should[i];
            if (next_match(child, doc) == doc) {
                total += score(child, doc);
            }
        }
        return total;
    }

    /// Scores every match of `root` into `queue`; the hit count is exact.
    template <DocGate G>
    void run(std::uint32_t root,
             TopKQueue& queue,
             G& gate,
             std::uint32_t segment_idx,
             EvalStats& stats) {
        DocId doc = next_match(root, 0);
        while (doc != kEndOfPostings) {
            offer(queue, gate, score(root, doc), doc, segment_idx, stats);
            doc = next_match(root, doc + 1);
        }
    }

  private:
    enum class Kind : std::uint8_t { Empty, Term, Phrase, Boolean };
    struct Node {
        Kind kind = Kind::Empty;
        std::uint32_t leaf = 0;
        std::vector<std::uint32_t> must;
        std::vector<std::uint32_t> should;
        std::vector<std::uint32_t> must_not;
        DocId doc = 0;
        bool started = false;
    };

    std::uint32_t add_node(Node node) {
        nodes_.push_back(std::move(node));
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }

    // Children are addressed by index because recursion may not hold references into nodes_.
    DocId next_positive(std::uint32_t node_idx, DocId target) {
        const std::size_t must_count = nodes_[node_idx].must.size();
        if (must_count == 0) {
            DocId best = kEndOfPostings;
            for (std::size_t i = 0; i < nodes_[node_idx].should.size(); ++i) {
                best = std::min(best, next_match(nodes_[node_idx].should[i], target));
            }
            return best;
        }
        DocId candidate = target;
        std::size_t agreeing = 0;
        std::size_t i = 0;
        while (agreeing < must_count) {
            const DocId doc = next_match(nodes_[node_idx].must[i], candidate);
            if (doc == kEndOfPostings) {
                return kEndOfPostings;
            }
            if (doc == candidate) {
                ++agreeing;
            } else {
                candidate = doc;
                agreeing = 1;
            }
            i = (i + 1) % must_count;
        }
        return candidate;
    }

    DocId next_boolean(std::uint32_t node_idx, DocId target) {
        DocId candidate = target;
        while (true) {
            candidate = next_positive(node_idx, candidate);
            if (candidate == kEndOfPostings || !excluded(node_idx, candidate)) {
                return candidate;
            }
            ++candidate;
        }
    }

    bool excluded(std::uint32_t node_idx, DocId doc) {
        for (std::size_t i = 0; i < nodes_[node_idx].must_not.size(); ++i) {
            if (next_match(nodes_[node_idx].must_not[i], doc) == doc) {
                return true;
            }
        }
        return false;
    }

    std::vector<Node> nodes_;
    std::vector<Term> terms_;
    std::vector<Phrase> phrases_;
};

}  // namespace iskra::search
