#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/snapshot.hpp"
#include "iskra/search/bm25.hpp"
#include "iskra/search/search_options.hpp"
#include "iskra/status.hpp"
#include "iskra/types.hpp"

namespace iskra::search {

/// One term of a sentence query, already analyzed (text::Analyzer::term or analyze()).
struct WeightedTerm {
    std::string term;
    float weight = 1.0f;    ///< multiplies the term's BM25 contribution (> 0)
    bool required = false;  ///< documents without it are not considered
};

/// What the answer module asks for: sentences that best match a bag of weighted terms.
struct SentenceQuery {
    std::vector<WeightedTerm> terms;  ///< at most 64 distinct terms are used
    std::uint32_t max_sentences = 20;
    /// Documents retrieved first with the document scorer; their sentences are then scored.
    std::uint32_t max_documents = 100;
    /// Keep only sentences that hold every required term themselves.
    bool required_in_sentence = false;
    /// Do not down-weight flagged sentences (duplicates, furniture, spun text...).
    bool show_noise = false;
    /// Sentence-level BM25: sentences are short and of similar length, so Robertson's classic
    /// k1 = 1.2, b = 0.75 (Lucene's defaults) fit better than the document scorer's.
    Bm25Params sentence_bm25{1.2f, 0.75f};
    /// Reads a retrieved sentence's document (e.g. from a cache shared by queries); unset:
    /// Snapshot::document, one read per document and query.
    std::function<Result<std::shared_ptr<const index::StoredDocument>>(index::DocLocation)>
        load_document;
};

/// A retrieved sentence. `document` is shared by every sentence of the same document, so the
/// text of the sentence and of its neighbours is a cheap view.
struct ScoredSentence {
    index::DocLocation location;  ///< segment index in the snapshot, local doc id
    std::uint32_t sentence_index = 0;
    float score = 0;           ///< sentence BM25 times the sentence prior (unless show_noise)
    float bm25 = 0;            ///< sentence BM25 alone
    float document_score = 0;  ///< BM25F of the whole document for the query
    std::uint32_t length = 0;  ///< tokens in the sentence
    std::vector<std::uint32_t> matched_terms;  ///< indices into SentenceQuery::terms, ascending
    std::shared_ptr<const index::StoredDocument> document;

    std::string_view text() const;
    std::uint32_t sentence_count() const {
        return static_cast<std::uint32_t>(document->sentences.size());
    }
    /// The text of the sentence `delta` positions away (-1: previous), empty outside the doc.
    std::string_view neighbour_text(int delta) const;
    const index::SentenceRecord& record() const { return document->sentences[sentence_index]; }
    /// The citation form (copies the text).
    SentenceRef ref() const;
};

/// The top sentences for `query`, best first: retrieves the query.max_documents best documents
/// with the document scorer (BM25F, required terms as must clauses), maps the positions of the
/// query terms in each to sentences, and scores each sentence by BM25 over sentence lengths
/// (term idf from the document statistics, average sentence length over the snapshot).
/// Fails only when a stored document cannot be read (Corruption/IoError).
Result<std::vector<ScoredSentence>> retrieve_sentences(const index::Snapshot& snapshot,
                                                       const SentenceQuery& query,
                                                       const SearchOptions& options = {});

}  // namespace iskra::search
