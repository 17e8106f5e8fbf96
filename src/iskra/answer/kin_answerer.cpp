#include "iskra/answer/kin_answerer.hpp"

#include <algorithm>
#include <array>

#include "iskra/answer/pattern_answer.hpp"
#include "iskra/answer/question_words.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr double kMinCoverage = 0.5;
constexpr std::size_t kPassagesRead = 12;
constexpr std::size_t kMaxNameWords = 3;
// Lower-cased text cannot show where a name ends: given name and surname.
constexpr std::size_t kMaxLowerCaseNameWords = 2;

struct Relation {
    std::string_view noun;
    std::array<std::string_view, 3> cues;  // words right before the relative's name
};

constexpr std::array<Relation, 10> kRelations = {{
    {"wife", {"married", "wife", "marry"}},
    {"husband", {"married", "husband", "marry"}},
    {"spouse", {"married", "wife", "husband"}},
    {"son", {"son", "son", "son"}},
    {"daughter", {"daughter", "daughter", "daughter"}},
    {"brother", {"brother", "brother", "brother"}},
    {"sister", {"sister", "sister", "sister"}},
    {"father", {"father", "father", "father"}},
    {"mother", {"mother", "mother", "mother"}},
    {"partner", {"partner", "companion", "married"}},
}};

constexpr std::array<std::string_view, 7> kOrdinals = {
    "first", "second", "third", "fourth", "last", "eldest", "youngest"};

// Words that end a name run: kin nouns and cue words ("wife anna berg son karl berg").
bool is_kin_word(std::string_view w) {
    return std::any_of(kRelations.begin(),
                       kRelations.end(),
                       [&](const Relation& r) {
                           return r.noun == w
                                  || std::find(r.cues.begin(), r.cues.end(), w) != r.cues.end();
                       })
           || w == "children" || w == "child" || w == "sons" || w == "daughters";
}

const Relation* relation_of(std::string_view noun) {
    const auto it = std::find_if(
        kRelations.begin(), kRelations.end(), [&](const Relation& r) { return r.noun == noun; });
    return it == kRelations.end() ? nullptr : &*it;
}

bool is_alpha_word(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
               || static_cast<unsigned char>(c) >= 0x80 || c == '-';
    });
}

bool is_question_term(const Question& q, std::string_view folded) {
    return std::any_of(
        q.terms.begin(), q.terms.end(), [&](const KeyTerm& k) { return k.folded == folded; });
}

// The name right after a cue of `relation` in `text`, or empty.
std::string name_after_cue(const Relation& relation,
                           std::string_view text,
                           bool lower_case,
                           const Question& question,
                           text::Analyzer& analyzer) {
    const std::vector<text::Token> tokens = analyzer.analyze(text);
    std::vector<std::string> folded;
    for (const text::Token& t : tokens) {
        folded.push_back(analyzer.fold(text.substr(t.begin, t.end - t.begin)));
    }
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (std::find(relation.cues.begin(), relation.cues.end(), folded[i])
            == relation.cues.end()) {
            continue;
        }
        std::size_t end = i + 1;
        const std::size_t most = lower_case ? kMaxLowerCaseNameWords : kMaxNameWords;
        while (end < tokens.size() && end - (i + 1) < most) {
            const std::string_view raw =
                text.substr(tokens[end].begin, tokens[end].end - tokens[end].begin);
            const std::string_view gap =
                text.substr(tokens[end - 1].end, tokens[end].begin - tokens[end - 1].end);
            const bool joined =
                end == i + 1 || gap.find_first_not_of(' ') == std::string_view::npos;
            const bool capital = lower_case || (raw[0] >= 'A' && raw[0] <= 'Z')
                                 || static_cast<unsigned char>(raw[0]) >= 0x80;
            if (!joined || !capital || !is_alpha_word(raw) || text::is_stop_word(folded[end])
                || is_kin_word(folded[end]) || is_question_term(question, folded[end])) {
                break;
            }
            ++end;
        }
        if (end > i + 1) {
            return std::string(
                text.substr(tokens[i + 1].begin, tokens[end - 1].end - tokens[i + 1].begin));
        }
    }
    return {};
}

bool says_ordinal(const Passage& p, std::string_view ordinal, text::Analyzer& analyzer) {
    const std::string word = " " + std::string(ordinal) + " ";
    const std::string sentence = " " + analyzer.fold(p.ref.text) + " ";
    return sentence.find(word) != std::string::npos;
}

}  // namespace

std::optional<KinQuestion> parse_kin_question(std::string_view question) {
    const std::vector<QuestionWord> w = split_question(question);
    if (w.size() < 4 || w[0].lower != "who" || (w[1].lower != "was" && w[1].lower != "is")) {
        return std::nullopt;
    }
    for (std::size_t i = 2; i < w.size(); ++i) {
        if (relation_of(w[i].lower) == nullptr) {
            continue;
        }
        // "X's first wife" or "the first wife of X": someone's relative, not "who was the son".
        const bool owner_before = std::any_of(w.begin() + 2,
                                              w.begin() + static_cast<long>(i),
                                              [](const QuestionWord& x) { return x.possessive; });
        const bool owner_after = i + 2 < w.size() && w[i + 1].lower == "of";
        if (!owner_before && !owner_after) {
            return std::nullopt;
        }
        KinQuestion k;
        k.relation = w[i].lower;
        if (i > 2
            && std::find(kOrdinals.begin(), kOrdinals.end(), w[i - 1].lower) != kOrdinals.end()) {
            k.ordinal = w[i - 1].lower;
        }
        return k;
    }
    return std::nullopt;
}

std::optional<AnswerOutcome> answer_kin_question(const KinQuestion& kin,
                                                 const Question& question,
                                                 const std::vector<Passage>& passages,
                                                 const ConfidenceModel& model,
                                                 text::Analyzer& analyzer) {
    const Relation* relation = relation_of(kin.relation);
    if (relation == nullptr || passages.empty()) {
        return std::nullopt;
    }
    return first_reading(
        question,
        passages,
        kPassagesRead,
        kMinCoverage,
        analyzer,
        [&](const Passage& p, const PassageScore& s) -> std::optional<AnswerOutcome> {
            if (!kin.ordinal.empty() && !says_ordinal(p, kin.ordinal, analyzer)) {
                return std::nullopt;
            }
            std::string name =
                name_after_cue(*relation, p.ref.text, p.lower_case, question, analyzer);
            if (name.empty()) {
                return std::nullopt;
            }
            return name_outcome(question, "person", std::move(name), p, s, 0.9, model, analyzer);
        });
}

}  // namespace iskra::answer
