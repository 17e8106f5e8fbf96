#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/confidence_model.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/text/analyzer.hpp"

// What the question-form answerers (offices, aliases, glosses, kin, kinds, counts, which came
// first) share: they read one value from the best passages with a pattern of their own and
// answer with it, its source sentences and a confidence whose `pattern` feature is set.

namespace iskra::answer {

/// Cleaning flags of a sentence that cannot state an answer (clean/clean_types.hpp: off-topic,
/// page furniture, a question); duplicates and spun text still can.
inline constexpr std::uint8_t kNotEvidenceFlags = (1u << 1) | (1u << 2) | (1u << 5);

/// Whether a pattern may read an answer from `p`: it covers `min_coverage` of the question's key
/// terms, names every proper name of it, and is not flagged as something other than a statement.
bool may_answer_from(const Passage& p, const PassageScore& s, double min_coverage);

/// Passage indices by descending score; equal scores keep the retrieval order.
std::vector<std::size_t> ranked_by_score(const std::vector<PassageScore>& scores);

/// Reads the best-scored `max_passages` passages that may answer (may_answer_from) in order, and
/// returns the first outcome `read(passage, score)` gives; nullopt when none does.
template <class Read>
std::optional<AnswerOutcome> first_reading(const Question& question,
                                           const std::vector<Passage>& passages,
                                           std::size_t max_passages,
                                           double min_coverage,
                                           text::Analyzer& analyzer,
                                           Read read) {
    const std::vector<PassageScore> scores = score_passages(question, passages, analyzer);
    const std::vector<std::size_t> ranked = ranked_by_score(scores);
    for (std::size_t r = 0; r < ranked.size() && r < max_passages; ++r) {
        const Passage& p = passages[ranked[r]];
        const PassageScore& s = scores[ranked[r]];
        if (!may_answer_from(p, s, min_coverage)) {
            continue;
        }
        if (std::optional<AnswerOutcome> outcome = read(p, s)) {
            return outcome;
        }
    }
    return std::nullopt;
}

/// A name read from a passage as the answer shows it: each word (and each part of a hyphenated
/// one) capitalised when the passage is lower-cased text, as written otherwise.
std::string display_form(std::string name, bool lower_case);

/// Confidence features of a pattern's answer from one source, with no rival value (margin 1) and
/// retrieval 1; a caller with more to say sets those fields after.
AnswerFeatures pattern_features(double coverage, double score, double type_match);

/// An answer group of one source: `text` (normalized as given) supported by `source`.
AnswerGroup one_source_group(std::string text,
                             std::string normalized,
                             const SentenceRef& source,
                             double score);

/// The answer `name` read from passage `p` (scored `s`), shown in its display form.
AnswerOutcome name_outcome(const Question& question,
                           std::string type,
                           std::string name,
                           const Passage& p,
                           const PassageScore& s,
                           double type_match,
                           const ConfidenceModel& model,
                           text::Analyzer& analyzer);

/// The answered response to `question`: `answer` of type `type`, read from `answer_text`, with
/// the confidence the model gives `features`.
AnswerOutcome pattern_outcome(const Question& question,
                              std::string type,
                              AnswerGroup answer,
                              std::string answer_text,
                              const AnswerFeatures& features,
                              const ConfidenceModel& model);

}  // namespace iskra::answer
