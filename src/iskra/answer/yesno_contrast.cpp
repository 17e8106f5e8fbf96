#include "iskra/answer/yesno_contrast.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace iskra::answer {
namespace {

constexpr std::array<std::string_view, 7> kContrastWords = {
    "while",
    "whereas",
    "but",
    "unlike",
    "however",
    "instead",
    "rather",
};

// For each token: the clause it is in (a contrast word starts a new clause).
std::vector<int> clause_of_tokens(std::string_view sentence,
                                  const std::vector<text::Token>& tokens,
                                  text::Analyzer& analyzer) {
    std::vector<int> clause(tokens.size(), 0);
    int current = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string word =
            analyzer.fold(sentence.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        if (std::find(kContrastWords.begin(), kContrastWords.end(), word) != kContrastWords.end()) {
            ++current;
        }
        clause[i] = current;
    }
    return clause;
}

// The clauses in which key term `k` occurs.
std::vector<int> clauses_of(const KeyTerm& k,
                            const std::vector<text::Token>& tokens,
                            const std::vector<int>& clause) {
    std::vector<int> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (std::find(k.terms.begin(), k.terms.end(), tokens[i].term) != k.terms.end()) {
            out.push_back(clause[i]);
        }
    }
    return out;
}

bool is_name(const KeyTerm& k) {
    return k.proper && !k.folded.empty()
           && !std::all_of(
               k.folded.begin(), k.folded.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool contrasts_subject(const Question& question,
                       std::string_view sentence,
                       text::Analyzer& analyzer) {
    const std::vector<text::Token> tokens = analyzer.analyze(sentence);
    const std::vector<int> clause = clause_of_tokens(sentence, tokens, analyzer);
    if (tokens.empty() || clause.back() == 0) {
        return false;  // no contrast word
    }
    std::vector<int> subject;
    std::vector<int> others;
    for (const KeyTerm& k : question.terms) {
        if (!is_name(k)) {
            continue;
        }
        const std::vector<int> where = clauses_of(k, tokens, clause);
        if (where.empty()) {
            continue;
        }
        if (subject.empty()) {
            subject = where;
        } else {
            others.insert(others.end(), where.begin(), where.end());
        }
    }
    if (subject.empty() || others.empty()) {
        return false;
    }
    return std::none_of(others.begin(), others.end(), [&](int c) {
        return std::find(subject.begin(), subject.end(), c) != subject.end();
    });
}

}  // namespace iskra::answer
