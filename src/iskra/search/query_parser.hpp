#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "iskra/search/query.hpp"
#include "iskra/status.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::search {

/// Limits that keep one query's cost bounded (a query is user input).
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr std::size_t kMaxQueryTerms = 256;

/// Why a query was refused, and where: `position` is a byte offset into the query string.
struct QueryError {
    std::uint32_t position = 0;
    std::string message;  ///< "unbalanced parenthesis at position 7"

    Status to_status() const { return Status::invalid_argument(message); }
};

/// The outcome of parsing: a query, or the error with its position as data.
struct QueryParseOutcome {
    Query query;
    std::optional<QueryError> error;

    bool ok() const { return !error.has_value(); }
};

/// Parses the iskra query language:
///
///     free text            words are OR-ed and ranked (implicit OR)
///     "exact phrase"       terms adjacent and in order; "phrase"~N allows N positions of slop
///     +must  -not          required / excluded clause
///     a AND b, a OR b, NOT a, ( ... )   uppercase keywords; precedence NOT > AND > OR
///     title:word  title:"a phrase"       search the title field only
///
/// Words and phrases are analyzed with `analyzer`, the one the index uses, so "Córdoba" finds
/// "cordoba" and stems match. A word that analyzes to several terms ("1940-08-21") becomes a
/// phrase of them; one that analyzes to none (punctuation) is dropped. Refuses (InvalidArgument
/// naming the byte position): invalid UTF-8, unbalanced quotes or parentheses, a dangling
/// operator, an empty query, a group made only of negations, more than kMaxQueryBytes bytes or
/// kMaxQueryTerms terms. Never crashes, whatever the input.
QueryParseOutcome parse_query_detailed(std::string_view text, text::Analyzer& analyzer);

/// The same as a Result.
Result<Query> parse_query(std::string_view text, text::Analyzer& analyzer);

}  // namespace iskra::search
