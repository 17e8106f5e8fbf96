#include "iskra/answer/pattern_answer.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace iskra::answer {

bool may_answer_from(const Passage& p, const PassageScore& s, double min_coverage) {
    return s.coverage >= min_coverage && !s.proper_missing && (p.flags & kNotEvidenceFlags) == 0;
}

std::vector<std::size_t> ranked_by_score(const std::vector<PassageScore>& scores) {
    std::vector<std::size_t> ranked(scores.size());
    std::iota(ranked.begin(), ranked.end(), std::size_t{0});
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
        return scores[a].score > scores[b].score;
    });
    return ranked;
}

std::string display_form(std::string name, bool lower_case) {
    if (!lower_case) {
        return name;
    }
    bool start = true;
    for (char& c : name) {
        if (start && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        start = c == ' ' || c == '-';
    }
    return name;
}

AnswerFeatures pattern_features(double coverage, double score, double type_match) {
    AnswerFeatures f;
    f.coverage = coverage;
    f.score = score;
    f.margin = 1;
    f.sources = 1;
    f.type_match = type_match;
    f.factoid = 1;
    f.pattern = 1;
    f.retrieval = 1;
    return f;
}

AnswerGroup one_source_group(std::string text,
                             std::string normalized,
                             const SentenceRef& source,
                             double score) {
    AnswerGroup g;
    g.text = std::move(text);
    g.normalized = std::move(normalized);
    g.score = score;
    g.independent_sources = 1;
    g.support.push_back(AnswerSupport{source, score});
    return g;
}

AnswerOutcome name_outcome(const Question& question,
                           std::string type,
                           std::string name,
                           const Passage& p,
                           const PassageScore& s,
                           double type_match,
                           const ConfidenceModel& model,
                           text::Analyzer& analyzer) {
    std::string text = display_form(std::move(name), p.lower_case);
    std::string normalized = analyzer.fold(text);
    return pattern_outcome(question,
                           std::move(type),
                           one_source_group(std::move(text), std::move(normalized), p.ref, s.score),
                           p.ref.text,
                           pattern_features(s.coverage, s.score, type_match),
                           model);
}

AnswerOutcome pattern_outcome(const Question& question,
                              std::string type,
                              AnswerGroup answer,
                              std::string answer_text,
                              const AnswerFeatures& features,
                              const ConfidenceModel& model) {
    AnswerOutcome out;
    AskResponse& r = out.response;
    r.question = question.text;
    r.type = std::move(type);
    for (const KeyTerm& t : question.terms) {
        r.key_terms.push_back(t.surface);
    }
    r.status = "answered";
    r.answer_text = std::move(answer_text);
    r.answer = std::move(answer);
    out.features = features;
    r.confidence = model.probability(features);
    return out;
}

}  // namespace iskra::answer
