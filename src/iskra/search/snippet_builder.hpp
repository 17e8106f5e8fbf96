#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "iskra/index/segment_reader.hpp"
#include "iskra/search/query.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/types.hpp"

namespace iskra::search {

/// Chooses and highlights the sentences that show why a document matched.
///
/// The query's positive terms are looked up in the document's Field::All postings; their
/// positions map to sentences (SegmentReader::sentence_of_position), and each sentence scores
/// by the distinct query terms it holds (plus a little per occurrence and per pair of query
/// terms found side by side in query order), times its prior unless
/// noise is shown. The best `max_snippets` come back best first, each re-analyzed to give the
/// byte ranges of the words that produce a query term. A document matched only by its title
/// gets its first sentence, without highlights.
class SnippetBuilder {
  public:
    SnippetBuilder(const Query& query, std::uint32_t max_snippets, bool show_noise);

    std::vector<Snippet> build(const index::SegmentReader& reader,
                               index::DocId doc,
                               const index::StoredDocument& document,
                               text::Analyzer& analyzer) const;

    /// [begin, end) byte ranges of `sentence` whose analyzed term is one of the query's.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> highlight(std::string_view sentence,
                                                                   text::Analyzer& analyzer) const;

  private:
    struct SentenceHits {
        std::uint32_t sentence = 0;
        std::uint64_t term_mask = 0;
        std::uint32_t occurrences = 0;
        std::uint32_t adjacent_pairs = 0;  ///< query terms i, i+1 at consecutive positions
    };

    std::vector<SentenceHits> collect_hits(const index::SegmentReader& reader,
                                           index::DocId doc) const;

    std::vector<std::string> terms_;  ///< distinct positive terms (all fields), at most 64
    std::uint32_t max_snippets_;
    bool show_noise_;
};

}  // namespace iskra::search
