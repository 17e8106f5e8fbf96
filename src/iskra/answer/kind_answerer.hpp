#pragma once

#include <optional>
#include <vector>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Answers "which island / village / newspaper ..." (a place or organisation question whose head
/// noun is a kind the text names along with the name: `Question::focus_required`) from the name
/// written next to that noun ("the island of Ærø", "Ærø Island", "island ærø") in
/// the best-scored sentence that covers the question, its names included. Nullopt otherwise.
std::optional<AnswerOutcome> answer_kind_question(const Question& question,
                                                  const std::vector<Passage>& passages,
                                                  const ConfidenceModel& model,
                                                  text::Analyzer& analyzer);

}  // namespace iskra::answer
