#include "iskra/answer/scored_passage.hpp"

#include <algorithm>
#include <cmath>

namespace iskra::answer {
namespace {

constexpr double kContextWeight = 0.5;
constexpr double kLongSentenceWords = 40;

}  // namespace

double flag_quality(const Passage& passage) {
    // Bits of clean's SentenceFlag: duplicate 1, off_topic 2, furniture 4, spun 8, quiz 16,
    // question 32. A copy is as good as its original (independence is counted elsewhere).
    double q = 1.0;
    if ((passage.flags & 4u) != 0) {
        q *= 0.2;
    }
    if ((passage.flags & 2u) != 0) {
        q *= 0.5;
    }
    if ((passage.flags & 16u) != 0) {
        q *= 0.6;
    }
    if ((passage.flags & 32u) != 0) {
        q *= 0.35;
    }
    if ((passage.flags & 8u) != 0) {
        q *= 0.9;
    }
    // A question mark inside an unflagged sentence: a question glued to other text.
    if ((passage.flags & 32u) == 0 && passage.ref.text.find('?') != std::string::npos) {
        q *= 0.5;
    }
    return q * (0.8 + 0.2 * std::clamp(static_cast<double>(passage.doc_quality), 0.0, 1.0));
}

std::vector<PassageScore> score_passages(const Question& question,
                                         std::span<const Passage> passages,
                                         text::Analyzer& analyzer) {
    double top_retrieval = 0;
    for (const Passage& p : passages) {
        top_retrieval = std::max(top_retrieval, p.retrieval_score);
    }
    std::vector<PassageScore> out;
    out.reserve(passages.size());
    for (const Passage& p : passages) {
        PassageScore s;
        s.matches = match_terms(question, p.ref.text, analyzer);
        const TermMatches context = match_terms(question, p.before + " " + p.after, analyzer);
        s.coverage = coverage_with_context(question, s.matches, context, kContextWeight);
        for (std::size_t i = 0; i < question.terms.size(); ++i) {
            if (question.terms[i].proper && !s.matches.key_term_found[i]
                && !context.key_term_found[i]) {
                s.proper_missing = true;
            }
        }
        double common_total = 0;
        double common_found = 0;
        for (std::size_t i = 0; i < question.terms.size(); ++i) {
            const KeyTerm& k = question.terms[i];
            if (k.proper || k.focus) {
                continue;
            }
            common_total += k.weight;
            common_found += s.matches.key_term_found[i] ? k.weight
                            : context.key_term_found[i] ? k.weight * kContextWeight
                                                        : 0.0;
        }
        s.common_coverage = common_total > 0 ? common_found / common_total : 1.0;
        s.quality = flag_quality(p);
        const double retrieval = top_retrieval > 0 ? p.retrieval_score / top_retrieval : 0;
        // Long "sentences" (glued tables, contents lists) match everything a little.
        const double words = static_cast<double>(s.matches.tokens.size());
        const double length_factor =
            words > kLongSentenceWords ? std::sqrt(kLongSentenceWords / words) : 1.0;
        s.score = s.coverage * s.coverage * s.quality * (0.75 + 0.25 * retrieval)
                  * (s.proper_missing ? 0.6 : 1.0) * length_factor;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace iskra::answer
