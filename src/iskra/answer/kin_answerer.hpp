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

/// "Who was X's first wife?", "who was the second husband of X", "who was X's son": a kin
/// relation, optionally with an ordinal.
struct KinQuestion {
    std::string relation;  ///< "wife", "husband", "spouse", "son", "daughter", ...
    std::string ordinal;   ///< "first", "second", ... "last"; empty when none
};

/// The kin relation `question` asks for, or nullopt.
std::optional<KinQuestion> parse_kin_question(std::string_view question);

/// Answers a kin question from the retrieved sentences that name the relative right after a cue
/// of the relation ("married NAME", "wife NAME", "son NAME"): the name in the best-scored
/// sentence that covers the question, its subject included, and, for an ordinal question, says
/// the ordinal ("first marriage ... married NAME"). Nullopt when no sentence does.
std::optional<AnswerOutcome> answer_kin_question(const KinQuestion& kin,
                                                 const Question& question,
                                                 const std::vector<Passage>& passages,
                                                 const ConfidenceModel& model,
                                                 text::Analyzer& analyzer);

}  // namespace iskra::answer
