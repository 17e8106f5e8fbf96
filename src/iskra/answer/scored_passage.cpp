#include "iskra/answer/scored_passage.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

#include "iskra/answer/text_language.hpp"

namespace iskra::answer {
namespace {

constexpr double kContextWeight = 0.5;
constexpr double kTopicNameWeight = 0.3;  // idf-scaled weight below which a name is the topic
constexpr double kLongSentenceWords = 40;
constexpr std::size_t kWindowWords = 24;  // the part of a long sentence that is scored
constexpr double kFaqMatch = 0.75;  // a collection question this close to the user's is the same
constexpr double kFaqBoost = 1.5;   // an answer to the same question outranks a mere match
// A sentence in another language than the question's (a translated manual beside the original)
// answers a reader of the question's language only when nothing else does.
constexpr double kOtherLanguageShare = 0.3;
constexpr std::size_t kQuestionLanguageWords = 2;

// Keeps only the matches inside [begin, end) and recomputes what follows from them.
void restrict_matches(const Question& question,
                      TermMatches& m,
                      std::uint32_t begin,
                      std::uint32_t end) {
    auto outside = [&](std::uint32_t pos) {
        return pos < begin || pos >= end;
    };
    std::erase_if(m.positions, outside);
    double total = 0;
    double found = 0;
    for (std::size_t t = 0; t < question.terms.size(); ++t) {
        std::erase_if(m.term_positions[t], outside);
        m.key_term_found[t] = !m.term_positions[t].empty();
        total += question.terms[t].weight;
        found += m.key_term_found[t] ? question.terms[t].weight : 0.0;
    }
    m.coverage = total > 0 ? found / total : 0;
}

// In a long sentence, the window of kWindowWords tokens holding the most key-term weight.
std::pair<std::uint32_t, std::uint32_t> best_window(const Question& question,
                                                    const TermMatches& m) {
    const std::vector<text::Token>& tokens = *m.tokens;
    double best = -1;
    std::size_t best_first = 0;
    for (std::size_t first = 0; first + kWindowWords <= tokens.size(); first += 4) {
        const std::uint32_t begin = tokens[first].begin;
        const std::uint32_t end = tokens[first + kWindowWords - 1].end;
        double weight = 0;
        for (std::size_t t = 0; t < question.terms.size(); ++t) {
            const auto& pos = m.term_positions[t];
            if (std::any_of(pos.begin(), pos.end(), [&](std::uint32_t p) {
                    return p >= begin && p < end;
                })) {
                weight += question.terms[t].weight;
            }
        }
        if (weight > best) {
            best = weight;
            best_first = first;
        }
    }
    // Centre the window on the matched words inside it: the answer may be on either side.
    std::size_t lo = best_first + kWindowWords;
    std::size_t hi = best_first;
    for (std::size_t i = best_first; i < best_first + kWindowWords && i < tokens.size(); ++i) {
        if (std::binary_search(m.positions.begin(), m.positions.end(), tokens[i].begin)) {
            lo = std::min(lo, i);
            hi = std::max(hi, i);
        }
    }
    if (lo <= hi) {
        const std::size_t centre = (lo + hi) / 2;
        best_first =
            std::min(centre - std::min(centre, kWindowWords / 2), tokens.size() - kWindowWords);
    }
    return {tokens[best_first].begin, tokens[best_first + kWindowWords - 1].end};
}

// The key terms found in the sentences around the passage (parallel to Question::terms). The
// neighbours are analyzed apart: a space separates them, so no word spans the two.
std::vector<bool> context_terms(const Question& question,
                                const Passage& p,
                                text::Analyzer& analyzer) {
    if (!p.before_tokens || !p.after_tokens) {
        return match_terms(question, p.before + " " + p.after, analyzer).key_term_found;
    }
    std::vector<bool> found(question.terms.size(), false);
    mark_found_terms(question, *p.before_tokens, found);
    mark_found_terms(question, *p.after_tokens, found);
    return found;
}

// "He lived most of his life in hotels" in the document titled "Nikola Tesla": the question's
// names in the title of a sentence's document are its context too. Titles are matched once per
// document (`titles` caches them by document id).
void add_title_names(const Question& question,
                     const Passage& p,
                     text::Analyzer& analyzer,
                     std::map<std::string, std::vector<bool>>& titles,
                     std::vector<bool>& context) {
    auto it = titles.find(p.ref.doc_id);
    if (it == titles.end()) {
        std::vector<bool> found = match_terms(question, p.ref.title, analyzer).key_term_found;
        for (std::size_t i = 0; i < found.size(); ++i) {
            found[i] = found[i] && question.terms[i].proper;
        }
        it = titles.emplace(p.ref.doc_id, std::move(found)).first;
    }
    for (std::size_t i = 0; i < context.size() && i < it->second.size(); ++i) {
        context[i] = context[i] || it->second[i];
    }
}

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
    // The cleaner's sentence quality: fragments, references and headings are weak evidence.
    q *= std::pow(std::clamp(static_cast<double>(passage.ref.quality), 0.05, 1.0), 0.75);
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
    const Language asked_in = guess_language(question.text, kQuestionLanguageWords);
    std::map<std::string, std::vector<bool>> titles;
    for (const Passage& p : passages) {
        PassageScore s;
        s.matches = p.tokens ? match_terms(question, p.tokens)
                             : match_terms(question, p.ref.text, analyzer);
        const double words = static_cast<double>(s.matches.tokens->size());
        if (words > kLongSentenceWords) {
            std::tie(s.window_begin, s.window_end) = best_window(question, s.matches);
            restrict_matches(question, s.matches, s.window_begin, s.window_end);
        }
        std::vector<bool> context = context_terms(question, p, analyzer);
        add_title_names(question, p, analyzer, titles, context);
        s.coverage = coverage_with_context(question, s.matches, context, kContextWeight);
        for (std::size_t i = 0; i < question.terms.size(); ++i) {
            // A name found in almost every document is the collection's subject: sentences
            // refer to it as "he" or "it", so its absence says little.
            if (question.terms[i].proper && question.terms[i].weight >= kTopicNameWeight
                && !s.matches.key_term_found[i] && !context[i]) {
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
                            : context[i]                ? k.weight * kContextWeight
                                                        : 0.0;
        }
        s.common_coverage = common_total > 0 ? common_found / common_total : 1.0;
        s.quality = flag_quality(p);
        const double retrieval = top_retrieval > 0 ? p.retrieval_score / top_retrieval : 0;
        // Long "sentences" (glued tables, contents lists) are scored on their best window only,
        // and a little lower: their words are often not one statement.
        const double length_factor = words > kLongSentenceWords ? 0.85 : 1.0;
        if (!p.faq_question.empty()) {
            const TermMatches asked = match_terms(question, p.faq_question, analyzer);
            if (asked.coverage >= kFaqMatch) {
                s.faq = true;
                s.coverage = std::max(s.coverage, asked.coverage);
                s.common_coverage = 1.0;
                s.proper_missing = false;
            }
        }
        s.score = s.coverage * s.coverage * s.quality * (0.75 + 0.25 * retrieval)
                  * (s.proper_missing ? 0.6 : 1.0) * length_factor * (s.faq ? kFaqBoost : 1.0);
        if (asked_in != Language::Unknown) {
            const Language written_in = guess_language(p.ref.text);
            s.score *= written_in != Language::Unknown && written_in != asked_in
                           ? kOtherLanguageShare
                           : 1.0;
        }
        if (question.type == AnswerType::Definition && !s.faq) {
            // A definition names what it defines: "what is a kernel module" wants a sentence with
            // both words, not one about kernels.
            s.score *= s.matches.coverage;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace iskra::answer
