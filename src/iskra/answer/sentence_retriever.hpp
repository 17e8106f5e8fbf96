#pragma once

#include <cstddef>
#include <vector>

#include "iskra/answer/analyzed_text_cache.hpp"
#include "iskra/answer/document_cache.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/index/snapshot.hpp"
#include "iskra/search/searcher.hpp"
#include "iskra/status.hpp"

namespace iskra::answer {

struct RetrievalOptions {
    std::size_t documents = 50;  ///< documents ranked by BM25F over the key terms
    std::size_t sentences = 40;  ///< sentences kept over those documents
    /// Shared by the questions of one engine (may be null): documents read once, sentences
    /// analyzed once. Answers are the same with or without them.
    DocumentCache* document_cache = nullptr;
    AnalyzedTextCache* sentence_cache = nullptr;
};

/// Sentence-level retrieval over the index through search::retrieve_sentences, with every
/// variant of the question's key terms (synonyms and aliases weigh a little less), returning the
/// best sentences with their neighbours and cleaning flags.
///
/// Also re-weights `question`'s key terms by their idf in the collection (rare terms say more).
/// With options.sentence_cache, each passage comes with the tokens of its sentence and neighbours.
Result<std::vector<Passage>> retrieve_passages(const search::Searcher& searcher,
                                               Question& question,
                                               const RetrievalOptions& options = {});

}  // namespace iskra::answer
