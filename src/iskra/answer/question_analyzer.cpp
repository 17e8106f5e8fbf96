#include "iskra/answer/question_analyzer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "iskra/answer/lexical_synonyms.hpp"
#include "iskra/answer/question_words.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr double kYearWeight = 0.75;      // a year of the question, vs 1.5 for a name
constexpr double kValueNounWeight = 0.1;  // "date" in "what date": the value is the word

template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

constexpr std::array<std::string_view, 7> kRoleNouns = {
    "role", "job", "profession", "occupation", "position", "post", "title"};
constexpr std::array<std::string_view, 4> kPossessivePronouns = {"his", "her", "their", "its"};

constexpr std::array<std::string_view, 16> kAuxiliaries = {
    "did",
    "does",
    "do",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "can",
    "could",
    "will",
    "would",
    "should",
    "am",
};
constexpr std::array<std::string_view, 14> kLeadingPrepositions = {
    "in",
    "on",
    "at",
    "to",
    "from",
    "under",
    "for",
    "by",
    "during",
    "with",
    "of",
    "after",
    "before",
    "into",
};
constexpr std::array<std::string_view, 11> kListVerbs = {
    "name",
    "list",
    "give",
    "enumerate",
    "identify",
    "mention",
    "cite",
    "state",
    "tell",
    "show",
    "what're",
};
constexpr std::array<std::string_view, 13> kCountWords = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "some",
    "all",
    "both",
};
constexpr std::array<std::string_view, 11> kNumberAdjectives = {
    "many",
    "much",
    "old",
    "long",
    "far",
    "tall",
    "big",
    "large",
    "high",
    "often",
    "deep",
};
constexpr std::array<std::string_view, 2> kYearNouns = {"year", "century"};
constexpr std::array<std::string_view, 6> kDateNouns = {
    "date", "day", "month", "decade", "period", "era"};
constexpr std::array<std::string_view, 58> kPersonNouns = {
    "person",    "man",      "woman",     "leader",    "president",   "king",        "queen",
    "emperor",   "officer",  "wife",      "husband",   "son",         "daughter",    "father",
    "mother",    "brother",  "sister",    "author",    "writer",      "founder",     "name",
    "pseudonym", "nickname", "alias",     "successor", "predecessor", "assassin",    "killer",
    "murderer",  "chairman", "commander", "general",   "minister",    "secretary",   "inventor",
    "director",  "actor",    "actress",   "player",    "scientist",   "philosopher", "composer",
    "painter",   "poet",     "ruler",     "spouse",    "surname",     "boss",        "chief",
    "architect", "singer",   "explorer",  "pope",      "prince",      "princess",    "dictator",
    "head",      "agent",
};
constexpr std::array<std::string_view, 34> kPlaceNouns = {
    "place",        "city",          "town",     "village",   "country",   "island",   "state",
    "region",       "province",      "county",   "continent", "river",     "mountain", "lake",
    "sea",          "ocean",         "location", "capital",   "street",    "district", "area",
    "hospital",     "building",      "prison",   "port",      "nation",    "site",     "territory",
    "neighborhood", "neighbourhood", "suburb",   "colony",    "peninsula", "where",
};
// Kinds of place and organisation a text usually names along with the name ("the village of X",
// "X hospital", "the newspaper X"): a sentence that never speaks of one cannot say which it was.
constexpr std::array<std::string_view, 16> kNamedKindNouns = {
    "village",
    "island",
    "hospital",
    "prison",
    "river",
    "mountain",
    "lake",
    "street",
    "suburb",
    "peninsula",
    "newspaper",
    "journal",
    "magazine",
    "school",
    "church",
    "university",
};
constexpr std::array<std::string_view, 37> kOrganizationNouns = {
    "organisation", "organization", "party",       "newspaper", "company",     "group",
    "union",        "team",         "university",  "agency",    "club",        "journal",
    "magazine",     "committee",    "institution", "school",    "college",     "church",
    "band",         "firm",         "corporation", "movement",  "association", "society",
    "council",      "publisher",    "network",     "channel",   "station",     "bank",
    "league",       "paper",        "periodical",  "faction",   "army",        "international",
    "government",
};
constexpr std::array<std::string_view, 23> kNumberNouns = {
    "number", "amount", "population",  "percentage", "percent", "age",
    "size",   "length", "height",      "distance",   "cost",    "price",
    "speed",  "weight", "episode",     "category",   "wage",    "salary",
    "rate",   "score",  "temperature", "value",      "code",
};
constexpr std::array<std::string_view, 10> kWeakVerbs = {
    "do",
    "make",
    "take",
    "get",
    "use",
    "have",
    "become",
    "go",
    "come",
    "put",
};

bool is_question_word(std::string_view w) {
    return w == "who" || w == "whom" || w == "whose" || w == "what" || w == "which" || w == "when"
           || w == "where" || w == "why" || w == "how";
}

bool is_count_word(std::string_view w) {
    return one_of(w, kCountWords) || (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
               return c >= '0' && c <= '9';
           }) && w.size() == 1);
}

// "three" -> 3, "4" -> 4; 0 for anything else.
std::size_t count_of(std::string_view w) {
    static constexpr std::array<std::string_view, 9> kNumbers = {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (std::size_t i = 0; i < kNumbers.size(); ++i) {
        if (w == kNumbers[i]) {
            return i + 2;
        }
    }
    return w.size() == 1 && w[0] >= '2' && w[0] <= '9' ? static_cast<std::size_t>(w[0] - '0') : 0;
}

bool looks_plural(std::string_view w) {
    return w == "children" || w == "people" || w == "men" || w == "women"
           || (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us"));
}

std::optional<AnswerType> type_of_noun(std::string_view w) {
    if (one_of(w, kYearNouns)) {
        return AnswerType::Year;
    }
    if (one_of(w, kDateNouns)) {
        return AnswerType::Date;
    }
    std::string singular(w);
    if (singular.size() > 3 && singular.back() == 's' && !singular.ends_with("ss")) {
        singular.pop_back();
    }
    if (one_of(singular, kPersonNouns) || w == "people" || w == "children") {
        return AnswerType::Person;
    }
    if (one_of(singular, kPlaceNouns)) {
        return AnswerType::Place;
    }
    if (one_of(singular, kOrganizationNouns)) {
        return AnswerType::Organization;
    }
    if (one_of(singular, kNumberNouns)) {
        return AnswerType::Number;
    }
    return std::nullopt;
}

struct Typing {
    AnswerType type = AnswerType::Other;
    std::size_t focus_index = static_cast<std::size_t>(-1);
    bool focus_required = false;  // see Question::focus_required
};

bool is_order_question(const std::vector<QuestionWord>& w) {
    bool first = false;
    bool either = false;
    for (const QuestionWord& word : w) {
        first = first || word.lower == "first" || word.lower == "earlier" || word.lower == "before";
        either = either || word.lower == "or";
    }
    return first && either && w.size() > 2 && (w[0].lower == "which" || w[0].lower == "what")
           && (w[1].lower == "came" || w[1].lower == "happened" || w[1].lower == "occurred"
               || w[1].lower == "was" || w[1].lower == "took" || w[1].lower == "event");
}

// Verbs whose object is an explanation rather than a thing: "what does X mean", "what did X
// believe", "what did X want to achieve".
constexpr std::array<std::string_view, 14> kExplanationVerbs = {
    "mean",
    "means",
    "believe",
    "think",
    "want",
    "achieve",
    "argue",
    "advocate",
    "stand",
    "represent",
    "teach",
    "propose",
    "hold",
    "claim",
};

bool looks_like_verb(std::string_view w) {
    return (w.size() >= 5 && (w.ends_with("ed") || w.ends_with("ing"))) || w == "called"
           || w == "made" || w == "done" || w == "used" || w == "known" || w == "considered";
}

// After "what" + an auxiliary and no typed noun: is a definition or explanation asked ("what is
// a kernel module", "what did X believe"), or a thing ("what is chloroplast DNA abbreviated as",
// "what does immunodeficiency cause", "what is the usual source of heat for boiling water")?
bool asks_explanation(const std::vector<QuestionWord>& w, std::size_t wh) {
    if (wh + 2 >= w.size()) {
        return true;
    }
    const std::string& aux = w[wh + 1].lower;
    const bool copula = aux == "is" || aux == "was" || aux == "are" || aux == "were";
    if (!copula) {
        // "what did/does X <verb>": an explanation only for verbs of meaning and belief.
        for (std::size_t i = wh + 2; i < w.size(); ++i) {
            if (one_of(w[i].lower, kExplanationVerbs)) {
                return true;
            }
        }
        return false;
    }
    const std::size_t rest = w.size() - (wh + 2);
    for (std::size_t i = wh + 2; i < w.size(); ++i) {
        if (!w[i].capitalized && looks_like_verb(w[i].lower)) {
            return false;  // "what is X called", "what was X used for"
        }
    }
    return rest <= 6;
}

constexpr std::size_t kNamedNounWords = 4;

// "the name of X's older brother": the thing named is the head noun after "of" (a person);
// "the name of the freighter": an untyped thing. Either way the answer's sentence must speak of
// it: the question presumes one.
// `from` is the first word after "of".
Typing type_of_named(const std::vector<QuestionWord>& w, std::size_t from) {
    Typing t;
    for (std::size_t j = from; j < w.size() && j < from + kNamedNounWords; ++j) {
        if (auto type = type_of_noun(w[j].lower)) {
            t.type = *type;
            t.focus_index = j;
            t.focus_required = true;
            return t;
        }
    }
    std::size_t noun = from;
    while (noun + 1 < w.size() && (text::is_stop_word(w[noun].lower) || w[noun].possessive)) {
        ++noun;
    }
    t.focus_index = noun;
    t.focus_required = true;
    return t;
}

constexpr std::array<std::string_view, 4> kRelativeWords = {"that", "which", "whose", "whom"};

// The head noun after "what"/"which": the first typed noun before the verb.
Typing type_after_what(const std::vector<QuestionWord>& w, std::size_t wh) {
    Typing t;
    for (std::size_t i = wh + 1; i < w.size() && i < wh + 6; ++i) {
        const std::string& word = w[i].lower;
        if (i > wh + 1 && one_of(word, kRelativeWords)) {
            break;  // "what conjecture holds that ... amount": the head noun came before
        }
        if (one_of(word, kAuxiliaries)) {
            // "what is the name of", "what was the capital of": the noun after the verb.
            const bool copula = word == "is" || word == "was" || word == "are" || word == "were";
            for (std::size_t j = i + 1; copula && j < w.size() && j < i + 5 && w[j].lower != "of";
                 ++j) {
                if (w[j].lower == "name" && j + 2 < w.size() && w[j + 1].lower == "of") {
                    return type_of_named(w, j + 2);
                }
                if (auto type = type_of_noun(w[j].lower)) {
                    t.type = *type;
                    t.focus_index = j;
                    return t;
                }
            }
            break;
        }
        if (i == wh + 1 && is_count_word(word) && word != "all" && word != "some") {
            t.type = AnswerType::List;
            t.focus_index = i;
            return t;
        }
        if (is_count_word(word) && i + 1 < w.size() && looks_plural(w[i + 1].lower)) {
            t.type = AnswerType::List;
            t.focus_index = i + 1;
            return t;
        }
        if (auto type = type_of_noun(word)) {
            t.type = *type;
            t.focus_index = i;
            t.focus_required = one_of(word, kNamedKindNouns);
            // "what age", "which name": a plural head noun asks for a list of them.
            if (looks_plural(word) && is_named_entity(*type)) {
                t.type = AnswerType::List;
            }
            return t;
        }
    }
    // "what is X", "what did X believe": no typed head noun, an explanation is wanted.
    const bool has_head_noun = wh + 1 < w.size() && !one_of(w[wh + 1].lower, kAuxiliaries);
    t.type = has_head_noun || !asks_explanation(w, wh) ? AnswerType::Other : AnswerType::Definition;
    if (has_head_noun) {
        t.focus_index = wh + 1;
    }
    return t;
}

Typing type_after_who(const std::vector<QuestionWord>& w, std::size_t wh) {
    Typing t;
    t.type = AnswerType::Person;
    const std::size_t rest = wh + 2;
    if (wh + 1 < w.size()
        && (w[wh + 1].lower == "was" || w[wh + 1].lower == "is" || w[wh + 1].lower == "were"
            || w[wh + 1].lower == "are")) {
        for (std::size_t i = rest; i + 1 < w.size(); ++i) {
            if (is_count_word(w[i].lower) && looks_plural(w[i + 1].lower)) {
                t.type = AnswerType::List;
                t.focus_index = i + 1;
                return t;
            }
        }
        // "who was X" with X a bare name (no article, at most three words): tell who X was. A
        // possessive makes X a role of someone ("who was X's doctor"), asking for a person.
        const std::size_t remaining = w.size() - std::min(w.size(), rest);
        const bool has_possessive =
            std::any_of(w.begin() + static_cast<std::ptrdiff_t>(std::min(w.size(), rest)),
                        w.end(),
                        [](const QuestionWord& word) { return word.possessive; });
        if (remaining >= 1 && remaining <= 3 && w[rest].lower != "the" && w[rest].lower != "a"
            && w[rest].lower != "an" && !has_possessive
            && !type_of_noun(w[w.size() - 1].lower).has_value()) {
            t.type = AnswerType::Definition;
        }
        if (wh + 1 < w.size() && (w[wh + 1].lower == "were" || w[wh + 1].lower == "are")
            && t.type == AnswerType::Person) {
            t.type = AnswerType::List;
        }
    }
    // The head noun of "who was the first head of state" is a person noun: mark it weak.
    for (std::size_t i = rest; i < w.size(); ++i) {
        if (type_of_noun(w[i].lower).has_value()) {
            t.focus_index = i;
            break;
        }
    }
    return t;
}

Typing type_after_how(const std::vector<QuestionWord>& w, std::size_t wh) {
    Typing t;
    if (wh + 1 < w.size() && one_of(w[wh + 1].lower, kNumberAdjectives)) {
        t.type = AnswerType::Number;
        t.focus_index = wh + 1;
        if (wh + 2 < w.size() && (w[wh + 1].lower == "many" || w[wh + 1].lower == "much")
            && !one_of(w[wh + 2].lower, kAuxiliaries)) {
            t.focus_index = wh + 2;
        }
        return t;
    }
    t.type = AnswerType::Reason;
    return t;
}

Typing type_question(const std::vector<QuestionWord>& w) {
    Typing t;
    if (w.empty()) {
        return t;
    }
    if (is_order_question(w)) {
        t.type = AnswerType::Date;
        return t;
    }
    std::size_t wh = 0;
    while (wh + 1 < w.size() && one_of(w[wh].lower, kLeadingPrepositions)
           && !is_question_word(w[wh].lower)) {
        ++wh;
    }
    if (!is_question_word(w[wh].lower)) {
        wh = 0;  // no leading preposition before a wh-word
    }
    // Quiz style puts the wh-word later: "In the Bible, how many psalms...", "... in what year?".
    if (!is_question_word(w[wh].lower) && !one_of(w[wh].lower, kAuxiliaries)
        && !one_of(w[wh].lower, kListVerbs)) {
        for (std::size_t i = 1; i < w.size(); ++i) {
            if (is_question_word(w[i].lower) && w[i].lower != "whose"
                && !(w[i].lower == "which" && i > 0 && looks_plural(w[i - 1].lower))) {
                wh = i;
                break;
            }
        }
    }
    const std::string& first = w[wh].lower;
    if (first == "when") {
        t.type = AnswerType::Date;
    } else if (first == "where") {
        t.type = AnswerType::Place;
    } else if (first == "why") {
        t.type = AnswerType::Reason;
    } else if (first == "how") {
        t = type_after_how(w, wh);
    } else if (first == "who" || first == "whom" || first == "whose") {
        t = type_after_who(w, wh);
    } else if (first == "what" || first == "which") {
        t = type_after_what(w, wh);
    } else if (one_of(first, kListVerbs)) {
        // "Name one of the causes", "name a common disease": one item is asked for.
        const bool one_item = wh + 1 < w.size()
                              && (w[wh + 1].lower == "one" || w[wh + 1].lower == "a"
                                  || w[wh + 1].lower == "an" || w[wh + 1].lower == "any");
        t.type = one_item ? AnswerType::Other : AnswerType::List;
    } else if (one_of(first, kAuxiliaries)) {
        t.type = AnswerType::YesNo;
    } else {
        // No wh-word ("tolstoy birth date"): any typed noun decides.
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (auto type = type_of_noun(w[i].lower)) {
                t.type = *type;
                t.focus_index = i;
                break;
            }
            if (w[i].lower == "born" || w[i].lower == "died") {
                t.type = AnswerType::Date;
            }
        }
    }
    return t;
}

bool is_number_word(const std::string& w) {
    return !w.empty()
           && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looks_like_year(std::string_view lower) {
    return lower.size() == 4
           && std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Olsen's role", "his job": a role noun of someone asks for the office or role itself.
bool asks_role_of(const std::vector<QuestionWord>& w, std::size_t i) {
    return i > 0 && one_of(w[i].lower, kRoleNouns)
           && (w[i - 1].possessive || one_of(w[i - 1].lower, kPossessivePronouns));
}

KeyTerm make_key_term(const QuestionWord& word,
                      bool sentence_initial,
                      bool dated_question,
                      text::Analyzer& analyzer,
                      const AliasLookup& aliases) {
    KeyTerm k;
    k.surface = word.surface;
    k.folded = analyzer.fold(word.surface);
    k.terms.push_back(analyzer.term(word.surface));
    k.proper = (word.capitalized && !sentence_initial) || is_number_word(word.lower);
    // A name ("the Dies Committee") has no synonyms: "dies" is not "death" there.
    const bool capitalized_name = word.capitalized && !sentence_initial;
    for (std::string_view synonym :
         capitalized_name ? std::span<const std::string_view>{} : lexical_synonyms(k.folded)) {
        std::string term = analyzer.term(synonym);
        if (std::find(k.terms.begin(), k.terms.end(), term) == k.terms.end()) {
            k.terms.push_back(std::move(term));
        }
    }
    if (dated_question && !capitalized_name) {
        // "When was X assassinated": the date X died.
        for (std::string_view event : same_time_events(k.folded)) {
            std::string term = analyzer.term(event);
            if (std::find(k.terms.begin(), k.terms.end(), term) == k.terms.end()) {
                k.terms.push_back(std::move(term));
            }
        }
    }
    if (aliases) {
        for (const std::string& alias : aliases(k.folded)) {
            // Multi-word aliases contribute their words; each counts as this key term.
            for (const text::Token& token : analyzer.analyze(alias)) {
                if (!text::is_stop_word(
                        analyzer.fold(alias.substr(token.begin, token.end - token.begin)))
                    && std::find(k.terms.begin(), k.terms.end(), token.term) == k.terms.end()) {
                    k.terms.push_back(token.term);
                }
            }
            k.proper = true;
        }
    }
    k.weight = k.proper ? 1.5 : 1.0;
    if (std::find(kWeakVerbs.begin(), kWeakVerbs.end(), k.folded) != kWeakVerbs.end()) {
        k.weight = 0.4;
    } else if (looks_like_year(word.lower)) {
        // "at the 1903 congress", "in 1985": a year places the event; the sentence that tells it
        // often leaves the year to its neighbours.
        k.weight = kYearWeight;
    }
    return k;
}

// "Brest-Litovsk", "Saint-Simon": the index holds the parts as words of their own, so each part
// is a key term. Empty when the word has no inner hyphen or analyzes to one token.
std::vector<KeyTerm> hyphen_parts(const QuestionWord& word,
                                  bool sentence_initial,
                                  bool dated_question,
                                  text::Analyzer& analyzer,
                                  const AliasLookup& aliases) {
    std::vector<KeyTerm> out;
    if (word.surface.find('-') == std::string::npos || analyzer.analyze(word.surface).size() < 2) {
        return out;
    }
    std::size_t from = 0;
    while (from <= word.surface.size()) {
        std::size_t to = word.surface.find('-', from);
        to = to == std::string::npos ? word.surface.size() : to;
        QuestionWord part;
        part.surface = word.surface.substr(from, to - from);
        part.lower = word.lower.substr(from, to - from);
        part.capitalized =
            !part.surface.empty() && std::isupper(static_cast<unsigned char>(part.surface[0])) != 0;
        if (part.lower.size() >= 2 && !text::is_stop_word(part.lower)) {
            out.push_back(make_key_term(
                part, sentence_initial && from == 0, dated_question, analyzer, aliases));
        }
        from = to + 1;
    }
    return out;
}

// "When did the trial take place": the idiom only says that something happened; its words are
// not what a sentence about the event must contain.
bool in_take_place(const std::vector<QuestionWord>& w, std::size_t i) {
    auto take = [](const std::string& x) {
        return x == "take" || x == "takes" || x == "took" || x == "taken" || x == "taking";
    };
    return (take(w[i].lower) && i + 1 < w.size() && w[i + 1].lower == "place")
           || (w[i].lower == "place" && i > 0 && take(w[i - 1].lower));
}

// "Under what name did X ...", "what pen name did X use", "by what stage name", "what
// pseudonym": another name of the subject is asked for ("what was the name of the ship" is not).
bool asks_for_alias(const std::vector<QuestionWord>& w) {
    auto wh = [&](std::size_t i) {
        return w[i].lower == "what" || w[i].lower == "which";
    };
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string& x = w[i].lower;
        if (x == "pseudonym" || x == "alias" || x == "nickname" || x == "codename") {
            return true;
        }
        const bool of_follows = i + 1 < w.size() && w[i + 1].lower == "of";
        if (x == "name" && !of_follows
            && ((i > 0 && (wh(i - 1) || w[i - 1].lower == "pen"))
                || (i > 1 && wh(i - 2) && !text::is_stop_word(w[i - 1].lower)))) {
            return true;
        }
    }
    return false;
}

bool skip_as_term(const std::string& lower) {
    return text::is_stop_word(lower) || is_question_word(lower) || one_of(lower, kAuxiliaries)
           || lower == "came" || lower == "happened";
}

}  // namespace

AnswerType classify_question(std::string_view question) {
    return type_question(split_question(question)).type;
}

Question analyze_question(std::string_view question,
                          text::Analyzer& analyzer,
                          const AliasLookup& aliases) {
    Question q;
    q.text = std::string(question);
    const std::vector<QuestionWord> words = split_question(question);
    const Typing typing = type_question(words);
    q.type = typing.type;
    q.asks_alias = asks_for_alias(words);
    // "whose name means 'Our Word'": the framing words are not the name's sentence's words.
    const bool gloss = !quoted_gloss(question).empty();
    std::size_t option_start = words.size();
    std::size_t or_index = words.size();
    if (is_order_question(words)) {
        option_start = 2;
        while (option_start < words.size()
               && (words[option_start].lower == "first"
                   || text::is_stop_word(words[option_start].lower))) {
            ++option_start;
        }
        for (std::size_t i = option_start; i < words.size(); ++i) {
            if (words[i].lower == "or") {
                or_index = i;
            }
        }
        q.option_terms.resize(2);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        const QuestionWord& word = words[i];
        // "first" asks for an order in "which came first", but is a key word in "first wife".
        const bool order_word = option_start < words.size() && word.lower == "first";
        if (order_word || skip_as_term(word.lower) || word.lower.size() < 2
            || in_take_place(words, i) || (gloss && is_gloss_frame_word(word.lower))) {
            continue;
        }
        const bool dated = q.type == AnswerType::Date || q.type == AnswerType::Year;
        KeyTerm k = make_key_term(word, i == 0, dated, analyzer, aliases);
        if (i == typing.focus_index) {
            k.focus = true;
            // "what date", "which year": the answer's value stands for the word itself.
            k.weight = dated && (one_of(word.lower, kDateNouns) || one_of(word.lower, kYearNouns))
                           ? kValueNounWeight
                           : 0.4;
            q.focus = k.folded;
            q.focus_required = typing.focus_required;
            if (q.type == AnswerType::List) {
                // "which three leaders": the focus is the count or the noun after it.
                const bool count_focus = count_of(word.lower) > 0;
                const std::size_t noun = count_focus && i + 1 < words.size() ? i + 1 : i;
                q.item_type = type_of_noun(words[noun].lower).value_or(AnswerType::Other);
                q.item_count = count_focus ? count_of(word.lower)
                               : i > 0     ? count_of(words[i - 1].lower)
                                           : 0;
            }
        }
        if (!k.focus && q.type == AnswerType::Other && asks_role_of(words, i)) {
            // "What is Olsen's job?": the office or role answers; the sentence rarely says "job".
            k.focus = true;
            k.weight = kValueNounWeight;
            q.focus = q.focus.empty() ? k.folded : q.focus;
            q.asks_role = true;
        }
        std::vector<KeyTerm> parts;
        if (!k.focus) {
            parts = hyphen_parts(word, i == 0, dated, analyzer, aliases);
        }
        if (parts.empty()) {
            parts.push_back(std::move(k));
        }
        for (KeyTerm& part : parts) {
            if (or_index < words.size() && i >= option_start) {
                q.option_terms[i < or_index ? 0 : 1].push_back(q.terms.size());
            }
            q.terms.push_back(std::move(part));
        }
    }
    if (or_index < words.size()) {
        auto join = [&](std::size_t from, std::size_t to) {
            std::string out;
            for (std::size_t i = from; i < to; ++i) {
                out +=
                    (out.empty() ? "" : " ") + words[i].surface + (words[i].possessive ? "'s" : "");
            }
            return out;
        };
        std::size_t a = 2;
        while (a < or_index && (words[a].lower == "first" || words[a].lower == "earlier")) {
            ++a;
        }
        q.options = {join(a, or_index), join(or_index + 1, words.size())};
    } else {
        q.option_terms.clear();
    }
    return q;
}

}  // namespace iskra::answer
