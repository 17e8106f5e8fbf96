#pragma once

#include <cstddef>
#include <vector>

#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/index/snapshot.hpp"
#include "iskra/search/searcher.hpp"
#include "iskra/status.hpp"

namespace iskra::answer {

struct RetrievalOptions {
    std::size_t documents = 20;  ///< documents ranked by BM25 over the key terms
    std::size_t sentences = 40;  ///< sentences kept over those documents
};

/// Sentence-level retrieval over the index: ranks documents by BM25 on the question's key terms
/// (every variant: synonyms, aliases), then finds the sentences holding those terms from the
/// posting positions (no re-analysis), scores each sentence by the idf of the distinct key terms
/// it holds, and reads the stored documents of the best sentences to cite them with their
/// neighbours.
///
/// Also re-weights `question`'s key terms by their idf in the collection (rare terms say more).
Result<std::vector<Passage>> retrieve_passages(const search::Searcher& searcher,
                                               Question& question,
                                               const RetrievalOptions& options = {});

}  // namespace iskra::answer
