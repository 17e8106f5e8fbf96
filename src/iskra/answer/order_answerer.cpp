#include "iskra/answer/order_answerer.hpp"

#include <algorithm>
#include <cstdlib>

#include "iskra/answer/matched_terms.hpp"
#include "iskra/answer/pattern_answer.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/extract/date_finder.hpp"

namespace iskra::answer {
namespace {

constexpr double kMinOptionCoverage = 0.5;
constexpr double kRelationWeight = 2.0;  // "signing", "appointment" place the date; names less

struct Dated {
    std::optional<extract::DateValue> date;
    std::size_t passage = 0;
    double coverage = 0;
    double rank = 0;
};

// The option's words alone, as a question of their own.
Question option_question(const Question& q, std::size_t option) {
    Question sub;
    sub.type = AnswerType::Date;
    for (std::size_t t : q.option_terms[option]) {
        sub.terms.push_back(q.terms[t]);
    }
    return sub;
}

// The resolved date of `text` nearest the matched words (weighted distance in bytes).
std::optional<extract::DateValue> nearest_date(const Question& sub,
                                               std::string_view text,
                                               const TermMatches& m) {
    std::optional<extract::DateValue> best;
    double best_distance = 0;
    for (const extract::DateMention& d : extract::find_dates(text)) {
        if (!d.is_event_date() || d.kind == extract::DateKind::Relative) {
            continue;
        }
        double distance = 0;
        for (std::size_t t = 0; t < m.term_positions.size(); ++t) {
            std::uint32_t nearest = UINT32_MAX;
            for (std::uint32_t pos : m.term_positions[t]) {
                const std::uint32_t gap = pos >= d.end_byte ? pos - d.end_byte
                                          : d.begin >= pos  ? d.begin - pos
                                                            : 0;
                nearest = std::min(nearest, gap);
            }
            if (nearest != UINT32_MAX) {
                distance += nearest * (sub.terms[t].proper ? 1.0 : kRelationWeight);
            }
        }
        if (!best || distance < best_distance) {
            best = d.value;
            best_distance = distance;
        }
    }
    return best;
}

Dated dated_option(const Question& sub,
                   const std::vector<Passage>& passages,
                   text::Analyzer& analyzer) {
    Dated found;
    for (std::size_t idx = 0; idx < passages.size(); ++idx) {
        const Passage& p = passages[idx];
        if ((p.flags & (1u << 5)) != 0) {
            continue;  // a question of the collection states nothing
        }
        const TermMatches m = match_terms(sub, p.ref.text, analyzer);
        if (m.coverage < kMinOptionCoverage) {
            continue;
        }
        const double rank = m.coverage * flag_quality(p);
        if (rank <= found.rank) {
            continue;
        }
        if (auto date = nearest_date(sub, p.ref.text, m)) {
            found = {date, idx, m.coverage, rank};
        }
    }
    return found;
}

}  // namespace

std::optional<AnswerOutcome> answer_order_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer) {
    if (question.options.size() != 2 || question.option_terms.size() != 2) {
        return std::nullopt;
    }
    const Dated a = dated_option(option_question(question, 0), passages, analyzer);
    const Dated b = dated_option(option_question(question, 1), passages, analyzer);
    if (!a.date || !b.date || a.date->sort_key() == b.date->sort_key()) {
        return std::nullopt;
    }
    const bool a_first = a.date->sort_key() < b.date->sort_key();
    const Dated& first = a_first ? a : b;
    const Dated& second = a_first ? b : a;
    AnswerGroup g = one_source_group(question.options[a_first ? 0 : 1],
                                     first.date->iso(),
                                     passages[first.passage].ref,
                                     first.coverage);
    g.score = std::min(a.coverage, b.coverage);
    g.support.push_back(AnswerSupport{passages[second.passage].ref, second.coverage});
    return pattern_outcome(
        question,
        std::string(answer_type_name(question.type)),
        std::move(g),
        passages[first.passage].ref.text + " " + passages[second.passage].ref.text,
        pattern_features(std::min(a.coverage, b.coverage), std::min(a.rank, b.rank), 1.0),
        model);
}

}  // namespace iskra::answer
