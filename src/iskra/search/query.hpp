#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "iskra/index/posting_cursor_concept.hpp"

namespace iskra::search {

/// One node of a parsed query. Nodes live in `Query::nodes` and refer to their children by index,
/// so a query is one flat vector (cheap to copy, no pointer chasing, no recursion on destruction).
struct QueryNode {
    enum class Kind : std::uint8_t { Term, Phrase, Boolean };

    Kind kind = Kind::Term;
    index::Field field = index::Field::All;
    /// Term: exactly one analyzed term. Phrase: the analyzed terms in order (at least one).
    std::vector<std::string> terms;
    /// Phrase only: how many extra positions the matched terms may be spread over (Lucene's
    /// sloppy phrase: 0 means adjacent and in order).
    std::uint32_t slop = 0;
    /// Multiplies the node's score (1 from the parser; sentence retrieval weights its terms).
    float boost = 1.0f;
    /// Boolean only, child node indices. A document matches when it matches every `must` child,
    /// no `must_not` child, and (when `must` is empty) at least one `should` child. `should`
    /// children add to the score either way (Lucene's BooleanQuery semantics).
    std::vector<std::uint32_t> must;
    std::vector<std::uint32_t> should;
    std::vector<std::uint32_t> must_not;
    /// Byte offset of the node's text in the query string, for error messages.
    std::uint32_t position = 0;
};

/// A parsed, analyzed query. `nodes[root]` is the whole query.
struct Query {
    std::vector<QueryNode> nodes;
    std::uint32_t root = 0;

    const QueryNode& root_node() const { return nodes[root]; }
};

/// Every distinct (field, term) the query looks up, positive clauses only (used for highlighting
/// and snippets).
struct QueryTerm {
    index::Field field = index::Field::All;
    std::string term;
    friend bool operator==(const QueryTerm&, const QueryTerm&) = default;
};

/// The positive terms of `query` (terms under a must_not are left out), each once, in query order.
std::vector<QueryTerm> positive_terms(const Query& query);

/// A readable form for tests and debugging: `(+a b -c)`, `"a b"~2`, `title:x`.
std::string to_string(const Query& query);

}  // namespace iskra::search
