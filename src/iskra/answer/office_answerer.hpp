#pragma once

#include <optional>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/office_question.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Answers an office question from the offices the collection states (extract::Knowledge): the
/// office of the named person whose title covers the asked title best (Successor, Predecessor),
/// or the person holding such an office in the asked year (Holder). The answer cites the
/// sentence that states the office. Nullopt when no stated office covers at least
/// `kMinTitleShare` of the title's words, or it names no successor/predecessor: the sentence
/// pipeline then answers.
std::optional<AnswerOutcome> answer_office_question(const OfficeQuestion& office,
                                                    const Question& question,
                                                    const extract::Knowledge& knowledge,
                                                    const ConfidenceModel& model,
                                                    text::Analyzer& analyzer);

}  // namespace iskra::answer
