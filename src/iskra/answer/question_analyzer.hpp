#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Other names of an entity given one of its names in folded form ("tolstoy" -> "kovic",
/// "leon tolstoy"...), as the extraction module's alias clusters know them. Empty when unknown.
using AliasLookup = std::function<std::vector<std::string>(std::string_view folded_name)>;

/// Finds the expected answer type from the wh-word and the head noun, and the key terms with
/// their synonyms and aliases. Works on questions as people type them: lower case, no question
/// mark, possessives, a leading preposition ("in which year", "under what name").
///
/// `aliases` may be empty. Not thread-safe only through `analyzer` (one per thread).
Question analyze_question(std::string_view question,
                          text::Analyzer& analyzer,
                          const AliasLookup& aliases = {});

/// The expected answer type alone (no analyzer needed): the typing rules of `analyze_question`.
AnswerType classify_question(std::string_view question);

}  // namespace iskra::answer
