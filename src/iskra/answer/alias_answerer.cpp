#include "iskra/answer/alias_answerer.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "iskra/answer/pattern_answer.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/extract/entity_finder.hpp"

namespace iskra::answer {
namespace {

constexpr std::size_t kPassagesRead = 12;
constexpr double kMinCoverage = 0.4;
// clean's sentence flags (index::SentenceFlag): off-topic, furniture, question.
constexpr double kKnownAsShare = 0.8;  // "known as X" is weaker evidence than "pen name X"

struct Found {
    std::string alias;
    std::size_t passage = 0;
    double score = 0;
};

// Whether `alias` is one of the question's own names (a statement about another name).
bool names_the_question(const Question& q, const std::string& folded_alias) {
    return std::any_of(q.terms.begin(), q.terms.end(), [&](const KeyTerm& k) {
        return k.proper && k.folded == folded_alias;
    });
}

std::vector<Found> aliases_found(const Question& question,
                                 const std::vector<Passage>& passages,
                                 const std::vector<PassageScore>& scores,
                                 const std::vector<std::size_t>& ranked,
                                 text::Analyzer& analyzer) {
    std::vector<Found> out;
    for (std::size_t r = 0; r < ranked.size() && r < kPassagesRead; ++r) {
        const std::size_t idx = ranked[r];
        const Passage& p = passages[idx];
        const PassageScore& s = scores[idx];
        if (s.score <= 0 || !may_answer_from(p, s, kMinCoverage)) {
            continue;
        }
        for (const extract::AliasStatement& a :
             extract::find_entities(p.ref.text, p.lower_case).aliases) {
            const bool pen = a.kind == extract::AliasKind::PenName;
            if ((!pen && a.kind != extract::AliasKind::KnownAs)
                || names_the_question(question, analyzer.fold(a.alias))) {
                continue;
            }
            out.push_back(
                {display_form(a.alias, p.lower_case), idx, s.score * (pen ? 1.0 : kKnownAsShare)});
        }
    }
    std::stable_sort(
        out.begin(), out.end(), [](const Found& a, const Found& b) { return a.score > b.score; });
    return out;
}

}  // namespace

std::optional<AnswerOutcome> answer_alias_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer) {
    if (!question.asks_alias || passages.empty()) {
        return std::nullopt;
    }
    const std::vector<PassageScore> scores = score_passages(question, passages, analyzer);
    const std::vector<std::size_t> ranked = ranked_by_score(scores);
    const std::vector<Found> found = aliases_found(question, passages, scores, ranked, analyzer);
    if (found.empty()) {
        return std::nullopt;
    }
    const Found& best = found.front();
    const std::string folded = analyzer.fold(best.alias);
    AnswerGroup g;
    g.text = best.alias;
    g.normalized = folded;
    g.score = best.score;
    std::set<std::uint32_t> docs;
    double rival = 0;
    for (const Found& f : found) {
        if (analyzer.fold(f.alias) == folded) {
            if (docs.insert(passages[f.passage].doc_ordinal).second) {
                g.support.push_back(AnswerSupport{passages[f.passage].ref, f.score});
            }
        } else {
            rival = std::max(rival, f.score);
        }
    }
    g.independent_sources = static_cast<std::uint32_t>(docs.size());
    AnswerFeatures x = pattern_features(scores[best.passage].coverage, best.score, 0.9);
    x.margin = 1.0 - rival / best.score;
    x.sources = static_cast<double>(docs.size());
    double top_retrieval = 0;
    for (const Passage& p : passages) {
        top_retrieval = std::max(top_retrieval, p.retrieval_score);
    }
    x.retrieval = top_retrieval > 0 ? passages[best.passage].retrieval_score / top_retrieval : 0;
    return pattern_outcome(question,
                           std::string(answer_type_name(question.type)),
                           std::move(g),
                           passages[best.passage].ref.text,
                           x,
                           model);
}

}  // namespace iskra::answer
