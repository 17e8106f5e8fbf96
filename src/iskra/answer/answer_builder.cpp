#include "iskra/answer/answer_builder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "iskra/answer/answer_group.hpp"
#include "iskra/answer/answer_slot.hpp"
#include "iskra/answer/candidate_extractor.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/extract/date_finder.hpp"
#include "iskra/extract/lexicon.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

// ASCII lower case with a space at both ends, so that cues match as " word ".
std::string padded_lower(std::string_view text) {
    std::string lower = " ";
    for (char c : text) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    lower += ' ';
    return lower;
}

constexpr std::size_t kCandidatePassages = 12;
constexpr double kMinCoverage = 0.4;  // below: the question is not covered, abstain
constexpr double kMinFactoidScore = 0.12;
constexpr double kMinTypeConfidence = 0.35;  // a named answer of another type does not answer
// The question's ordinary words must be there too, some of them: a sentence that states the
// relation in other words ("the Act of 1996" for "when was the Act passed") still answers.
constexpr double kMinCommonCoverage = 0.1;
// A sentence this close to the whole question answers it even without its ordinary words.
constexpr double kFullCoverage = 0.8;
// A sentence this close to the question answers with a noun phrase when it has no value of the
// asked type ("who" and "Red Guards"), at a lower confidence.
constexpr double kPhraseCoverage = 0.7;
constexpr double kNamingBoost = 1.5;  // a span after "known as", "called"
constexpr double kRoleBoost = 2.0;    // an office or role for "what was her role"
constexpr double kCopulaBoost = 1.3;  // a span after "is"/"was" that follows the question's words
constexpr double kRelationWeight = 2.0;    // ordinary question words in proximity, vs names
constexpr double kProximityShare = 0.4;    // how much a candidate's nearness to the terms counts
constexpr double kOtherClauseShare = 0.3;  // nearness inside a clause about another action
// A date that follows its event is this much farther (bytes) from the words after it: they
// tell the next event.
constexpr std::uint32_t kStatementGap = 60;
constexpr double kLeadingSpanShare = 0.65;  // untyped span before every matched question word
constexpr double kConflictShare = 0.3;      // a rival group this close to the best is a conflict
// ... when its sentence covers the question this well and scores this close to the best one's.
constexpr double kConflictCoverage = 0.6;
constexpr double kConflictPassageShare = 0.35;
constexpr std::size_t kMaxConflicts = 2;
constexpr int kNearDays = 3;                        // dates this many days apart may be one event's
constexpr double kNearNumberShare = 0.15;           // numbers this close may be one quantity's
constexpr double kNearConflictPassageShare = 0.25;  // ... so a weaker sentence may say it
constexpr double kNearConflictCoverage = 0.5;
constexpr std::size_t kMaxListItems = 6;
constexpr double kMinListTypeConfidence = 0.5;  // a coordination's items must be of the asked kind
                                                // // when the question does not say how many
constexpr std::size_t kMaxAnswerSentences = 3;
constexpr std::size_t kMaxExplanationSentences = 5;
constexpr double kExplanationShare = 0.35;
constexpr double kCueBoost = 1.25;
constexpr long kShortSentenceWords = 8;  // shorter explanation sentences get the one before  //
                                         // explanation sentences with a cause/copula cue

struct Context {
    const Question& question;
    const std::vector<Passage>& passages;
    const std::vector<PassageScore>& scores;
    std::vector<std::size_t> ranked;  // passage indices, best first
    std::uint32_t k;
};

AnswerSupport support_of(const Context& ctx, std::size_t passage, double score) {
    AnswerSupport s;
    s.sentence = ctx.passages[passage].ref;
    s.score = score;
    return s;
}

// Whether a date candidate belongs with the words before it rather than after: in "removed
// power october 1927 expelled party november 1927" (text without its function words) each date
// follows its event. A date after a function word ("On 20 August 1940 he", "the 1924 election")
// or a date modifier ("late 1924") may as well belong to what follows.
bool attaches_backwards(const Candidate& c, const Question& q, std::string_view sentence) {
    if ((q.type != AnswerType::Date && q.type != AnswerType::Year) || !c.date || c.begin == 0) {
        return false;
    }
    std::size_t end = c.begin;
    while (end > 0 && sentence[end - 1] == ' ') {
        --end;
    }
    std::size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(sentence[begin - 1]))) {
        --begin;
    }
    if (begin == end || (begin > 0 && sentence[begin - 1] != ' ')) {
        return false;  // punctuation or a digit before: no word to lean on
    }
    std::string word(sentence.substr(begin, end - begin));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char ch) {
        return static_cast<char>(std::tolower(ch));
    });
    static constexpr std::string_view kModifiers[] = {"early",
                                                      "late",
                                                      "mid",
                                                      "end",
                                                      "beginning",
                                                      "spring",
                                                      "summer",
                                                      "autumn",
                                                      "fall",
                                                      "winter",
                                                      "circa",
                                                      "ca",
                                                      "c",
                                                      "around",
                                                      "about",
                                                      "approximately",
                                                      "year",
                                                      "years"};
    return !text::is_stop_word(word)
           && std::none_of(std::begin(kModifiers), std::end(kModifiers), [&](std::string_view w) {
                  return word == w;
              });
}

// The end of a sentence-opening participle clause ("Serving in the war before overseeing the
// founding in 1922, she took power in 1924"), or 0 when the sentence opens otherwise. Such a
// clause tells of another action than the main verb's.
std::size_t participle_clause_end(std::string_view sentence) {
    std::size_t word_end = 0;
    while (word_end < sentence.size()
           && std::isalpha(static_cast<unsigned char>(sentence[word_end]))) {
        ++word_end;
    }
    const std::string first = padded_lower(sentence.substr(0, word_end));
    // Prepositions and openers that look like participles but head a phrase about the main verb.
    static constexpr std::string_view kNotParticiples[] = {
        " during ",          " following ",   " including ", " according ", " regarding ",
        " concerning ",      " considering ", " excluding ", " beginning ", " starting ",
        " notwithstanding ", " pending ",     " nothing ",   " something ", " everything ",
        " anything ",        " king ",        " spring ",    " morning ",   " evening ",
        " thing ",           " string ",      " ring ",      " wing "};
    if (word_end < 5 || !first.ends_with("ing ")
        || std::any_of(std::begin(kNotParticiples),
                       std::end(kNotParticiples),
                       [&](std::string_view w) { return first == w; })) {
        return 0;
    }
    const std::size_t comma = sentence.find(", ", word_end);
    return comma == std::string_view::npos ? 0 : comma;
}

// Whether the candidate sits in an opening participle clause while every relation word of the
// question the sentence holds is in the main clause: the clause dates or names another action.
bool outside_the_asked_clause(const Candidate& c,
                              const TermMatches& m,
                              const Question& q,
                              std::string_view sentence) {
    const std::size_t clause_end = participle_clause_end(sentence);
    if (clause_end == 0 || c.end > clause_end) {
        return false;
    }
    bool any = false;
    for (std::size_t t = 0; t < m.term_positions.size(); ++t) {
        if (q.terms[t].proper || q.terms[t].focus) {
            continue;
        }
        for (std::uint32_t pos : m.term_positions[t]) {
            if (pos < clause_end) {
                return false;
            }
            any = true;
        }
    }
    return any;
}

// How close the candidate sits to each matched key term (nearest occurrence), averaged with the
// terms' weights: an answer is usually next to the words of the question.
double proximity(const Candidate& c,
                 const TermMatches& m,
                 const Question& q,
                 std::string_view sentence) {
    double total = 0;
    double sum = 0;
    const std::uint32_t trailing_gap = attaches_backwards(c, q, sentence) ? kStatementGap : 0;
    for (std::size_t t = 0; t < m.term_positions.size(); ++t) {
        if (m.term_positions[t].empty() || q.terms[t].focus) {
            continue;
        }
        std::uint32_t best = UINT32_MAX;
        for (std::uint32_t pos : m.term_positions[t]) {
            const std::uint32_t d =
                pos >= c.end ? pos - c.end + trailing_gap : (c.begin >= pos ? c.begin - pos : 0);
            best = std::min(best, d);
        }
        const double words = static_cast<double>(best) / 6.0;
        // The relation words ("chairman", "die") place the answer; names and numbers of the
        // question mostly say which one.
        const double w = q.terms[t].weight * (q.terms[t].proper ? 1.0 : kRelationWeight);
        sum += w / (1.0 + words / 4.0);
        total += w;
    }
    if (total <= 0) {
        return 0;
    }
    if (outside_the_asked_clause(c, m, q, sentence)) {
        return kOtherClauseShare * sum / total;
    }
    // Without a typed answer ("what did X name"), the asked-for object usually follows the
    // question's words in a statement rather than preceding them all.
    const bool untyped = q.type == AnswerType::Other || q.type == AnswerType::Definition;
    const bool before_all = std::all_of(
        m.positions.begin(), m.positions.end(), [&](std::uint32_t pos) { return c.end <= pos; });
    return (untyped && before_all && !m.positions.empty() ? kLeadingSpanShare : 1.0) * sum / total;
}

// "... was assassinated by X": the agent of a passive verb is what "who did it" asks for.
double agent_cue(const Candidate& c, std::string_view sentence, const Question& q) {
    if (q.type != AnswerType::Person || c.begin < 3) {
        return 1.0;
    }
    const std::string_view before = sentence.substr(c.begin - 3, 3);
    return before == "by " ? 1.5 : 1.0;
}

// Whether the word at `pos` is the end of a period: "until (his|her|the ...) death".
bool ends_a_period(std::string_view sentence, std::uint32_t pos) {
    const std::string before = padded_lower(
        sentence.substr(pos - std::min<std::uint32_t>(pos, 18), std::min<std::uint32_t>(pos, 18)));
    for (std::string_view cue : {" until ", " till ", " up to "}) {
        const std::size_t at = before.rfind(cue);
        if (at == std::string::npos) {
            continue;
        }
        // At most one word (a possessive or an article) between the cue and the event word.
        const std::string_view between = std::string_view(before).substr(at + cue.size());
        if (std::count(between.begin(), between.end(), ' ') <= 2) {
            return true;
        }
    }
    return false;
}

// "companion from 1903 until her death": when the sentence names the asked event only as the
// end of a period ("until her death"), its dates before that say when the period began, not when
// the event happened ("when did she die"). A date after it ("until his death in 1940") still may.
bool starts_the_period_of(const Candidate& c,
                          std::string_view sentence,
                          const TermMatches& m,
                          const Question& q) {
    if (!c.date) {
        return false;
    }
    for (std::size_t t = 0; t < m.term_positions.size(); ++t) {
        const auto& positions = m.term_positions[t];
        if (q.terms[t].proper || positions.empty()) {
            continue;
        }
        // A question word named only as the end of a period, somewhere after the date.
        const bool only_as_end = std::all_of(positions.begin(), positions.end(), [&](auto pos) {
            return ends_a_period(sentence, pos);
        });
        const bool after_date =
            std::any_of(positions.begin(), positions.end(), [&](auto pos) { return pos >= c.end; });
        if (only_as_end && after_date) {
            return true;
        }
    }
    return false;
}

// The words before `at` in `sentence`, lower case, with a leading article of the span skipped:
// "... is known as a guru" gives "... is known as" for the span "guru".
std::string lower_before(std::string_view sentence, std::uint32_t at) {
    std::string before =
        padded_lower(sentence.substr(0, std::min<std::size_t>(at, sentence.size())));
    while (!before.empty() && before.back() == ' ') {
        before.pop_back();
    }
    for (std::string_view article : {" a", " an", " the"}) {
        if (before.ends_with(article)) {
            before.resize(before.size() - article.size());
            break;
        }
    }
    return before;
}

// "The spiritual teacher is known as a guru", "the first settlement was Pons Aelius": a span named
// by a naming verb is what "what is the name of X" asks for, and the complement of a copula after
// every matched word of the question is what "what was the X" asks for.
double naming_cue(const Candidate& c,
                  std::string_view sentence,
                  const TermMatches& m,
                  const Question& q) {
    if (q.type != AnswerType::Other && q.type != AnswerType::Definition) {
        return 1.0;
    }
    const std::string asked = padded_lower(q.text);
    const std::string before = lower_before(sentence, c.begin);
    const bool asks_name = asked.find(" name ") != std::string::npos
                           || asked.find(" called") != std::string::npos
                           || asked.find(" known as") != std::string::npos
                           || asked.find(" term ") != std::string::npos;
    for (std::string_view cue : {" known as", " called", " named", " termed", " referred to as"}) {
        if (asks_name && before.ends_with(cue)) {
            return kNamingBoost;
        }
    }
    const bool asks_what_the =
        asked.starts_with(" what is the ") || asked.starts_with(" what was the ")
        || asked.starts_with(" what are the ") || asked.starts_with(" what were the ");
    const bool copula = asks_what_the
                        && (before.ends_with(" is") || before.ends_with(" was")
                            || before.ends_with(" are") || before.ends_with(" were"));
    const bool all_before = m.positions.size() >= 2
                            && std::all_of(m.positions.begin(),
                                           m.positions.end(),
                                           [&](std::uint32_t pos) { return pos < c.begin; });
    return copula && all_before ? kCopulaBoost : 1.0;
}

bool is_copy(const Passage& p) {
    return (p.flags & 1u) != 0 || (p.doc_flags & 1u) != 0;
}

// The top sentences, skipping near-identical text and questions, up to `limit`.
std::vector<std::size_t> best_sentences(const Context& ctx, std::size_t limit, double min_share) {
    std::vector<std::size_t> out;
    std::set<std::string> seen;
    const double best = ctx.ranked.empty() ? 0 : ctx.scores[ctx.ranked.front()].score;
    for (std::size_t idx : ctx.ranked) {
        if (out.size() >= limit || ctx.scores[idx].score < min_share * best) {
            break;
        }
        const Passage& p = ctx.passages[idx];
        if ((p.flags & 32u) != 0 || (p.flags & 4u) != 0) {
            continue;  // questions and furniture do not answer
        }
        std::string key;
        for (char c : p.ref.text) {
            if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
                key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            }
        }
        if (!seen.insert(key).second) {
            continue;
        }
        out.push_back(idx);
    }
    return out;
}

std::string join_sentences(const Context& ctx, const std::vector<std::size_t>& idx) {
    std::string out;
    for (std::size_t i : idx) {
        if (!out.empty()) {
            out += ' ';
        }
        out += ctx.passages[i].ref.text;
    }
    return out;
}

bool is_explanation(AnswerType type) {
    return type == AnswerType::Definition || type == AnswerType::Reason;
}

// A short sentence, or one opening with a pronoun or demonstrative, leans on the one before.
bool refers_back(std::string_view sentence) {
    static constexpr std::string_view kOpeners[] = {
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "its",
        "his",
        "her",
        "their",
        "such",
        "the latter",
        "the former",
    };
    std::string lower;
    for (char c : sentence.substr(0, 24)) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    const bool opener = std::any_of(std::begin(kOpeners), std::end(kOpeners), [&](auto o) {
        return lower.starts_with(o) && lower.size() > o.size() && lower[o.size()] == ' ';
    });
    const auto words = std::count(sentence.begin(), sentence.end(), ' ') + 1;
    return opener || words < kShortSentenceWords;
}

void set_not_found(const Context& ctx, AskResponse& r) {
    r.status = "not_found";
    r.answer.reset();
    r.answer_text.clear();
    r.conflicts.clear();
    r.closest.clear();
    for (std::size_t i = 0; i < ctx.ranked.size() && i < ctx.k; ++i) {
        r.closest.push_back(support_of(ctx, ctx.ranked[i], ctx.scores[ctx.ranked[i]].score));
    }
}

AnswerGroup to_answer_group(const Context& ctx,
                            const CandidateGroup& g,
                            const std::vector<Candidate>& candidates) {
    AnswerGroup out;
    out.text = g.text;
    out.normalized = g.normalized;
    out.score = g.score;
    out.independent_sources = g.independent_sources;
    std::set<std::size_t> cited;
    for (std::size_t m : g.members) {
        const Candidate& c = candidates[m];
        if (out.support.size() >= ctx.k || !cited.insert(c.passage).second) {
            continue;
        }
        out.support.push_back(support_of(ctx, c.passage, c.score));
    }
    return out;
}

// "Who were Tesla's partners", "which entities", "what countries": the question asks for
// several things (a plural head noun, or "who were"), so a list of them is one answer.
bool asks_for_many(const Question& q) {
    const std::string& f = q.focus;
    const bool plural_focus = f.size() > 3 && f.back() == 's' && !f.ends_with("ss")
                              && !f.ends_with("us") && !f.ends_with("is");
    const std::string lower = padded_lower(q.text);
    return plural_focus || lower.starts_with(" who were ")
           || lower.starts_with(" what were the names ");
}

// "Who did the inventor partner with?": people named together ("Robert Lane and Benjamin Vail")
// do together what the sentence says, so the answer is all of them.
bool names_a_group(const Question& q, const Candidate& head) {
    return (q.type == AnswerType::Person || q.type == AnswerType::Organization)
           && head.type == q.type;
}

bool names_a_question_name(const Question& q, std::string_view sentence, text::Analyzer& analyzer) {
    const TermMatches found = match_terms(q, sentence, analyzer);
    for (std::size_t t = 0; t < q.terms.size(); ++t) {
        if (q.terms[t].proper && found.key_term_found[t]) {
            return true;
        }
    }
    return false;
}

// The coordination ("Robert Lane and Benjamin Vail") of the head's sentence that holds the head
// candidate as one of its items, if any.
std::optional<Candidate> coordination_of(const Context& ctx,
                                         const Candidate& head,
                                         const NameBook& names,
                                         text::Analyzer& analyzer) {
    std::optional<Candidate> best;
    for (Candidate& c : extract_candidates(
             ctx.question, ctx.passages[head.passage], head.passage, names, analyzer)) {
        if (c.origin == CandidateOrigin::Joined && c.begin <= head.begin && c.end >= head.end
            && (!best || c.end - c.begin > best->end - best->begin)) {
            best = std::move(c);
        }
    }
    return best;
}

// "What would be her role?", "what is his job?": a candidate that holds an office or a role held
// by people ("Prime Minister", "economist", "treasurer of the mine") is what such a question asks.
double role_cue(const Candidate& c, const Question& q) {
    if (!q.asks_role) {
        return 1.0;
    }
    std::size_t from = 0;
    while (from < c.normalized.size()) {
        const std::size_t to = std::min(c.normalized.find(' ', from), c.normalized.size());
        const std::string_view word = std::string_view(c.normalized).substr(from, to - from);
        if (extract::lexicon::is_office_head(word) || extract::lexicon::is_person_role(word)) {
            return kRoleBoost;
        }
        from = to + 1;
    }
    return 1.0;
}

std::vector<Candidate> collect_candidates(const Context& ctx,
                                          const NameBook& names,
                                          text::Analyzer& analyzer) {
    std::vector<Candidate> all;
    const std::optional<AnswerSlot> slot =
        find_answer_slot(ctx.question.text, ctx.question.focus, analyzer);
    for (std::size_t r = 0; r < ctx.ranked.size() && r < kCandidatePassages; ++r) {
        const std::size_t idx = ctx.ranked[r];
        const PassageScore& ps = ctx.scores[idx];
        if (ps.score <= 0) {
            break;
        }
        for (Candidate& c :
             extract_candidates(ctx.question, ctx.passages[idx], idx, names, analyzer)) {
            if (c.begin < ps.window_begin || c.end > ps.window_end
                || c.origin == CandidateOrigin::Joined) {
                continue;  // outside the matched part of a long sentence; lists come later
            }
            c.score =
                ps.score * c.type_confidence
                * (1.0 - kProximityShare
                   + kProximityShare
                         * proximity(c, ps.matches, ctx.question, ctx.passages[idx].ref.text))
                * agent_cue(c, ctx.passages[idx].ref.text, ctx.question)
                * naming_cue(c, ctx.passages[idx].ref.text, ps.matches, ctx.question)
                * (slot ? slot_cue(*slot, ctx.passages[idx].ref.text, c.begin, c.end, analyzer)
                        : 1.0)
                * role_cue(c, ctx.question);
            if (starts_the_period_of(c, ctx.passages[idx].ref.text, ps.matches, ctx.question)) {
                continue;
            }
            all.push_back(std::move(c));
        }
    }
    return all;
}

AnswerFeatures base_features(const Context& ctx) {
    AnswerFeatures f;
    if (!ctx.ranked.empty()) {
        const std::size_t top = ctx.ranked.front();
        f.coverage = ctx.scores[top].coverage;
        f.score = ctx.scores[top].score;
        double best_retrieval = 0;
        for (const Passage& p : ctx.passages) {
            best_retrieval = std::max(best_retrieval, p.retrieval_score);
        }
        f.retrieval = best_retrieval > 0 ? ctx.passages[top].retrieval_score / best_retrieval : 0;
    }
    f.margin = 1.0;
    f.sources = 1;
    f.type_match = 1;
    return f;
}

// Words that mark an explanation: a cause for "why", a copula or naming for "what is".
bool has_cue(AnswerType type, std::string_view sentence) {
    static constexpr std::string_view kReasonCues[] = {
        " because ",
        " due to ",
        " since ",
        " as a result",
        " so that ",
        " in order to ",
        " led to ",
        " caused ",
        " owing to ",
        " reason ",
        " therefore ",
        " thus ",
    };
    static constexpr std::string_view kDefinitionCues[] = {
        " is a ",
        " is an ",
        " is the ",
        " was a ",
        " was an ",
        " was the ",
        " are ",
        " were ",
        " refers to ",
        " known as ",
        " means ",
        " called ",
    };
    std::string lower = padded_lower(sentence);
    auto any = [&](const auto& cues) {
        return std::any_of(std::begin(cues), std::end(cues), [&](std::string_view cue) {
            return lower.find(cue) != std::string::npos;
        });
    };
    if (type == AnswerType::Reason) {
        return any(kReasonCues);
    }
    return type == AnswerType::Definition && any(kDefinitionCues);
}

// For explanations, a sentence with a causal or defining cue ranks above an equally matching
// one without.
Context explanation_context(const Context& ctx, std::vector<PassageScore>& boosted) {
    boosted = ctx.scores;
    Context out{ctx.question, ctx.passages, boosted, ctx.ranked, ctx.k};
    for (std::size_t i = 0; i < boosted.size(); ++i) {
        if (has_cue(ctx.question.type, ctx.passages[i].ref.text)) {
            boosted[i].score *= kCueBoost;
        }
    }
    std::stable_sort(out.ranked.begin(), out.ranked.end(), [&](std::size_t a, std::size_t b) {
        return boosted[a].score > boosted[b].score;
    });
    return out;
}

void sentence_answer(const Context& ctx,
                     AskResponse& r,
                     AnswerFeatures& f,
                     std::size_t limit = kMaxAnswerSentences,
                     double min_share = 0.5) {
    const std::vector<std::size_t> best = best_sentences(ctx, limit, min_share);
    if (best.empty() || ctx.scores[best.front()].coverage < kMinCoverage) {
        set_not_found(ctx, r);
        return;
    }
    AnswerGroup g;
    g.text = ctx.passages[best.front()].ref.text;
    g.normalized = g.text;
    g.score = ctx.scores[best.front()].score;
    std::set<std::uint32_t> docs;
    for (std::size_t i : best) {
        g.support.push_back(support_of(ctx, i, ctx.scores[i].score));
        if (!is_copy(ctx.passages[i])) {
            docs.insert(ctx.passages[i].doc_ordinal);
        }
    }
    g.independent_sources = static_cast<std::uint32_t>(std::max<std::size_t>(1, docs.size()));
    r.status = "answered";
    r.answer = std::move(g);
    r.answer_text = join_sentences(ctx, best);
    const Passage& top = ctx.passages[best.front()];
    if (is_explanation(ctx.question.type) && refers_back(top.ref.text) && !top.before.empty()) {
        // "This alliance became known as ...": what it refers to is in the sentence before.
        r.answer_text = top.before + " " + r.answer_text;
    }
    f.coverage = ctx.scores[best.front()].coverage;
    f.score = ctx.scores[best.front()].score;
    f.faq = ctx.scores[best.front()].faq ? 1.0 : 0.0;
    f.sources = static_cast<double>(r.answer->independent_sources);
    f.factoid = 0;
}

int negations(std::string_view text) {
    static constexpr std::string_view kNegations[] = {
        " not ",
        "n't ",
        " never ",
        " no ",
        " neither ",
        " nor ",
        " refused ",
        " declined ",
        " failed ",
    };
    std::string lower = padded_lower(text);
    for (char& c : lower) {
        if (c == ',' || c == '.' || c == ';' || c == '?') {
            c = ' ';
        }
    }
    int n = 0;
    for (std::string_view neg : kNegations) {
        for (std::size_t at = lower.find(neg); at != std::string::npos;
             at = lower.find(neg, at + 1)) {
            ++n;
        }
    }
    return n;
}

void yesno_answer(const Context& ctx, AskResponse& r, AnswerFeatures& f) {
    sentence_answer(ctx, r, f);
    if (r.status != "answered") {
        return;
    }
    const std::size_t top = ctx.ranked.front();
    const bool question_negated = negations(ctx.question.text) % 2 == 1;
    const bool sentence_negated = negations(ctx.passages[top].ref.text) % 2 == 1;
    const std::string verdict = question_negated == sentence_negated ? "yes" : "no";
    r.answer->text = verdict;
    r.answer->normalized = verdict;
    // Negation is judged from one sentence: keep the confidence modest.
    f.type_match = 0.5;
}

std::optional<extract::DateValue> first_date(std::string_view text) {
    for (const extract::DateMention& m : extract::find_dates(text)) {
        if (m.resolved && m.kind != extract::DateKind::Relative) {
            return m.value;
        }
    }
    return std::nullopt;
}

// "Which came first: A or B?": find each option's best dated sentence and compare the dates.
void order_answer(const Context& ctx, text::Analyzer& analyzer, AskResponse& r, AnswerFeatures& f) {
    struct Dated {
        std::optional<extract::DateValue> date;
        std::size_t passage = 0;
        double coverage = 0;
    };
    std::vector<Dated> found(ctx.question.options.size());
    for (std::size_t opt = 0; opt < ctx.question.options.size(); ++opt) {
        Question sub;
        for (std::size_t t : ctx.question.option_terms[opt]) {
            sub.terms.push_back(ctx.question.terms[t]);
        }
        for (std::size_t idx : ctx.ranked) {
            const Passage& p = ctx.passages[idx];
            const TermMatches m = match_terms(sub, p.ref.text, analyzer);
            auto date = first_date(p.ref.text);
            const double cov = m.coverage * flag_quality(p);
            if (date && cov > found[opt].coverage) {
                found[opt] = {date, idx, cov};
            }
        }
    }
    if (found.size() != 2 || !found[0].date || !found[1].date || found[0].coverage < 0.4
        || found[1].coverage < 0.4) {
        set_not_found(ctx, r);
        return;
    }
    const std::size_t first = found[0].date->sort_key() <= found[1].date->sort_key() ? 0 : 1;
    AnswerGroup g;
    g.text = ctx.question.options[first];
    g.normalized = found[first].date->iso();
    g.score = std::min(found[0].coverage, found[1].coverage);
    g.independent_sources = 1;
    g.support.push_back(support_of(ctx, found[first].passage, found[first].coverage));
    g.support.push_back(support_of(ctx, found[1 - first].passage, found[1 - first].coverage));
    r.status = "answered";
    r.answer_text = ctx.passages[found[first].passage].ref.text + " "
                    + ctx.passages[found[1 - first].passage].ref.text;
    r.answer = std::move(g);
    f.coverage = std::min(found[0].coverage, found[1].coverage);
    f.score = f.coverage;
    f.factoid = 1;
}

// How many items a coordination's text joins: "A, B and C" three, "A and the B of C" two.
std::size_t coordinated_items(std::string_view text) {
    auto count = [&](std::string_view sep) {
        std::size_t n = 0;
        for (std::size_t at = text.find(sep); at != std::string_view::npos;
             at = text.find(sep, at + sep.size())) {
            ++n;
        }
        return n;
    };
    return 1 + count(", ") + count(" and ") + count(" or ") + count(" & ") - count(", and ")
           - count(", or ");
}

// "Clara Holm, and Piet Vanderlee was her deputy": two items with a comma before "and" are two
// clauses' subjects, not one list.
bool joins_clauses(std::string_view text) {
    return coordinated_items(text) == 2
           && (text.find(", and ") != std::string_view::npos
               || text.find(", or ") != std::string_view::npos);
}

// "Which two bodies have the veto?": a coordination of the best sentence with as many items as
// asked (two or more when unsaid) is the answer, in the sentence's words and order.
std::optional<Candidate> listed_coordination(const Context& ctx,
                                             const NameBook& names,
                                             text::Analyzer& analyzer) {
    const std::size_t top = ctx.ranked.front();
    std::optional<Candidate> best;
    for (Candidate& c : extract_candidates(ctx.question, ctx.passages[top], top, names, analyzer)) {
        const std::size_t items = coordinated_items(c.text);
        const bool count_fits =
            ctx.question.item_count > 0 ? items == ctx.question.item_count : items >= 2;
        if (c.origin == CandidateOrigin::Joined && count_fits && !joins_clauses(c.text)
            && c.type_confidence >= kMinListTypeConfidence
            && !names_a_question_name(ctx.question, c.text, analyzer)
            && (!best || c.end - c.begin > best->end - best->begin)) {
            best = std::move(c);
        }
    }
    return best;
}

void list_answer(const Context& ctx,
                 text::Analyzer& analyzer,
                 const NameBook& names,
                 AskResponse& r,
                 AnswerFeatures& f) {
    sentence_answer(ctx, r, f);
    if (r.status != "answered") {
        return;
    }
    if (auto listed = listed_coordination(ctx, names, analyzer)) {
        r.answer->text = listed->text;
        r.answer->normalized = listed->normalized;
        return;
    }
    std::vector<Candidate> candidates = collect_candidates(ctx, names, analyzer);
    const std::vector<CandidateGroup> groups = group_candidates(candidates, ctx.passages);
    std::string items;
    std::size_t count = 0;
    for (const CandidateGroup& g : groups) {
        const std::size_t limit =
            ctx.question.item_count > 0 ? ctx.question.item_count : kMaxListItems;
        if (count >= limit || g.score < 0.3 * groups.front().score) {
            break;
        }
        items += (items.empty() ? "" : ", ") + g.text;
        ++count;
    }
    if (!items.empty()) {
        r.answer->text = items;
        r.answer->normalized = items;
    }
}

// The clause of `sentence` that gives a cause: from "because" (kept) or after "due to", "in order
// to", "so that", "as a result of" up to the next comma, semicolon or the end. Empty when none.
std::string cause_clause(std::string_view sentence) {
    static constexpr std::pair<std::string_view, bool> kCues[] = {
        {"because ", true},
        {"due to ", false},
        {"owing to ", false},
        {"in order to ", false},
        {"so that ", false},
        {"as a result of ", false},
    };
    std::string lower;
    for (char c : sentence) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    for (const auto& [cue, keep] : kCues) {
        const std::size_t at = lower.find(cue);
        if (at == std::string::npos || (at > 0 && lower[at - 1] != ' ')) {
            continue;
        }
        const std::size_t from = keep ? at : at + cue.size();
        std::size_t to = lower.find_first_of(",;.", from);
        to = to == std::string::npos ? sentence.size() : to;
        if (to > from + 2) {
            return std::string(sentence.substr(from, to - from));
        }
    }
    return {};
}

// The best candidate span of the answer's own sentences as the short answer; the sentences stay
// the answer text. With `keep_sentence` (definitions, reasons) the answer stays the sentence and
// the span becomes its normalised value (the key phrase).
void short_span(const Context& ctx,
                text::Analyzer& analyzer,
                const NameBook& names,
                AskResponse& r,
                bool keep_sentence = false) {
    if (r.status != "answered" || !r.answer || r.answer->support.empty()) {
        return;
    }
    std::vector<Candidate> candidates = collect_candidates(ctx, names, analyzer);
    const std::string& best_sentence = r.answer->support.front().sentence.text;
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
        if (ctx.passages[c.passage].ref.text != best_sentence) {
            continue;
        }
        // On a tie the longer span wins: it holds the shorter one ("SI unit of ..." over "SI").
        if (best == nullptr || c.score > best->score * 1.02
            || (c.score > best->score * 0.98 && c.end - c.begin > best->end - best->begin
                && c.begin <= best->begin && c.end >= best->end)) {
            best = &c;
        }
    }
    const std::string cause = ctx.question.type == AnswerType::Reason
                                  ? cause_clause(r.answer->support.front().sentence.text)
                                  : std::string();
    if (keep_sentence && !cause.empty()) {
        r.answer->normalized = cause;
    } else if (best != nullptr && keep_sentence) {
        r.answer->normalized = best->text;
    } else if (best != nullptr) {
        r.answer->text = best->text;
        r.answer->normalized = best->normalized;
    }
}

// A sentence that states most of the question yet holds no value of the expected type ("who" and
// "two research teams"): its best noun phrase answers, at a lower confidence. Otherwise not found.
void phrase_answer(const Context& ctx,
                   text::Analyzer& analyzer,
                   const NameBook& names,
                   AskResponse& r,
                   AnswerFeatures& f) {
    const PassageScore& top = ctx.scores[ctx.ranked.front()];
    if (top.coverage < kPhraseCoverage || top.proper_missing) {
        set_not_found(ctx, r);
        return;
    }
    Question untyped = ctx.question;
    untyped.type = AnswerType::Other;
    const Context other{untyped, ctx.passages, ctx.scores, ctx.ranked, ctx.k};
    sentence_answer(other, r, f);
    short_span(other, analyzer, names, r);
    f.type_match = 0.5;
}

// Two values a few units apart: eight and nine years, the 20th and the 21st of one month. Sources
// that disagree this narrowly speak of the same thing, so the rival needs less of the question's
// wording to count as a conflict.
bool near_values(const Candidate& a, const Candidate& b) {
    if (a.date && b.date) {
        const extract::DateValue& x = *a.date;
        const extract::DateValue& y = *b.date;
        return x.precision == extract::DatePrecision::Day
               && y.precision == extract::DatePrecision::Day && x.year == y.year
               && x.month == y.month && std::abs(int{x.day} - int{y.day}) <= kNearDays;
    }
    if (a.type != AnswerType::Number || b.type != AnswerType::Number) {
        return false;
    }
    const auto x = parse_number(a.normalized);
    const auto y = parse_number(b.normalized);
    return x && y && std::fabs(*x - *y) <= std::max(1.0, kNearNumberShare * std::max(*x, *y));
}

// "What was the name of the freighter": only a sentence that speaks of a freighter (itself or
// its neighbours) can name it.
bool speaks_of_focus(const Context& ctx, std::size_t passage, text::Analyzer& analyzer) {
    if (!ctx.question.focus_required) {
        return true;
    }
    const auto& terms = ctx.question.terms;
    const auto focus =
        std::find_if(terms.begin(), terms.end(), [](const KeyTerm& k) { return k.focus; });
    if (focus == terms.end()) {
        return true;
    }
    const auto t = static_cast<std::size_t>(focus - terms.begin());
    if (ctx.scores[passage].matches.key_term_found[t]) {
        return true;
    }
    const Passage& p = ctx.passages[passage];
    return match_terms(ctx.question, p.before + " " + p.after, analyzer).key_term_found[t];
}

void factoid_answer(const Context& ctx,
                    text::Analyzer& analyzer,
                    const NameBook& names,
                    AskResponse& r,
                    AnswerFeatures& f) {
    if (ctx.question.type == AnswerType::Other && ctx.scores[ctx.ranked.front()].faq) {
        // The collection asks the same question and answers it: its answer is the answer, its
        // best span the short form.
        sentence_answer(ctx, r, f);
        short_span(ctx, analyzer, names, r);
        return;
    }
    std::vector<Candidate> candidates = collect_candidates(ctx, names, analyzer);
    const std::vector<CandidateGroup> groups = group_candidates(candidates, ctx.passages);
    if (groups.empty() || groups.front().score < kMinFactoidScore) {
        if (!speaks_of_focus(ctx, ctx.ranked.front(), analyzer)) {
            set_not_found(ctx, r);
        } else if (ctx.question.type == AnswerType::Other) {
            sentence_answer(ctx, r, f);
            short_span(ctx, analyzer, names, r);
        } else {
            phrase_answer(ctx, analyzer, names, r, f);
        }
        return;
    }
    const CandidateGroup& best = groups.front();
    const Candidate& head = candidates[best.members.front()];
    // A person for "which hospital": the evidence is about something else.
    const bool wrong_type =
        is_named_entity(ctx.question.type) && best.best_type_confidence < kMinTypeConfidence;
    if (wrong_type || !speaks_of_focus(ctx, head.passage, analyzer)
        || ctx.scores[head.passage].coverage < kMinCoverage
        || (ctx.scores[head.passage].common_coverage < kMinCommonCoverage
            && ctx.scores[head.passage].coverage < kFullCoverage)) {
        set_not_found(ctx, r);
        return;
    }
    r.status = "answered";
    r.answer = to_answer_group(ctx, best, candidates);
    if (asks_for_many(ctx.question) || names_a_group(ctx.question, head)) {
        auto list = coordination_of(ctx, head, names, analyzer);
        if (list && !asks_for_many(ctx.question)
            && (names_a_question_name(ctx.question, list->text, analyzer)
                || joins_clauses(list->text))) {
            list.reset();  // "who founded it with Berg": the others of "Olsen and Berg"
        }
        if (list) {
            r.answer->text = list->text;
            r.answer->normalized = list->normalized;
        }
    }
    std::vector<std::size_t> text_passages = {head.passage};
    for (std::size_t g = 1; g < groups.size() && r.conflicts.size() < kMaxConflicts; ++g) {
        const CandidateGroup& rival = groups[g];
        const Candidate& rival_head = candidates[rival.members.front()];
        // Another source must say it: a sentence does not contradict itself, nor a document.
        const bool other_source =
            ctx.passages[rival_head.passage].doc_ordinal != ctx.passages[head.passage].doc_ordinal;
        const PassageScore& rival_passage = ctx.scores[rival_head.passage];
        const bool near = near_values(head, rival_head) && rival_passage.common_coverage > 0;
        if (other_source && rival.score >= kConflictShare * best.score
            && rival_passage.score >= (near ? kNearConflictPassageShare : kConflictPassageShare)
                                          * ctx.scores[head.passage].score
            && rival_passage.coverage >= (near ? kNearConflictCoverage : kConflictCoverage)
            && !rival_passage.proper_missing
            && (rival_passage.common_coverage >= kConflictCoverage || near)
            && rival.best_type_confidence >= 0.9 && best.best_type_confidence >= 0.9
            && groups_conflict(best, rival, candidates)) {
            r.conflicts.push_back(to_answer_group(ctx, rival, candidates));
            if (std::find(text_passages.begin(), text_passages.end(), rival_head.passage)
                == text_passages.end()) {
                text_passages.push_back(rival_head.passage);
            }
        }
    }
    r.answer_text = join_sentences(ctx, text_passages);
    f.coverage = ctx.scores[head.passage].coverage;
    f.score = best.score;
    f.faq = ctx.scores[head.passage].faq ? 1.0 : 0.0;
    f.margin = groups.size() > 1 ? 1.0 - groups[1].score / best.score : 1.0;
    f.sources = best.independent_sources;
    f.type_match = best.best_type_confidence;
    f.factoid = 1;
}

}  // namespace

AnswerOutcome AnswerBuilder::build(const Question& question,
                                   std::vector<Passage> passages,
                                   const NameBook& names,
                                   std::uint32_t k,
                                   text::Analyzer& analyzer) const {
    const std::vector<PassageScore> scores = score_passages(question, passages, analyzer);
    Context ctx{question, passages, scores, {}, std::max<std::uint32_t>(k, 1)};
    ctx.ranked.resize(passages.size());
    std::iota(ctx.ranked.begin(), ctx.ranked.end(), std::size_t{0});
    std::stable_sort(ctx.ranked.begin(), ctx.ranked.end(), [&](std::size_t a, std::size_t b) {
        return scores[a].score > scores[b].score;
    });

    NameBook book = names;
    for (const Passage& p : passages) {
        if (!p.lower_case) {
            learn_names(p.ref.text, book, analyzer);
        }
    }

    AnswerOutcome out;
    AskResponse& r = out.response;
    r.question = question.text;
    r.type = std::string(answer_type_name(question.type));
    for (const KeyTerm& t : question.terms) {
        r.key_terms.push_back(t.surface);
    }
    AnswerFeatures f = base_features(ctx);
    if (ctx.ranked.empty()) {
        set_not_found(ctx, r);
    } else if (!question.options.empty()) {
        order_answer(ctx, analyzer, r, f);
    } else if (question.type == AnswerType::Definition || question.type == AnswerType::Reason) {
        std::vector<PassageScore> boosted;
        const Context explanation = explanation_context(ctx, boosted);
        // An explanation often spans sentences: give a little more of the best evidence.
        sentence_answer(explanation, r, f, kMaxExplanationSentences, kExplanationShare);
        short_span(explanation, analyzer, book, r, /*keep_sentence=*/true);
    } else if (question.type == AnswerType::YesNo) {
        yesno_answer(ctx, r, f);
    } else if (question.type == AnswerType::List) {
        list_answer(ctx, analyzer, book, r, f);
    } else {
        factoid_answer(ctx, analyzer, book, r, f);
    }
    r.confidence = r.status == "answered" ? model_.probability(f) : 0.0;
    if (r.status != "answered") {
        r.closest.clear();
        for (std::size_t i = 0; i < ctx.ranked.size() && i < ctx.k; ++i) {
            r.closest.push_back(support_of(ctx, ctx.ranked[i], scores[ctx.ranked[i]].score));
        }
    }
    out.features = f;
    return out;
}

}  // namespace iskra::answer
