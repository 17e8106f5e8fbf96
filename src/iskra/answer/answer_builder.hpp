#pragma once

#include <vector>

#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/name_book.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/types.hpp"

namespace iskra::answer {

/// An answer and the features its confidence came from (for calibration).
struct AnswerOutcome {
    AskResponse response;
    AnswerFeatures features;
};

/// Turns retrieved passages into an answer: scores each sentence by the question's key terms
/// (with its neighbours as context) and its cleaning flags, extracts and groups candidates of the
/// expected type, reports rival values as conflicts, composes sentence answers for definition,
/// reason and list questions, answers yes/no from negation, and abstains ("not_found", with the
/// closest sentences) when nothing covers the question well enough. Never invents: every value
/// is a span of a cited sentence.
class AnswerBuilder {
  public:
    explicit AnswerBuilder(ConfidenceModel model = {}) : model_(model) {}

    /// `names`: names known before the question (from the extraction module); passages teach more.
    /// `k`: supporting sentences to return.
    AnswerOutcome build(const Question& question,
                        std::vector<Passage> passages,
                        const NameBook& names,
                        std::uint32_t k,
                        text::Analyzer& analyzer) const;

  private:
    ConfidenceModel model_;
};

}  // namespace iskra::answer
