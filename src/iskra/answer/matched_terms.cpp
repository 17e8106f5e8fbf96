#include "iskra/answer/matched_terms.hpp"

#include <algorithm>
#include <bitset>

namespace iskra::answer {
namespace {

// Derivations the stemmer keeps apart ("churchillist"/"churchillism", "tolstoy"/"tolstoyism"): the
// shorter stem, at least 5 bytes, starts the longer one and covers most of it.
bool prefix_match(const std::string& a, const std::string& b) {
    const std::string& shorter = a.size() <= b.size() ? a : b;
    const std::string& longer = a.size() <= b.size() ? b : a;
    return shorter.size() >= 5 && longer.size() <= shorter.size() + 5
           && longer.compare(0, shorter.size(), shorter) == 0;
}

bool key_matches(const KeyTerm& key, const text::Token& token) {
    return std::find(key.terms.begin(), key.terms.end(), token.term) != key.terms.end()
           || (!key.terms.empty() && prefix_match(key.terms.front(), token.term));
}

// The first bytes of a key term's variants: a token that matches the key (equal to a variant, or
// sharing a prefix with the first) starts with one of them, so one lookup rules out most tokens.
class FirstBytes {
  public:
    explicit FirstBytes(const KeyTerm& key) {
        for (const std::string& term : key.terms) {
            if (!term.empty()) {
                bytes_.set(static_cast<unsigned char>(term.front()));
            }
        }
    }

    bool may_match(const std::string& term) const {
        return term.empty() || bytes_.test(static_cast<unsigned char>(term.front()));
    }

  private:
    std::bitset<256> bytes_;
};

}  // namespace

TermMatches match_terms(const Question& question,
                        std::string_view sentence,
                        text::Analyzer& analyzer) {
    return match_terms(
        question, std::make_shared<const std::vector<text::Token>>(analyzer.analyze(sentence)));
}

TermMatches match_terms(const Question& question,
                        std::shared_ptr<const std::vector<text::Token>> tokens) {
    TermMatches m;
    m.tokens = std::move(tokens);
    m.key_term_found.assign(question.terms.size(), false);
    double total = 0;
    double found = 0;
    m.term_positions.resize(question.terms.size());
    for (std::size_t term_idx = 0; term_idx < question.terms.size(); ++term_idx) {
        const KeyTerm& key = question.terms[term_idx];
        const FirstBytes first(key);
        total += key.weight;
        for (const text::Token& token : *m.tokens) {
            if (first.may_match(token.term) && key_matches(key, token)) {
                m.key_term_found[term_idx] = true;
                m.positions.push_back(token.begin);
                m.term_positions[term_idx].push_back(token.begin);
            }
        }
        if (m.key_term_found[term_idx]) {
            found += key.weight;
        }
    }
    std::sort(m.positions.begin(), m.positions.end());
    m.coverage = total > 0 ? found / total : 0;
    return m;
}

void mark_found_terms(const Question& question,
                      std::span<const text::Token> tokens,
                      std::vector<bool>& found) {
    found.resize(question.terms.size(), false);
    for (std::size_t term_idx = 0; term_idx < question.terms.size(); ++term_idx) {
        if (found[term_idx]) {
            continue;
        }
        const KeyTerm& key = question.terms[term_idx];
        const FirstBytes first(key);
        found[term_idx] = std::any_of(tokens.begin(), tokens.end(), [&](const text::Token& token) {
            return first.may_match(token.term) && key_matches(key, token);
        });
    }
}

double coverage_with_context(const Question& question,
                             const TermMatches& sentence,
                             const TermMatches& context,
                             double context_weight) {
    return coverage_with_context(question, sentence, context.key_term_found, context_weight);
}

double coverage_with_context(const Question& question,
                             const TermMatches& sentence,
                             const std::vector<bool>& context_found,
                             double context_weight) {
    double total = 0;
    double found = 0;
    for (std::size_t term_idx = 0; term_idx < question.terms.size(); ++term_idx) {
        const double w = question.terms[term_idx].weight;
        total += w;
        if (sentence.key_term_found[term_idx]) {
            found += w;
        } else if (term_idx < context_found.size() && context_found[term_idx]) {
            found += w * context_weight;
        }
    }
    return total > 0 ? found / total : 0;
}

}  // namespace iskra::answer
