#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Where the question's key terms occur in one sentence.
struct TermMatches {
    std::vector<text::Token> tokens;       ///< the sentence's tokens
    std::vector<bool> key_term_found;      ///< parallel to Question::terms
    std::vector<std::uint32_t> positions;  ///< byte offsets of matched tokens
    /// Per key term (parallel to Question::terms): byte offsets where it matched.
    std::vector<std::vector<std::uint32_t>> term_positions;
    double coverage = 0;  ///< matched key-term weight / total weight
};

/// Matches the key terms of `question` (any of their variants) against `sentence`. A word that
/// shares a long prefix with the key term's own stem also matches ("tolstoyism" ~ "tolstoy"). A
/// word that shares a long prefix with the key term's own stem also matches ("tolstoyism" ~
/// "tolstoy").
TermMatches match_terms(const Question& question,
                        std::string_view sentence,
                        text::Analyzer& analyzer);

/// Weighted share of key terms found: a term found only in `context` counts `context_weight`.
double coverage_with_context(const Question& question,
                             const TermMatches& sentence,
                             const TermMatches& context,
                             double context_weight);

}  // namespace iskra::answer
