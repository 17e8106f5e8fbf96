#pragma once

#include <memory>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/sentence_retriever.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/index/snapshot.hpp"
#include "iskra/search/searcher.hpp"
#include "iskra/status.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/types.hpp"

namespace iskra::answer {

struct AnswererOptions {
    RetrievalOptions retrieval;
    ConfidenceModel confidence;
};

/// Answers questions over one snapshot: question analysis, sentence retrieval, candidates,
/// agreement and conflict, confidence, abstention.
///
/// Thread-safe (const); the analyzer is per thread and must have the index's options.
/// `knowledge` (may be null) brings alias clusters (question terms match every name of an
/// entity) and names for lower-cased text; it must outlive the Answerer.
class Answerer {
  public:
    Answerer(std::shared_ptr<const index::Snapshot> snapshot,
             const extract::Knowledge* knowledge,
             AnswererOptions options = {});

    /// Never fails for lack of an answer ("not_found" is an answer); fails only when a stored
    /// document cannot be read (Corruption, IoError) or the question is empty (InvalidArgument).
    Result<AskResponse> ask(const AskRequest& request, text::Analyzer& analyzer) const;
    /// Same, with the features the confidence was computed from (for calibration).
    Result<AnswerOutcome> ask_with_features(const AskRequest& request,
                                            text::Analyzer& analyzer) const;

  private:
    search::Searcher searcher_;
    const extract::Knowledge* knowledge_;
    AnswererOptions options_;
    AnswerBuilder builder_;
};

}  // namespace iskra::answer
