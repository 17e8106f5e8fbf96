#pragma once

#include <optional>
#include <vector>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Answers a question that asks for another name of its subject (`Question::asks_alias`: "under
/// what name", "what pen name", "what pseudonym") from the alias statements of the retrieved
/// sentences ("under pen name X", "known as X", "pseudonym X"): the alias of the best-scored
/// sentence that covers the question, its subject included. Nullopt when no such sentence states
/// an alias: the sentence pipeline then answers.
std::optional<AnswerOutcome> answer_alias_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer);

}  // namespace iskra::answer
