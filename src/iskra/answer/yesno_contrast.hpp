#pragma once

#include <string_view>

#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Whether `sentence` sets the question's subject against what the question pairs it with:
/// "X supported A while Y supported B" for "did X side with B?". The subject is the first name of
/// the question found in the sentence; the contrast holds when a contrast word ("while",
/// "whereas", "but", "unlike", "rather than", "instead of") separates it from every other name of
/// the question the sentence holds, and the subject's own clause holds none of them.
bool contrasts_subject(const Question& question,
                       std::string_view sentence,
                       text::Analyzer& analyzer);

}  // namespace iskra::answer
