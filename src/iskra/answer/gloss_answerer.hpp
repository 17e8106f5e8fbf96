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

/// Answers a question that gives the meaning of the name it asks for (quoted_gloss) from the
/// retrieved sentences that write the name with its meaning ("Novy Put (New Path)", "novy put
/// new path"): the words just before the meaning, as many as the meaning has (at most
/// four), in the best-scored such sentence that covers the question. Nullopt otherwise.
std::optional<AnswerOutcome> answer_gloss_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer);

}  // namespace iskra::answer
