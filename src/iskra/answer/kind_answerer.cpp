#include "iskra/answer/kind_answerer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "iskra/answer/pattern_answer.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr double kMinCoverage = 0.35;
constexpr std::size_t kPassagesRead = 12;
constexpr std::size_t kMaxNameWords = 3;
// Where a lower-cased name ends is unknown: one word for a place, given name and surname for a
// person.
constexpr std::size_t kMaxLowerCaseNameWords = 1;
constexpr std::size_t kMaxLowerCasePersonWords = 2;
constexpr std::array<std::string_view, 3> kLinkWords = {"of", "called", "named"};

struct Words {
    std::vector<text::Token> tokens;
    std::vector<std::string> folded;
};

bool is_question_term(const Question& q, std::string_view folded) {
    return std::any_of(
        q.terms.begin(), q.terms.end(), [&](const KeyTerm& k) { return k.folded == folded; });
}

bool name_word(
    const Words& w, std::size_t i, std::string_view text, bool lower_case, const Question& q) {
    const std::string_view raw =
        text.substr(w.tokens[i].begin, w.tokens[i].end - w.tokens[i].begin);
    const auto first = static_cast<unsigned char>(raw[0]);
    const bool capital = lower_case || (first >= 'A' && first <= 'Z') || first >= 0x80;
    const bool letters =
        std::none_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; });
    return capital && letters && !text::is_stop_word(w.folded[i])
           && !is_question_term(q, w.folded[i]);
}

// Tokens [from, to) joined by spaces only.
bool joined(const Words& w, std::string_view text, std::size_t from, std::size_t to) {
    for (std::size_t i = from + 1; i < to; ++i) {
        const std::string_view gap =
            text.substr(w.tokens[i - 1].end, w.tokens[i].begin - w.tokens[i - 1].end);
        if (gap.find_first_not_of(' ') != std::string_view::npos) {
            return false;
        }
    }
    return true;
}

// The name next to the head noun `focus` in `text`, or empty.
std::string name_by_kind(const Question& q,
                         std::string_view text,
                         bool lower_case,
                         text::Analyzer& analyzer) {
    Words w;
    w.tokens = analyzer.analyze(text);
    for (const text::Token& t : w.tokens) {
        w.folded.push_back(analyzer.fold(text.substr(t.begin, t.end - t.begin)));
    }
    const std::size_t lower_most =
        q.type == AnswerType::Person ? kMaxLowerCasePersonWords : kMaxLowerCaseNameWords;
    const std::size_t most = lower_case ? lower_most : kMaxNameWords;
    for (std::size_t i = 0; i < w.tokens.size(); ++i) {
        if (w.folded[i] != q.focus) {
            continue;
        }
        // After: "island ærø", "the island of Ærø", "a village called Krasna".
        std::size_t from = i + 1;
        const bool person = q.type == AnswerType::Person;  // "officer of X" is not a name
        if (!person && from < w.tokens.size()
            && std::find(kLinkWords.begin(), kLinkWords.end(), w.folded[from])
                   != kLinkWords.end()) {
            ++from;
        }
        std::size_t to = from;
        while (to < w.tokens.size() && to - from < most && name_word(w, to, text, lower_case, q)
               && joined(w, text, i, to + 1)) {
            ++to;
        }
        // A capitalised kind word is part of the name ("the River Tyne", "Ærø Island").
        const auto head = static_cast<unsigned char>(text[w.tokens[i].begin]);
        const bool kind_in_name = !person && !lower_case && head >= 'A' && head <= 'Z';
        if (to > from) {
            const std::size_t start = kind_in_name ? i : from;
            return std::string(
                text.substr(w.tokens[start].begin, w.tokens[to - 1].end - w.tokens[start].begin));
        }
        // Before, in capitalised text only: "Ærø Island".
        std::size_t begin = i;
        while (!lower_case && begin > 0 && i - begin < most
               && name_word(w, begin - 1, text, lower_case, q)
               && joined(w, text, begin - 1, i + 1)) {
            --begin;
        }
        if (begin < i) {
            const std::size_t last = kind_in_name ? i : i - 1;
            return std::string(
                text.substr(w.tokens[begin].begin, w.tokens[last].end - w.tokens[begin].begin));
        }
    }
    return {};
}

// "Which officer ...", "in which village ...": the head noun follows the wh-word.
bool asks_which_kind(const Question& q) {
    std::string lower;
    for (char c : q.text.substr(0, 24)) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return lower.starts_with("which ") || lower.starts_with("what ")
           || lower.find(" which ") != std::string::npos;
}

}  // namespace

std::optional<AnswerOutcome> answer_kind_question(const Question& question,
                                                  const std::vector<Passage>& passages,
                                                  const ConfidenceModel& model,
                                                  text::Analyzer& analyzer) {
    // A person's role ("which NKVD officer") is written before the name just the same.
    const bool role_question =
        question.type == AnswerType::Person && !question.focus.empty() && asks_which_kind(question);
    const bool kind_question =
        role_question
        || (question.focus_required && !question.focus.empty()
            && (question.type == AnswerType::Place || question.type == AnswerType::Organization));
    if (!kind_question || passages.empty()) {
        return std::nullopt;
    }
    return first_reading(
        question,
        passages,
        kPassagesRead,
        kMinCoverage,
        analyzer,
        [&](const Passage& p, const PassageScore& s) -> std::optional<AnswerOutcome> {
            std::string name = name_by_kind(question, p.ref.text, p.lower_case, analyzer);
            if (name.empty()) {
                return std::nullopt;
            }
            return name_outcome(question,
                                std::string(answer_type_name(question.type)),
                                std::move(name),
                                p,
                                s,
                                0.7,
                                model,
                                analyzer);
        });
}

}  // namespace iskra::answer
