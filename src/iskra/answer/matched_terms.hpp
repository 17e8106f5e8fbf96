#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Where the question's key terms occur in one sentence.
struct TermMatches {
    /// The sentence's tokens (never null once matched; shared with the analysis cache).
    std::shared_ptr<const std::vector<text::Token>> tokens;
    std::vector<bool> key_term_found;      ///< parallel to Question::terms
    std::vector<std::uint32_t> positions;  ///< byte offsets of matched tokens
    /// Per key term (parallel to Question::terms): byte offsets where it matched.
    std::vector<std::vector<std::uint32_t>> term_positions;
    double coverage = 0;  ///< matched key-term weight / total weight
};

/// Matches the key terms of `question` (any of their variants) against `sentence`. A word that
/// shares a long prefix with the key term's own stem also matches ("tolstoyism" ~ "tolstoy").
TermMatches match_terms(const Question& question,
                        std::string_view sentence,
                        text::Analyzer& analyzer);

/// The same over a sentence analyzed already: `tokens` is what the analyzer gives for it.
TermMatches match_terms(const Question& question,
                        std::shared_ptr<const std::vector<text::Token>> tokens);

/// Sets found[t] for each key term t (any variant, or the long-prefix match) among `tokens`;
/// `found` is parallel to Question::terms. Marks what match_terms's key_term_found would.
void mark_found_terms(const Question& question,
                      std::span<const text::Token> tokens,
                      std::vector<bool>& found);

/// Weighted share of key terms found: a term found only in `context` counts `context_weight`.
double coverage_with_context(const Question& question,
                             const TermMatches& sentence,
                             const TermMatches& context,
                             double context_weight);

/// The same with the context's found terms alone (parallel to Question::terms).
double coverage_with_context(const Question& question,
                             const TermMatches& sentence,
                             const std::vector<bool>& context_found,
                             double context_weight);

}  // namespace iskra::answer
