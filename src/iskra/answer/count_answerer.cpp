#include "iskra/answer/count_answerer.hpp"

#include <algorithm>
#include <array>

#include "iskra/answer/pattern_answer.hpp"
#include "iskra/answer/question_words.hpp"
#include "iskra/answer/scored_passage.hpp"

namespace iskra::answer {
namespace {

constexpr double kMinCoverage = 0.5;
constexpr std::size_t kPassagesRead = 5;
constexpr double kNextSentenceShare = 0.7;  // a count in the next sentence is weaker evidence
constexpr std::array<std::string_view, 19> kNumberWords = {
    "two",   "three", "four",    "five",   "six",    "seven",  "eight",
    "nine",  "ten",   "eleven",  "twelve", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety",
};

bool is_count(std::string_view w) {
    const bool digits = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '.';
    });
    return digits || std::find(kNumberWords.begin(), kNumberWords.end(), w) != kNumberWords.end();
}

std::string singular(std::string w) {
    if (w.size() > 3 && w.back() == 's') {
        w.pop_back();
    }
    return w;
}

// "40 days" in `text`: the number's text, or empty.
std::string count_of_unit(std::string_view text,
                          const std::string& unit,
                          text::Analyzer& analyzer) {
    const std::vector<text::Token> tokens = analyzer.analyze(text);
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const std::string w =
            analyzer.fold(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        if (singular(w) != unit) {
            continue;
        }
        const std::string_view n =
            text.substr(tokens[i - 1].begin, tokens[i - 1].end - tokens[i - 1].begin);
        if (!is_count(analyzer.fold(n))) {
            continue;
        }
        // "more than 70,000 men", "over 5,100 days": the bound is part of the count.
        std::size_t from = i - 1;
        auto word = [&](std::size_t k) {
            return analyzer.fold(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
        };
        if (from >= 2 && word(from - 1) == "than"
            && (word(from - 2) == "more" || word(from - 2) == "less"
                || word(from - 2) == "fewer")) {
            from -= 2;
        } else if (from >= 2 && word(from - 1) == "least" && word(from - 2) == "at") {
            from -= 2;
        } else if (from >= 1
                   && (word(from - 1) == "over" || word(from - 1) == "nearly"
                       || word(from - 1) == "almost" || word(from - 1) == "under")) {
            from -= 1;
        }
        return std::string(text.substr(tokens[from].begin, tokens[i - 1].end - tokens[from].begin));
    }
    return {};
}

}  // namespace

std::string counted_unit(std::string_view question) {
    const std::vector<QuestionWord> w = split_question(question);
    for (std::size_t i = 0; i + 2 < w.size(); ++i) {
        if (w[i].lower == "how" && w[i + 1].lower == "many" && w[i + 2].lower.size() > 3
            && w[i + 2].lower.back() == 's') {
            return singular(w[i + 2].lower);
        }
    }
    return {};
}

std::optional<AnswerOutcome> answer_count_question(const Question& question,
                                                   const std::vector<Passage>& passages,
                                                   const ConfidenceModel& model,
                                                   text::Analyzer& analyzer) {
    const std::string unit = counted_unit(question.text);
    if (unit.empty() || passages.empty()) {
        return std::nullopt;
    }
    return first_reading(
        question,
        passages,
        kPassagesRead,
        kMinCoverage,
        analyzer,
        [&](const Passage& p, const PassageScore& s) -> std::optional<AnswerOutcome> {
            std::string count = count_of_unit(p.ref.text, unit, analyzer);
            const bool next = count.empty();
            if (next) {
                count = count_of_unit(p.after, unit, analyzer);
            }
            if (count.empty()) {
                return std::nullopt;
            }
            const double score = s.score * (next ? kNextSentenceShare : 1.0);
            std::string normalized = analyzer.fold(count);
            return pattern_outcome(
                question,
                std::string(answer_type_name(question.type)),
                one_source_group(std::move(count), std::move(normalized), p.ref, score),
                next ? p.ref.text + " " + p.after : p.ref.text,
                pattern_features(s.coverage, score, 1.0),
                model);
        });
}

}  // namespace iskra::answer
