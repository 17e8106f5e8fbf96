#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "iskra/answer/matched_terms.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// A passage with how well it matches the question.
struct PassageScore {
    TermMatches matches;  ///< key terms in the sentence itself
    double coverage = 0;  ///< key-term coverage, neighbours counting half
    double quality = 1;   ///< from the cleaning flags and quality
    double score = 0;     ///< what ranks passages: coverage, quality, retrieval
    /// Coverage of the question's ordinary words alone (not names, numbers or the head noun),
    /// neighbours counting half; 1 when the question has none. The verb "die" of "when did X
    /// die" must be there, not only X.
    double common_coverage = 1;
    /// A name or number of the question is in neither the sentence nor its context.
    bool proper_missing = false;
    /// The sentence follows a question of the collection that matches this question well (FAQ).
    bool faq = false;
    /// Byte range of the sentence that matched: the whole sentence, or in a long one (a glued
    /// infobox or table) the window of words around the question's terms. Candidates come from it.
    std::uint32_t window_begin = 0;
    std::uint32_t window_end = UINT32_MAX;
};

/// Scores every passage (same order as `passages`).
std::vector<PassageScore> score_passages(const Question& question,
                                         std::span<const Passage> passages,
                                         text::Analyzer& analyzer);

/// The factor a sentence's cleaning flags and quality put on its evidence.
double flag_quality(const Passage& passage);

}  // namespace iskra::answer
