#pragma once

#include <optional>
#include <vector>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Answers "Which came first: A or B?" (`Question::options`): for each option, the retrieved
/// sentence that matches its words best (at least half of their weight; cleaner sentences
/// first) and in it the date nearest those words; the option with the earlier date is the
/// answer, both sentences its support. Nullopt when an option has no dated sentence: the
/// sentence pipeline then answers (or abstains).
std::optional<AnswerOutcome> answer_order_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer);

}  // namespace iskra::answer
