#include "iskra/answer/candidate_extractor.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "iskra/answer/verb_lexicon.hpp"
#include "iskra/extract/date_finder.hpp"
#include "iskra/extract/entity_finder.hpp"
#include "iskra/extract/word_scanner.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr std::array<std::pair<std::string_view, int>, 28> kNumberWords = {{
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"hundred", 100},
}};

constexpr double kMistypedName = 0.2;         // entity_type_confidence of a name of another type
constexpr double kLowerCaseChunkShare = 0.8;  // a chunk of lower-cased text taken as a name
constexpr std::size_t kMaxChunkWords = 8;
constexpr std::size_t kMaxJoinedItems = 6;
constexpr double kGroupForPersonConfidence = 0.5;
constexpr double kQuestionNamePenalty = 0.4;  // a candidate holding the question's own name
constexpr std::size_t kMaxNameWords = 4;
constexpr double kFocusPhraseConfidence = 0.7;  // a noun phrase headed by the question's head noun
constexpr double kFocusNeighbourBoost = 1.4;    // a candidate right next to the head noun
constexpr double kQuotedConfidence = 0.6;       // a span in quotation marks
constexpr std::uint32_t kMaxJoinBytes = 5;      // space and quotation marks between two spans
constexpr std::uint32_t kMaxAppositionBytes = 60;
constexpr long kMaxQuotedWords = 8;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::optional<int> number_word(std::string_view word) {
    const std::string lower = lower_ascii(word);
    for (const auto& [name, value] : kNumberWords) {
        if (lower == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::string format_number(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) {
        return std::to_string(static_cast<long long>(std::llround(v)));
    }
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    return s;
}

bool names_a_thing(const KeyTerm& k) {
    return k.proper && !k.focus && !std::all_of(k.surface.begin(), k.surface.end(), [](char ch) {
               return ch >= '0' && ch <= '9';
           });
}

// The question's names as runs of adjacent proper key terms ("Genghis Khan" is one name, of two
// terms): indices into question.terms.
std::vector<std::vector<std::size_t>> question_names(const Question& question) {
    std::vector<std::vector<std::size_t>> out;
    std::size_t last_end = std::string::npos;
    for (std::size_t t = 0; t < question.terms.size(); ++t) {
        const KeyTerm& k = question.terms[t];
        const std::size_t at =
            k.surface.empty() ? std::string::npos : question.text.find(k.surface);
        if (!names_a_thing(k) || at == std::string::npos) {
            last_end = std::string::npos;
            continue;
        }
        if (out.empty() || last_end == std::string::npos || at != last_end + 1) {
            out.emplace_back();
        }
        out.back().push_back(t);
        last_end = at + k.surface.size();
    }
    return out;
}

// True when `candidate` holds one of the question's names whole (every term of it, or aliases):
// "Economist Joseph Stiglitz" holds "Stiglitz", "Hulagu Khan" does not hold "Genghis Khan".
bool holds_question_name(const Question& question,
                         std::string_view candidate,
                         text::Analyzer& analyzer) {
    const std::vector<text::Token> tokens = analyzer.analyze(candidate);
    auto has = [&](const KeyTerm& k) {
        return std::any_of(tokens.begin(), tokens.end(), [&](const text::Token& token) {
            return std::find(k.terms.begin(), k.terms.end(), token.term) != k.terms.end();
        });
    };
    for (const std::vector<std::size_t>& name : question_names(question)) {
        if (std::all_of(
                name.begin(), name.end(), [&](std::size_t t) { return has(question.terms[t]); })) {
            return true;
        }
    }
    return false;
}

// True when every content word of `candidate` is one of the question's key terms.
bool only_question_words(const Question& question,
                         std::string_view candidate,
                         text::Analyzer& analyzer) {
    bool any = false;
    for (const text::Token& token : analyzer.analyze(candidate)) {
        const std::string folded =
            analyzer.fold(candidate.substr(token.begin, token.end - token.begin));
        if (text::is_stop_word(folded)) {
            continue;
        }
        any = true;
        const bool in_question =
            std::any_of(question.terms.begin(), question.terms.end(), [&](const KeyTerm& k) {
                return std::find(k.terms.begin(), k.terms.end(), token.term) != k.terms.end();
            });
        if (!in_question) {
            return false;
        }
    }
    return any;
}

void add_date_candidates(const Question& question,
                         const Passage& passage,
                         std::size_t idx,
                         std::vector<Candidate>& out) {
    const std::string& text = passage.ref.text;
    for (const extract::DateMention& m : extract::find_dates(text)) {
        if (!m.resolved || m.kind == extract::DateKind::Relative) {
            continue;
        }
        Candidate c;
        c.origin = CandidateOrigin::Date;
        c.type = question.type;
        c.passage = idx;
        c.begin = m.begin;
        c.end = m.end_byte;
        c.date = m.value;
        c.text = m.text_without_aside(text);  // "7 November 1879", not its Old Style bracket
        c.normalized = m.value.iso();
        if (m.end.has_value()) {
            c.normalized += "/" + m.end->iso();
        }
        if (question.type == AnswerType::Year) {
            c.normalized = std::to_string(m.value.year);
            c.text = c.normalized;
        }
        // A lifespan "(1879–1940)" is a weak answer to "when did X happen".
        c.type_confidence = m.kind == extract::DateKind::Lifespan ? 0.3 : 1.0;
        out.push_back(std::move(c));
    }
}

bool inside_any(std::uint32_t begin,
                std::uint32_t end,
                const std::vector<extract::DateMention>& dates) {
    return std::any_of(dates.begin(), dates.end(), [&](const extract::DateMention& m) {
        return begin >= m.begin && end <= m.end_byte;
    });
}

// "37.6 billion", "40 percent", "12%": the scale or unit word after a number is part of it.
void extend_with_scale(std::string_view text,
                       const std::vector<extract::ScanToken>& tokens,
                       std::size_t i,
                       std::uint32_t& end,
                       double& value) {
    static constexpr std::array<std::pair<std::string_view, double>, 9> kScales = {{
        {"thousand", 1e3},
        {"million", 1e6},
        {"billion", 1e9},
        {"trillion", 1e12},
        {"percent", 1},
        {"per cent", 1},
        {"%", 1},
        {"dozen", 12},
        {"hundred", 100},
    }};
    if (i + 1 >= tokens.size()) {
        return;
    }
    const extract::ScanToken& next = tokens[i + 1];
    const std::string word = lower_ascii(text.substr(next.begin, next.end - next.begin));
    for (const auto& [name, factor] : kScales) {
        if (word == name) {
            end = next.end;
            value *= factor;
            return;
        }
    }
}

// "over 5,100", "more than 70,000", "up to 30%": an approximation word before the number.
void extend_with_qualifier(std::string_view text,
                           const std::vector<extract::ScanToken>& tokens,
                           std::size_t first,
                           std::uint32_t& begin) {
    auto word = [&](std::size_t k) {
        return lower_ascii(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    };
    if (first == 0 || tokens[first - 1].kind != extract::TokenKind::Word) {
        return;
    }
    const std::string prev = word(first - 1);
    static constexpr std::array<std::string_view, 8> kSingle = {
        "over", "about", "around", "nearly", "approximately", "almost", "roughly", "some"};
    if (std::find(kSingle.begin(), kSingle.end(), prev) != kSingle.end()) {
        begin = tokens[first - 1].begin;
        return;
    }
    if (first >= 2 && tokens[first - 2].kind == extract::TokenKind::Word) {
        const std::string pair = word(first - 2) + " " + prev;
        if (pair == "more than" || pair == "less than" || pair == "up to" || pair == "at least"
            || pair == "fewer than") {
            begin = tokens[first - 2].begin;
        }
    }
}

// "six years" for "how long": the time unit after a duration.
void extend_with_unit(std::string_view text,
                      const std::vector<extract::ScanToken>& tokens,
                      std::size_t last,
                      std::uint32_t& end) {
    static constexpr std::array<std::string_view, 12> kUnits = {"years",
                                                                "year",
                                                                "months",
                                                                "month",
                                                                "weeks",
                                                                "week",
                                                                "days",
                                                                "day",
                                                                "hours",
                                                                "hour",
                                                                "minutes",
                                                                "centuries"};
    if (last + 1 >= tokens.size()) {
        return;
    }
    const extract::ScanToken& next = tokens[last + 1];
    const std::string w = lower_ascii(text.substr(next.begin, next.end - next.begin));
    if (std::find(kUnits.begin(), kUnits.end(), w) != kUnits.end()) {
        end = next.end;
    }
}

// Tokens i+1 and i+2 are a hyphen or en dash and a number, glued: a range ("27-30", "9–18").
bool range_follows(std::string_view text,
                   const std::vector<extract::ScanToken>& tokens,
                   std::size_t i) {
    if (i + 2 >= tokens.size() || !tokens[i + 1].glued || !tokens[i + 2].glued
        || tokens[i + 2].kind != extract::TokenKind::Number) {
        return false;
    }
    const std::string_view dash =
        text.substr(tokens[i + 1].begin, tokens[i + 1].end - tokens[i + 1].begin);
    return dash == "-" || dash == "\u2013";
}

// "565 °C", "30°F": a temperature's unit is part of it.
void extend_with_degrees(std::string_view text, std::uint32_t& end) {
    for (std::string_view unit : {" \u00b0C", "\u00b0C", " \u00b0F", "\u00b0F"}) {
        if (text.substr(end).starts_with(unit)) {
            end += static_cast<std::uint32_t>(unit.size());
            return;
        }
    }
}

// "every five years" for "how often": the frequency word before a duration.
void extend_with_every(std::string_view text,
                       const std::vector<extract::ScanToken>& tokens,
                       std::size_t first,
                       std::uint32_t& begin) {
    if (first > 0 && tokens[first - 1].kind == extract::TokenKind::Word
        && lower_ascii(text.substr(tokens[first - 1].begin,
                                   tokens[first - 1].end - tokens[first - 1].begin))
               == "every") {
        begin = tokens[first - 1].begin;
    }
}

void add_number_candidates(const Question& question,
                           const Passage& passage,
                           std::size_t idx,
                           std::vector<Candidate>& out) {
    const std::string& text = passage.ref.text;
    const std::vector<extract::DateMention> dates = extract::find_dates(text);
    const std::vector<extract::ScanToken> tokens = extract::scan_words(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const extract::ScanToken& t = tokens[i];
        std::string_view word = std::string_view(text).substr(t.begin, t.end - t.begin);
        std::optional<double> value;
        const std::size_t start_token = i;
        std::uint32_t begin = t.begin;
        std::uint32_t end = t.end;
        if (t.kind == extract::TokenKind::Number) {
            if (t.glued && i > 0 && tokens[i - 1].kind == extract::TokenKind::Word) {
                continue;  // "office13": part of glued infobox text
            }
            // Digit groups "10,000" and decimals "2.5".
            while (i + 2 < tokens.size() && tokens[i + 2].kind == extract::TokenKind::Number
                   && tokens[i + 1].glued && tokens[i + 2].glued
                   && (text[tokens[i + 1].begin] == ',' || text[tokens[i + 1].begin] == '.')
                   && tokens[i + 1].end == tokens[i + 1].begin + 1) {
                i += 2;
                end = tokens[i].end;
            }
            value = parse_number(std::string_view(text).substr(begin, end - begin));
            if (i + 1 < tokens.size() && tokens[i + 1].glued
                && tokens[i + 1].kind == extract::TokenKind::Word) {
                continue;  // "6th", "1920s"
            }
            if (inside_any(begin, end, dates) && value && *value >= 1000 && *value <= 2100) {
                continue;  // a year
            }
            if (begin > 0 && text[begin - 1] == '$') {
                --begin;
            }
            if (range_follows(text, tokens, i)) {
                i += 2;  // "27-30%", "9–18": the range is the value as written
                end = tokens[i].end;
            }
        } else if (t.kind == extract::TokenKind::Word) {
            if (auto v = number_word(word)) {
                value = *v;
            }
        }
        if (!value) {
            continue;
        }
        extend_with_scale(text, tokens, i, end, *value);
        extend_with_degrees(text, end);
        // The value as the text qualifies it: "over 37 million", "up to 30%", "six years".
        std::uint32_t shown_begin = begin;
        std::uint32_t shown_end = end;
        extend_with_qualifier(text, tokens, start_token, shown_begin);
        if (question.focus == "long" || question.focus == "often") {
            extend_with_unit(text, tokens, i, shown_end);
        }
        if (question.focus == "often" && shown_end > end) {
            extend_with_every(text, tokens, start_token, shown_begin);
        }
        Candidate c;
        c.origin = CandidateOrigin::Number;
        c.type = AnswerType::Number;
        c.passage = idx;
        c.begin = shown_begin;
        c.end = shown_end;
        c.text = text.substr(shown_begin, shown_end - shown_begin);
        c.normalized = format_number(*value);
        c.type_confidence = 1.0;
        out.push_back(std::move(c));
    }
}

bool type_matches(AnswerType expected, extract::EntityType found) {
    switch (expected) {
        case AnswerType::Person:
            return found == extract::EntityType::Person;
        case AnswerType::Place:
            return found == extract::EntityType::Place;
        case AnswerType::Organization:
            return found == extract::EntityType::Organization;
        default:
            return true;
    }
}

double entity_type_confidence(const Question& question, extract::EntityType found) {
    const AnswerType expected = question.type;
    if (expected == AnswerType::List && is_named_entity(question.item_type)) {
        // "which three leaders": the items are of the head noun's type.
        return type_matches(question.item_type, found) ? 1.0
               : found == extract::EntityType::Unknown ? 0.4
                                                       : 0.15;
    }
    if (expected == AnswerType::List) {
        return found == extract::EntityType::Person ? 1.0 : 0.6;
    }
    if (expected == AnswerType::Other || expected == AnswerType::Definition
        || expected == AnswerType::Reason) {
        // No typed head noun: a name is one noun phrase among others.
        return 0.5;
    }
    if (found == extract::EntityType::Unknown) {
        return 0.5;
    }
    // "Who won the final?", "who halted the advance?": a team, an army or a party does things
    // people do, so an organisation may answer "who", if less surely than a person.
    if (expected == AnswerType::Person && found == extract::EntityType::Organization) {
        return kGroupForPersonConfidence;
    }
    return type_matches(expected, found) ? 1.0 : 0.15;
}

bool word_boundary(std::string_view s, std::size_t pos) {
    if (pos == 0 || pos >= s.size()) {
        return true;
    }
    const auto c = static_cast<unsigned char>(s[pos]);
    const auto p = static_cast<unsigned char>(s[pos - 1]);
    auto is_word = [](unsigned char x) {
        return std::isalnum(x) != 0 || x >= 0x80;
    };
    return !is_word(c) || !is_word(p);
}

void add_known_names(const Question& question,
                     const Passage& passage,
                     std::size_t idx,
                     const NameBook& names,
                     text::Analyzer& analyzer,
                     std::vector<Candidate>& out) {
    const std::string folded = analyzer.fold(passage.ref.text);
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (const std::string& name : names.names_longest_first()) {
        std::size_t at = folded.find(name);
        while (at != std::string::npos) {
            const std::size_t end = at + name.size();
            const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& r) {
                return at < r.second && end > r.first;
            });
            if (!overlaps && word_boundary(folded, at) && word_boundary(folded, end)) {
                taken.emplace_back(at, end);
                const NameBook::Entry* e = names.find(name);
                Candidate c;
                c.origin = CandidateOrigin::KnownName;
                c.type = question.type;
                c.passage = idx;
                c.begin = static_cast<std::uint32_t>(std::min(at, passage.ref.text.size()));
                c.end = static_cast<std::uint32_t>(std::min(end, passage.ref.text.size()));
                c.text = e->display;
                c.normalized = name;
                c.type_confidence = entity_type_confidence(question, e->type);
                out.push_back(std::move(c));
            }
            at = folded.find(name, at + 1);
        }
    }
}

void add_entity_candidates(const Question& question,
                           const Passage& passage,
                           std::size_t idx,
                           const NameBook& names,
                           text::Analyzer& analyzer,
                           std::vector<Candidate>& out) {
    const std::string& text = passage.ref.text;
    if (passage.lower_case) {
        add_known_names(question, passage, idx, names, analyzer, out);
    }
    const extract::SentenceEntities found = extract::find_entities(text, passage.lower_case);
    for (const extract::EntityMention& m : found.mentions) {
        Candidate c;
        c.origin = CandidateOrigin::Entity;
        c.type = question.type;
        c.passage = idx;
        c.begin = m.begin;
        c.end = m.end;
        c.text = m.surface;
        c.normalized = analyzer.fold(m.surface);
        c.type_confidence = entity_type_confidence(question, m.type);
        if ((m.flags & extract::kSentenceInitial) != 0) {
            c.type_confidence *= 0.7;
        }
        out.push_back(std::move(c));
    }
    for (const extract::AliasStatement& a : found.aliases) {
        Candidate c;
        c.origin = CandidateOrigin::Alias;
        c.type = question.type;
        c.passage = idx;
        c.begin = a.position;
        c.end = static_cast<std::uint32_t>(
            std::min<std::size_t>(a.position + a.alias.size(), text.size()));
        c.text = a.alias;
        c.normalized = analyzer.fold(a.alias);
        // "pen name X", "born X", "known as X": exactly what "under what name" asks.
        c.type_confidence = question.type == AnswerType::Person ? 0.9 : 0.4;
        out.push_back(std::move(c));
    }
}

// Whether the token is one of the question's key terms (with `proper_only`, one of its names).
bool question_term_at(const Question& q,
                      std::string_view text,
                      const extract::ScanToken& token,
                      text::Analyzer& analyzer,
                      bool proper_only = false) {
    const std::string term = analyzer.term(text.substr(token.begin, token.end - token.begin));
    return std::any_of(q.terms.begin(), q.terms.end(), [&](const KeyTerm& k) {
        return (!proper_only || k.proper)
               && std::find(k.terms.begin(), k.terms.end(), term) != k.terms.end();
    });
}

// Prepositions and adverbs the stop-word list lacks that never start or end an answer phrase.
bool is_edge_word(std::string_view word) {
    static constexpr std::array<std::string_view, 15> kEdgeWords = {
        "since",
        "via",
        "including",
        "namely",
        "such",
        "per",
        "upon",
        "towards",
        "toward",
        "onto",
        "within",
        "across",
        "often",
        "usually",
        "also",
    };
    return std::find(kEdgeWords.begin(), kEdgeWords.end(), word) != kEdgeWords.end();
}

void push_chunk(const Passage& passage,
                std::size_t idx,
                AnswerType type,
                const std::vector<extract::ScanToken>& tokens,
                std::size_t from,
                std::size_t to,
                std::vector<Candidate>& out) {
    const std::string& text = passage.ref.text;
    auto is_stop = [&](std::size_t i) {
        const std::string word = lower_ascii(
            std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        return text::is_stop_word(word) || is_edge_word(word);
    };
    auto is_clitic = [&](std::size_t i) {
        // The "'s" of a possessive whose owner is a question word: not part of the answer.
        const std::string_view t =
            std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
        return t == "'" || (t == "s" && tokens[i].glued);
    };
    while (from < to && (is_stop(from) || is_clitic(from))) {
        ++from;
    }
    while (to > from && is_stop(to - 1)) {
        --to;
    }
    if (from >= to) {
        return;
    }
    const std::size_t words = to - from;
    Candidate c;
    c.origin = CandidateOrigin::Chunk;
    c.type = type;
    c.passage = idx;
    c.begin = tokens[from].begin;
    c.end = tokens[to - 1].end;
    c.text = text.substr(c.begin, c.end - c.begin);
    c.normalized = lower_ascii(c.text);
    // "e-mail" and "e mail" are one value.
    std::replace(c.normalized.begin(), c.normalized.end(), '-', ' ');
    // Short noun-phrase-like spans are the usual shape of an extractive answer; a lone lower-case
    // word is more often an adjective or a verb than the thing asked for.
    const bool lone_lower =
        words == 1 && !tokens[from].capitalized && tokens[from].kind == extract::TokenKind::Word;
    // A lone letter ("M", "x") names a variable, rarely an answer.
    const bool tiny = c.text.size() <= 2;
    c.type_confidence = tiny ? 0.2 : lone_lower ? 0.4 : words == 1 ? 0.45 : words <= 4 ? 0.5 : 0.35;
    out.push_back(std::move(c));
}

// Words that end a noun phrase: verbs, auxiliaries, relative words and "-ly" adverbs (lower-case
// only, so that names like "Reading" or "Fielding" stay inside their phrase).
//
// With `lexicon`, also WordNet's verb-only words ("consists", "include"): not in lower-cased text,
// where a name may be such a word ("harry").
bool clause_word(std::string_view word, bool capitalized, bool lexicon) {
    static constexpr std::array<std::string_view, 56> kClauseWords = {
        "is",     "was",   "were",  "are",   "be",     "been",  "being",   "has",
        "have",   "had",   "does",  "did",   "do",     "can",   "could",   "will",
        "would",  "may",   "might", "must",  "should", "shall", "that",    "which",
        "who",    "whom",  "whose", "where", "when",   "while", "because", "although",
        "though", "if",    "but",   "he",    "she",    "it",    "they",    "we",
        "found",  "gave",  "gives", "began", "made",   "makes", "became",  "becomes",
        "took",   "takes", "went",  "came",  "said",   "says",  "known",   "called",
    };
    if (capitalized && word.size() > 1) {
        return false;
    }
    const std::string lower = lower_ascii(word);
    if (std::find(kClauseWords.begin(), kClauseWords.end(), lower) != kClauseWords.end()
        || (lexicon && VerbLexicon::system().verb_only(lower))) {
        return true;
    }
    return (lower.size() >= 5 && (lower.ends_with("ing") || lower.ends_with("ly")))
           || (lower.size() >= 4 && lower.ends_with("ed"));
}

bool determiner(std::string_view word) {
    const std::string lower = lower_ascii(word);
    return lower == "the" || lower == "a" || lower == "an" || lower == "its" || lower == "their"
           || lower == "his" || lower == "her" || lower == "this" || lower == "these";
}

// Whether token `i` ends a noun phrase as a verb: a clause word, except a gerund or participle
// after a determiner ("the working fluid"); or a lower-case word right before a determiner
// ("Immunology covers the study": nouns are rarely followed by an article).
bool verb_like_at(std::string_view text,
                  const std::vector<extract::ScanToken>& tokens,
                  std::size_t i,
                  bool lexicon) {
    auto word = [&](std::size_t k) {
        return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    };
    if (clause_word(word(i), tokens[i].capitalized, lexicon)) {
        const bool after_determiner =
            i > 0 && tokens[i - 1].kind == extract::TokenKind::Word && determiner(word(i - 1));
        const std::string lower = lower_ascii(word(i));
        const bool modifier = lower.ends_with("ing") || lower.ends_with("ed");
        return !(after_determiner && modifier);
    }
    const std::string lower = lower_ascii(word(i));
    return !tokens[i].capitalized && i + 1 < tokens.size()
           && tokens[i + 1].kind == extract::TokenKind::Word && determiner(word(i + 1))
           && !text::is_stop_word(lower) && (!lexicon || VerbLexicon::system().can_be_verb(lower));
}

// The question's head noun ("which principle", "what river"), when it has one.
const KeyTerm* focus_term(const Question& question) {
    for (const KeyTerm& k : question.terms) {
        if (k.focus) {
            return &k;
        }
    }
    return nullptr;
}

bool focus_at(const KeyTerm& focus,
              std::string_view text,
              const extract::ScanToken& token,
              text::Analyzer& analyzer) {
    if (token.kind != extract::TokenKind::Word) {
        return false;
    }
    const std::string term = analyzer.term(text.substr(token.begin, token.end - token.begin));
    return std::find(focus.terms.begin(), focus.terms.end(), term) != focus.terms.end();
}

// Spans between punctuation and the question's own words: noun-phrase-like chunks for questions
// whose answer type has no dedicated extractor ("what did X build", "what is the X of Y").
//
// With `names`, the chunks are read as names of lower-cased text: only the question's names
// (proper terms) split them, and its other words are trimmed from their edges, since a name may
// hold a word of the question ("workers" of "south russian workers' union").
void add_chunk_candidates(const Question& question,
                          const Passage& passage,
                          std::size_t idx,
                          text::Analyzer& analyzer,
                          std::vector<Candidate>& out,
                          bool names = false) {
    const std::string& text = passage.ref.text;
    const std::vector<extract::ScanToken> tokens = extract::scan_words(text);
    // A date is answered by its own extractor ("when"): it is no part of a noun phrase.
    const std::vector<extract::DateMention> dates = extract::find_dates(text);
    const KeyTerm* focus = focus_term(question);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        const bool boundary =
            i == tokens.size() || inside_any(tokens[i].begin, tokens[i].end, dates)
            || (tokens[i].kind == extract::TokenKind::Punct && text[tokens[i].begin] != '-'
                && text[tokens[i].begin] != '\'' && text[tokens[i].begin] != '%'
                && text[tokens[i].begin] != '$')
            || (tokens[i].kind == extract::TokenKind::Word
                && verb_like_at(text, tokens, i, !passage.lower_case))
            || (tokens[i].kind == extract::TokenKind::Word
                && question_term_at(question, text, tokens[i], analyzer, names))
            // "house island corfu": in lower-cased text the head noun parts a name from
            // the words before it.
            || (names && focus != nullptr && focus_at(*focus, text, tokens[i], analyzer));
        if (!boundary) {
            continue;
        }
        std::size_t from = start;
        std::size_t to = i;
        while (names && from < to && question_term_at(question, text, tokens[from], analyzer)) {
            ++from;
        }
        while (names && to > from && question_term_at(question, text, tokens[to - 1], analyzer)) {
            --to;
        }
        const auto words = static_cast<std::size_t>(std::count_if(
            tokens.begin() + static_cast<std::ptrdiff_t>(from),
            tokens.begin() + static_cast<std::ptrdiff_t>(to),
            [](const extract::ScanToken& t) { return t.kind != extract::TokenKind::Punct; }));
        if (to > from && words <= (names ? kMaxNameWords : kMaxChunkWords)) {
            push_chunk(passage, idx, question.type, tokens, from, to, out);
        }
        start = i + 1;
    }
}

// A chunk that holds words of the question is a weaker candidate than one without them.
constexpr double kSpanningChunkShare = 0.9;

// "Computational complexity theory" for "what branch ... classifying computational problems",
// "the problem instance" for "in a computational problem, what ...": an answer phrase may hold
// some of the question's words. The chunks between punctuation, dates and verbs that cross a
// question word (the ordinary chunks stop there) are candidates too, a little weaker.
void add_spanning_chunks(const Question& question,
                         const Passage& passage,
                         std::size_t idx,
                         text::Analyzer& analyzer,
                         std::vector<Candidate>& out) {
    const std::string& text = passage.ref.text;
    const std::vector<extract::ScanToken> tokens = extract::scan_words(text);
    const std::vector<extract::DateMention> dates = extract::find_dates(text);
    std::size_t start = 0;
    bool crosses = false;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        const bool boundary = i == tokens.size()
                              || inside_any(tokens[i].begin, tokens[i].end, dates)
                              || (tokens[i].kind == extract::TokenKind::Punct
                                  && text[tokens[i].begin] != '-' && text[tokens[i].begin] != '\''
                                  && text[tokens[i].begin] != '%' && text[tokens[i].begin] != '$')
                              || (tokens[i].kind == extract::TokenKind::Word
                                  && verb_like_at(text, tokens, i, !passage.lower_case));
        // Only a plain noun phrase: a preposition or clause word inside it ("proclamation by
        // the shaman X", "respect to the value") joins two phrases, one of them the question's.
        const std::string lower = i < tokens.size() ? lower_ascii(std::string_view(text).substr(
                                      tokens[i].begin, tokens[i].end - tokens[i].begin))
                                                    : std::string();
        const bool joins_phrases = i < tokens.size() && i > start
                                   && (text::is_stop_word(lower) || is_edge_word(lower))
                                   && lower != "of" && lower != "the" && lower != "and";
        if (joins_phrases) {
            crosses = false;
            start = i + 1;
            continue;
        }
        if (!boundary) {
            crosses = crosses
                      || (tokens[i].kind == extract::TokenKind::Word && i > start
                          && question_term_at(question, text, tokens[i], analyzer));
            continue;
        }
        const auto words = static_cast<std::size_t>(std::count_if(
            tokens.begin() + static_cast<std::ptrdiff_t>(start),
            tokens.begin() + static_cast<std::ptrdiff_t>(i),
            [](const extract::ScanToken& t) { return t.kind != extract::TokenKind::Punct; }));
        if (crosses && words <= kMaxChunkWords) {
            const std::size_t first = out.size();
            push_chunk(passage, idx, question.type, tokens, start, i, out);
            for (std::size_t c = first; c < out.size(); ++c) {
                out[c].type_confidence *= kSpanningChunkShare;
                out[c].origin = CandidateOrigin::Spanning;
            }
        }
        start = i + 1;
        crosses = false;
    }
}

constexpr double kPossessivePenalty = 0.6;

// A word that may stand inside a noun phrase around the head noun: not a stop word, not a verb,
// not another word of the question.
bool phrase_word(const Question& question,
                 std::string_view text,
                 const std::vector<extract::ScanToken>& tokens,
                 std::size_t i,
                 text::Analyzer& analyzer) {
    const extract::ScanToken& t = tokens[i];
    if (t.kind == extract::TokenKind::Punct) {
        return false;
    }
    const std::string word = lower_ascii(text.substr(t.begin, t.end - t.begin));
    return !text::is_stop_word(word) && !is_edge_word(word) && !verb_like_at(text, tokens, i, true)
           && !question_term_at(question, text, t, analyzer);
}

// Tokens `i - 2 .. i` are "'" "s" glued to the word before: a possessive.
bool possessive_s(std::string_view text,
                  const std::vector<extract::ScanToken>& tokens,
                  std::size_t i) {
    return i >= 2 && tokens[i].glued && tokens[i - 1].glued
           && text.substr(tokens[i].begin, 1) == "s" && tokens[i].end == tokens[i].begin + 1
           && (text[tokens[i - 1].begin] == '\''
               || text.substr(tokens[i - 1].begin, 3) == "\u2019");
}

// "The principle of faunal succession", "Brocard's conjecture", "the Charles River": the noun
// phrase whose head is the question's head noun, with the words that tell which one it is. The
// head noun alone answers nothing, so a phrase needs at least one other word.
void add_focus_phrases(const Question& question,
                       const Passage& passage,
                       std::size_t idx,
                       text::Analyzer& analyzer,
                       std::vector<Candidate>& out) {
    const KeyTerm* focus = focus_term(question);
    if (focus == nullptr || passage.lower_case) {
        return;  // without function words, the words next to a noun need not be its phrase
    }
    const std::string& text = passage.ref.text;
    const std::vector<extract::ScanToken> tokens = extract::scan_words(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!focus_at(*focus, text, tokens[i], analyzer)) {
            continue;
        }
        std::size_t from = i;
        while (from > 0 && i - from < kMaxNameWords) {
            if (from >= 3 && possessive_s(text, tokens, from - 1)) {
                if (!phrase_word(question, text, tokens, from - 3, analyzer)) {
                    break;
                }
                from -= 3;  // "Brocard's conjecture"
            } else if (phrase_word(question, text, tokens, from - 1, analyzer)) {
                --from;
            } else {
                break;
            }
        }
        std::size_t to = i + 1;
        if (to + 1 < tokens.size() && lower_ascii(text.substr(tokens[to].begin, 2)) == "of"
            && tokens[to].end == tokens[to].begin + 2) {
            std::size_t last = to + 1;
            while (last < tokens.size() && last - to <= kMaxNameWords
                   && phrase_word(question, text, tokens, last, analyzer)) {
                ++last;
            }
            if (last > to + 1) {
                to = last;
            }
        }
        if (to - from < 2) {
            continue;
        }
        Candidate c;
        c.origin = CandidateOrigin::Focus;
        c.type = question.type;
        c.passage = idx;
        c.begin = tokens[from].begin;
        c.end = tokens[to - 1].end;
        c.text = text.substr(c.begin, c.end - c.begin);
        c.normalized = lower_ascii(c.text);
        c.type_confidence = kFocusPhraseConfidence;
        out.push_back(std::move(c));
    }
}

// A chunk (from index `first` on) holding a name known to be of another type than the one asked
// ("jean marc dubois" for "which hospital") is that name, not a name of the asked type.
// When a person is asked, a chunk holding a known person is that person too: the name alone is the
// better span ("venn", not "labour movement venn"), while the names of organisations and
// places often hold other names ("south russian workers' union").
void drop_chunks_over_names(std::vector<Candidate>& out, std::size_t first, bool person_asked) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> named;
    for (std::size_t i = 0; i < first && i < out.size(); ++i) {
        if (person_asked || out[i].type_confidence < kMistypedName) {
            named.emplace_back(out[i].begin, out[i].end);
        }
    }
    if (named.empty()) {
        return;
    }
    std::vector<Candidate> kept(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(first));
    for (std::size_t i = first; i < out.size(); ++i) {
        const bool over = std::any_of(named.begin(), named.end(), [&](const auto& r) {
            return out[i].begin < r.second && out[i].end > r.first;
        });
        if (!over) {
            kept.push_back(std::move(out[i]));
        }
    }
    out = std::move(kept);
}

// A possessive clitic ('s, ’s, or a bare apostrophe after s) right at `at`.
bool possessive_at(std::string_view text, std::size_t at) {
    const std::string_view rest = text.substr(std::min(at, text.size()));
    return rest.starts_with("'s") || rest.starts_with("\u2019s") || rest.starts_with("' ");
}

// A title or term in quotation marks ("A Machine to End War", “Ein feste Burg”): one value,
// whatever words it holds.
void add_quoted_spans(const Question& question,
                      const Passage& passage,
                      std::size_t idx,
                      std::vector<Candidate>& out) {
    static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
        {"\"", "\""}, {"\u201c", "\u201d"}};
    const std::string& text = passage.ref.text;
    for (const auto& [open, close] : kQuotes) {
        std::size_t at = text.find(open);
        while (at != std::string::npos) {
            const std::size_t begin = at + open.size();
            const std::size_t end = text.find(close, begin);
            if (end == std::string::npos) {
                break;
            }
            const std::string_view inner = std::string_view(text).substr(begin, end - begin);
            const auto words = std::count(inner.begin(), inner.end(), ' ') + 1;
            if (!inner.empty() && inner.front() != ' ' && words <= kMaxQuotedWords) {
                Candidate c;
                c.origin = CandidateOrigin::Quoted;
                c.type = question.type;
                c.passage = idx;
                c.begin = static_cast<std::uint32_t>(begin);
                c.end = static_cast<std::uint32_t>(end);
                c.text = std::string(inner);
                while (!c.text.empty() && (c.text.back() == ',' || c.text.back() == '.')) {
                    c.text.pop_back();
                    --c.end;
                }
                c.normalized = lower_ascii(c.text);
                c.type_confidence = kQuotedConfidence;
                out.push_back(std::move(c));
            }
            at = text.find(open, end + close.size());
        }
    }
}

// Whether only spaces and quotation marks, or " of ", stand between two spans ("the hymn
// \"Ein feste Burg\"", "the river Cam", "the city of Lyon").
bool joined(std::string_view text, std::uint32_t from, std::uint32_t to) {
    if (to < from || to - from > kMaxJoinBytes) {
        return false;
    }
    const std::string gap = lower_ascii(text.substr(from, to - from));
    if (gap == " of ") {
        return true;
    }
    std::string_view rest = gap;
    while (!rest.empty()) {
        if (rest.front() == ' ' || rest.front() == '"') {
            rest.remove_prefix(1);
        } else if (rest.starts_with("\u201c") || rest.starts_with("\u201d")) {
            rest.remove_prefix(3);
        } else {
            return false;
        }
    }
    return true;
}

// "the Tyne and Wear Metro, a system of ... railways": a name followed by an apposition whose
// head is the question's head noun (before the next comma) is one of those.
bool apposition_of(std::string_view text, std::uint32_t end, std::uint32_t focus_begin) {
    if (focus_begin <= end || focus_begin - end > kMaxAppositionBytes) {
        return false;
    }
    const std::string_view gap = text.substr(end, focus_begin - end);
    const bool opens = gap.starts_with(", a ") || gap.starts_with(", an ")
                       || gap.starts_with(", the ") || gap.starts_with(", one of ");
    return opens && gap.find_first_of(",;()", 1) == std::string_view::npos;
}

// "the Charles River", "the hospital of X", "X, a hospital in ...": a candidate right next to the
// question's head noun, or named by an apposition headed by it, is of the kind asked for.
void favour_focus_neighbours(const Question& question,
                             std::string_view text,
                             text::Analyzer& analyzer,
                             std::vector<Candidate>& out) {
    const KeyTerm* focus = focus_term(question);
    if (focus == nullptr || out.empty()) {
        return;
    }
    const std::vector<extract::ScanToken> tokens = extract::scan_words(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!focus_at(*focus, text, tokens[i], analyzer)) {
            continue;
        }
        const std::uint32_t fb = tokens[i].begin;
        const std::uint32_t fe = tokens[i].end;
        for (Candidate& c : out) {
            const bool before =
                c.end <= fb && (joined(text, c.end, fb) || apposition_of(text, c.end, fb));
            const bool after = c.begin >= fe && joined(text, fe, c.begin);
            if (before || after) {
                c.type_confidence = std::min(1.0, c.type_confidence * kFocusNeighbourBoost);
            }
        }
    }
}

// A pronunciation ("[iˈvan pʲɪˈtrof]"): IPA letters or spacing modifier letters (U+0250 to
// U+02FF, UTF-8 lead bytes 0xC9 to 0xCB) are no part of a name or value as people write them.
bool phonetic(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char ch) {
        const auto b = static_cast<unsigned char>(ch);
        return b >= 0xC9 && b <= 0xCB;
    });
}

// The separator between two items of a coordination at `at`, or 0 bytes when none; `last` tells
// whether it closes the list ("and", "or", "&").
std::size_t coordination_at(std::string_view text, std::size_t at, bool& last) {
    static constexpr std::pair<std::string_view, bool> kSeparators[] = {
        {", and ", true},
        {", or ", true},
        {" and ", true},
        {" or ", true},
        {" & ", true},
        {"/", true},
        {", ", false},
    };
    for (const auto& [sep, closes] : kSeparators) {
        if (text.substr(std::min(at, text.size())).starts_with(sep)) {
            last = closes;
            return sep.size();
        }
    }
    return 0;
}

// The bytes of an article and its space at `at` ("the Council"), or 0.
std::size_t article_at(std::string_view text, std::size_t at) {
    for (std::string_view article : {"the ", "The ", "a ", "an "}) {
        if (text.substr(std::min(at, text.size())).starts_with(article)) {
            return article.size();
        }
    }
    return 0;
}

bool joinable(const Candidate& c) {
    return c.origin != CandidateOrigin::Date && c.origin != CandidateOrigin::Alias;
}

// "Robert Lane and Benjamin Vail", "China, Japan and Korea", "HIV/AIDS": candidates of one
// sentence joined by commas and a closing "and"/"or" are also one answer (the list).
void add_coordinations(const Passage& passage, std::vector<Candidate>& out) {
    const std::string& text = passage.ref.text;
    const std::size_t count = out.size();
    for (std::size_t first = 0; first < count; ++first) {
        if (!joinable(out[first])) {
            continue;
        }
        std::size_t cur = first;
        for (std::size_t items = 1; items < kMaxJoinedItems; ++items) {
            bool closes = false;
            const std::size_t gap = coordination_at(text, out[cur].end, closes);
            if (gap == 0) {
                break;
            }
            const std::size_t next_begin =
                out[cur].end + gap + article_at(text, out[cur].end + gap);
            std::size_t next = count;
            for (std::size_t k = 0; k < count; ++k) {
                if (joinable(out[k]) && out[k].begin == next_begin
                    && (next == count || out[k].end > out[next].end)) {
                    next = k;
                }
            }
            if (next == count) {
                break;
            }
            cur = next;
            if (closes) {
                Candidate c = out[first];
                c.origin = CandidateOrigin::Joined;
                c.end = out[cur].end;
                c.text = text.substr(c.begin, c.end - c.begin);
                c.normalized = lower_ascii(c.text);
                c.date.reset();
                out.push_back(std::move(c));
                break;
            }
        }
    }
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if ((c >= '0' && c <= '9') || c == '.') {
            digits.push_back(c);
        } else if (c != ',' && c != '$') {
            break;
        }
    }
    if (!digits.empty()) {
        double v = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec == std::errc()) {
            return v;
        }
        return std::nullopt;
    }
    // "forty-two", "sixty"
    double total = 0;
    bool any = false;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t cut = rest.find_first_of(" -");
        const std::string_view part = rest.substr(0, cut);
        if (auto v = number_word(part)) {
            total = *v == 100 && total > 0 ? total * 100 : total + *v;
            any = true;
        } else if (!part.empty()) {
            return std::nullopt;
        }
        rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
    return any ? std::optional<double>(total) : std::nullopt;
}

void learn_names(std::string_view sentence, NameBook& names, text::Analyzer& analyzer) {
    const extract::SentenceEntities found = extract::find_entities(sentence, false);
    for (const extract::EntityMention& m : found.mentions) {
        if ((m.flags & extract::kSentenceInitial) != 0 || m.surface.size() < 4) {
            continue;
        }
        names.add(analyzer.fold(m.surface), m.surface, m.type);
    }
}

std::vector<Candidate> extract_candidates(const Question& question,
                                          const Passage& passage,
                                          std::size_t passage_index,
                                          const NameBook& names,
                                          text::Analyzer& analyzer) {
    std::vector<Candidate> out;
    switch (question.type) {
        case AnswerType::Date:
        case AnswerType::Year:
            add_date_candidates(question, passage, passage_index, out);
            break;
        case AnswerType::Number:
            add_number_candidates(question, passage, passage_index, out);
            break;
        case AnswerType::Person:
        case AnswerType::Place:
        case AnswerType::Organization:
        case AnswerType::List:
            add_entity_candidates(question, passage, passage_index, names, analyzer, out);
            if (passage.lower_case && question.type != AnswerType::List) {
                // Lower-cased text hides names: its noun-phrase chunks may be names too.
                const std::size_t first = out.size();
                add_chunk_candidates(question, passage, passage_index, analyzer, out, true);
                for (std::size_t i = first; i < out.size(); ++i) {
                    out[i].type_confidence *= kLowerCaseChunkShare;
                }
                drop_chunks_over_names(out, first, question.type == AnswerType::Person);
            }
            break;
        case AnswerType::Other:
        case AnswerType::Definition:
        case AnswerType::Reason:
            add_entity_candidates(question, passage, passage_index, names, analyzer, out);
            add_chunk_candidates(question, passage, passage_index, analyzer, out);
            add_spanning_chunks(question, passage, passage_index, analyzer, out);
            add_focus_phrases(question, passage, passage_index, analyzer, out);
            if (question.type == AnswerType::Other) {
                add_quoted_spans(question, passage, passage_index, out);
            }
            break;
        default:
            break;
    }
    if (question.type != AnswerType::Date && question.type != AnswerType::Year
        && !passage.lower_case) {
        add_coordinations(passage, out);
    }
    if (is_named_entity(question.type) || question.type == AnswerType::List) {
        for (Candidate& c : out) {
            if (possessive_at(passage.ref.text, c.end)) {
                // "X's orders", "X's wife": the name qualifies another noun, which the sentence
                // is about; the one asked for is more often elsewhere.
                c.type_confidence *= kPossessivePenalty;
            }
        }
    }
    // Lower-cased text without its stop words puts unrelated words side by side ("taken
    // hospital"): there, being next to the head noun says nothing.
    if (question.type != AnswerType::Date && question.type != AnswerType::Year
        && question.type != AnswerType::Number && !passage.lower_case) {
        favour_focus_neighbours(question, passage.ref.text, analyzer, out);
    }
    for (Candidate& c : out) {
        if (!c.date && holds_question_name(question, c.text, analyzer)) {
            // "Economist Joseph Stiglitz" for "what did Stiglitz present": the question's own
            // subject is rarely its answer.
            c.type_confidence *= kQuestionNamePenalty;
        }
    }
    std::erase_if(out, [&](const Candidate& c) {
        if (phonetic(c.text)) {
            return true;
        }
        const bool has_alnum = std::any_of(c.text.begin(), c.text.end(), [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) != 0
                   || static_cast<unsigned char>(ch) >= 0x80;
        });
        return !has_alnum || only_question_words(question, c.text, analyzer);
    });
    return out;
}

}  // namespace iskra::answer
