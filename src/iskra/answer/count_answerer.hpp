#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// The unit a "how many UNIT" question counts ("days", "men"), folded; empty otherwise.
std::string counted_unit(std::string_view question);

/// Answers "how many UNIT ..." from a number written right before the unit ("40 days", "forty
/// days") in the best-scored sentence that covers the question, or, when that sentence states
/// none, in the sentence right after it ("arrested 7 august 1917" / "released 40 days later").
/// Nullopt when neither does.
std::optional<AnswerOutcome> answer_count_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer);

}  // namespace iskra::answer
