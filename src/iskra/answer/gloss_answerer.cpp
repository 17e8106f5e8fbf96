#include "iskra/answer/gloss_answerer.hpp"

#include <algorithm>
#include <array>

#include "iskra/answer/pattern_answer.hpp"
#include "iskra/answer/question_words.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr double kMinCoverage = 0.4;
constexpr std::size_t kMaxNameWords = 4;
constexpr std::array<std::string_view, 6> kGlossCues = {
    "meaning",
    "means",
    "literally",
    "lit",
    "or",
    "translated",
};

// Folded words of `text` without stop words (sources may have dropped them).
std::vector<std::string> content_words(std::string_view text, text::Analyzer& analyzer) {
    std::vector<std::string> out;
    for (const text::Token& t : analyzer.analyze(text)) {
        std::string w = analyzer.fold(text.substr(t.begin, t.end - t.begin));
        if (!text::is_stop_word(w)) {
            out.push_back(std::move(w));
        }
    }
    return out;
}

struct Name {
    std::string text;
    double score = 0;
    std::size_t passage = 0;
};

// The name written just before `gloss` in `text`, or empty.
std::string name_before_gloss(std::string_view text,
                              const std::vector<std::string>& gloss,
                              std::size_t gloss_words,
                              const Question& question,
                              text::Analyzer& analyzer) {
    const std::vector<text::Token> tokens = analyzer.analyze(text);
    std::vector<std::string> folded;
    std::vector<std::size_t> index;  // token index of each content word
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string w =
            analyzer.fold(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        if (!text::is_stop_word(w)) {
            folded.push_back(std::move(w));
            index.push_back(i);
        }
    }
    for (std::size_t at = 0; at + gloss.size() <= folded.size(); ++at) {
        if (!std::equal(gloss.begin(), gloss.end(), folded.begin() + static_cast<long>(at))) {
            continue;
        }
        std::size_t end = at;  // exclusive, in content words
        while (end > 0
               && std::find(kGlossCues.begin(), kGlossCues.end(), folded[end - 1])
                      != kGlossCues.end()) {
            --end;
        }
        const std::size_t want = std::min(gloss_words, kMaxNameWords);
        if (end < want) {
            continue;
        }
        const std::size_t begin = end - want;
        const bool own_word =
            std::any_of(folded.begin() + static_cast<long>(begin),
                        folded.begin() + static_cast<long>(end),
                        [&](const std::string& w) {
                            return std::any_of(question.terms.begin(),
                                               question.terms.end(),
                                               [&](const KeyTerm& k) { return k.folded == w; });
                        });
        if (own_word) {
            continue;
        }
        const auto b = tokens[index[begin]].begin;
        const auto e = tokens[index[end - 1]].end;
        return std::string(text.substr(b, e - b));
    }
    return {};
}

}  // namespace

std::optional<AnswerOutcome> answer_gloss_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer) {
    const std::string gloss_text = quoted_gloss(question.text);
    const std::vector<std::string> gloss = content_words(gloss_text, analyzer);
    if (gloss.empty() || passages.empty()) {
        return std::nullopt;
    }
    // A translation has about as many words as its meaning, stop words included.
    const std::size_t gloss_words = analyzer.analyze(gloss_text).size();
    const std::vector<PassageScore> scores = score_passages(question, passages, analyzer);
    Name best;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const Passage& p = passages[i];
        if (!may_answer_from(p, scores[i], kMinCoverage) || scores[i].score <= best.score) {
            continue;
        }
        std::string name = name_before_gloss(p.ref.text, gloss, gloss_words, question, analyzer);
        if (!name.empty()) {
            best = {display_form(std::move(name), p.lower_case), scores[i].score, i};
        }
    }
    if (best.text.empty()) {
        return std::nullopt;
    }
    const Passage& p = passages[best.passage];
    std::string normalized = analyzer.fold(best.text);
    return pattern_outcome(
        question,
        std::string(answer_type_name(question.type)),
        one_source_group(std::move(best.text), std::move(normalized), p.ref, best.score),
        p.ref.text,
        pattern_features(scores[best.passage].coverage, best.score, 0.9),
        model);
}

}  // namespace iskra::answer
