#include "iskra/extract/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace iskra::extract::lexicon {

namespace {

// A word list with a cheap pre-check: most words asked about are in no list, and their length
// or first letter alone says so without hashing the word. The words sit in an open-addressing
// table (linear probing) keyed by their first eight bytes and length: no allocation, one or two
// comparisons a lookup.
class WordSet {
  public:
    WordSet(std::initializer_list<std::string_view> words) {
        std::size_t slots = 16;
        while (slots < 2 * words.size()) {
            slots *= 2;
        }
        slots_.resize(slots);
        mask_ = slots - 1;
        for (std::string_view word : words) {
            lengths_ |= std::uint64_t{1} << length_bit(word);
            first_letters_ |= std::uint32_t{1} << letter_bit(word);
            if (!find(word)) {
                std::size_t at = slot(word);
                while (slots_[at].data() != nullptr) {
                    at = (at + 1) & mask_;
                }
                slots_[at] = word;
            }
        }
    }

    bool contains(std::string_view word) const {
        return (lengths_ >> length_bit(word) & 1) != 0
               && (first_letters_ >> letter_bit(word) & 1) != 0 && find(word);
    }

  private:
    static unsigned length_bit(std::string_view word) {
        return static_cast<unsigned>(std::min<std::size_t>(word.size(), 63));
    }
    static unsigned letter_bit(std::string_view word) {
        unsigned c = word.empty() ? 0u : static_cast<unsigned char>(word.front()) - 'a';
        return c < 26 ? c : 26;
    }
    std::size_t slot(std::string_view word) const {
        std::uint64_t key = word.size();
        const std::size_t n = std::min<std::size_t>(word.size(), 8);
        for (std::size_t i = 0; i < n; ++i) {
            key = (key << 8) | static_cast<unsigned char>(word[i]);
        }
        key ^= word.size() << 59;
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask_;
    }
    bool find(std::string_view word) const {
        for (std::size_t at = slot(word);; at = (at + 1) & mask_) {
            const std::string_view entry = slots_[at];
            if (entry.data() == nullptr) {
                return false;
            }
            if (entry == word) {
                return true;
            }
        }
    }

    std::vector<std::string_view> slots_;  ///< empty slots have a null data()
    std::size_t mask_ = 0;
    std::uint64_t lengths_ = 0;
    std::uint32_t first_letters_ = 0;
};

bool contains(const WordSet& set, std::string_view word) {
    return set.contains(word);
}

}  // namespace

int month_number(std::string_view word) {
    struct Entry {
        std::string_view name;
        int month;
    };
    static constexpr std::array<Entry, 26> kMonths{{
        {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
        {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
        {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
        {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
        {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},     {"febr", 2},
        {"janv", 1},
    }};
    if (word.size() < 3 || word.size() > 9) {
        return 0;
    }
    switch (word.front()) {
        case 'j':
        case 'f':
        case 'm':
        case 'a':
        case 's':
        case 'o':
        case 'n':
        case 'd':
            break;
        default:
            return 0;
    }
    for (const auto& entry : kMonths) {
        if (entry.name == word) {
            return entry.month;
        }
    }
    return 0;
}

int number_word(std::string_view word) {
    static constexpr std::array<std::string_view, 13> kNumbers{"zero",
                                                               "one",
                                                               "two",
                                                               "three",
                                                               "four",
                                                               "five",
                                                               "six",
                                                               "seven",
                                                               "eight",
                                                               "nine",
                                                               "ten",
                                                               "eleven",
                                                               "twelve"};
    if (word == "a" || word == "an") {
        return 1;
    }
    if (word.size() < 3 || word.size() > 6) {
        return 0;
    }
    for (std::size_t idx = 1; idx < kNumbers.size(); ++idx) {
        if (kNumbers[idx] == word) {
            return static_cast<int>(idx);
        }
    }
    return 0;
}

bool is_function_word(std::string_view word) {
    static const WordSet kWords{"a",
                                "about",
                                "above",
                                "according",
                                "across",
                                "after",
                                "afterwards",
                                "again",
                                "against",
                                "all",
                                "almost",
                                "along",
                                "already",
                                "also",
                                "although",
                                "always",
                                "among",
                                "an",
                                "and",
                                "another",
                                "any",
                                "anyone",
                                "are",
                                "as",
                                "at",
                                "back",
                                "be",
                                "because",
                                "been",
                                "before",
                                "being",
                                "below",
                                "between",
                                "both",
                                "but",
                                "by",
                                "can",
                                "could",
                                "despite",
                                "did",
                                "do",
                                "does",
                                "during",
                                "each",
                                "early",
                                "either",
                                "even",
                                "ever",
                                "every",
                                "few",
                                "finally",
                                "first",
                                "for",
                                "from",
                                "further",
                                "had",
                                "has",
                                "have",
                                "having",
                                "he",
                                "her",
                                "here",
                                "hers",
                                "him",
                                "his",
                                "how",
                                "however",
                                "i",
                                "if",
                                "in",
                                "indeed",
                                "instead",
                                "into",
                                "is",
                                "it",
                                "its",
                                "just",
                                "last",
                                "late",
                                "later",
                                "least",
                                "less",
                                "let",
                                "like",
                                "many",
                                "may",
                                "me",
                                "meanwhile",
                                "might",
                                "more",
                                "moreover",
                                "most",
                                "much",
                                "must",
                                "my",
                                "neither",
                                "never",
                                "nevertheless",
                                "new",
                                "next",
                                "no",
                                "none",
                                "nor",
                                "not",
                                "now",
                                "of",
                                "off",
                                "often",
                                "on",
                                "once",
                                "one",
                                "only",
                                "or",
                                "other",
                                "others",
                                "otherwise",
                                "our",
                                "ours",
                                "out",
                                "over",
                                "perhaps",
                                "rather",
                                "same",
                                "second",
                                "see",
                                "several",
                                "shall",
                                "she",
                                "should",
                                "since",
                                "so",
                                "some",
                                "soon",
                                "still",
                                "such",
                                "than",
                                "that",
                                "the",
                                "their",
                                "theirs",
                                "them",
                                "then",
                                "there",
                                "therefore",
                                "these",
                                "they",
                                "this",
                                "those",
                                "though",
                                "through",
                                "thus",
                                "to",
                                "today",
                                "together",
                                "too",
                                "toward",
                                "towards",
                                "under",
                                "unlike",
                                "until",
                                "up",
                                "upon",
                                "us",
                                "very",
                                "was",
                                "we",
                                "were",
                                "what",
                                "whatever",
                                "when",
                                "whenever",
                                "where",
                                "whereas",
                                "whether",
                                "which",
                                "while",
                                "who",
                                "whom",
                                "whose",
                                "why",
                                "will",
                                "with",
                                "within",
                                "without",
                                "would",
                                "yes",
                                "yet",
                                "you",
                                "your",
                                "yours",
                                "monday",
                                "tuesday",
                                "wednesday",
                                "thursday",
                                "friday",
                                "saturday",
                                "sunday",
                                "january",
                                "february",
                                "march",
                                "april",
                                "june",
                                "july",
                                "august",
                                "september",
                                "october",
                                "november",
                                "december",
                                "jan",
                                "feb",
                                "mar",
                                "apr",
                                "jun",
                                "jul",
                                "aug",
                                "sep",
                                "sept",
                                "oct",
                                "nov",
                                "dec",
                                "mr",
                                "mrs",
                                "ms",
                                "dr",
                                "sir",
                                "yesterday",
                                "tomorrow",
                                "tonight",
                                "mid",
                                "following",
                                "thanks",
                                "please",
                                "dear",
                                "fellow",
                                "question",
                                "answer",
                                "note",
                                "notes",
                                "chapter",
                                "section",
                                "table",
                                "figure",
                                "did",
                                "do",
                                "ok",
                                "okay",
                                "oh",
                                "well",
                                "why",
                                "because",
                                "unfortunately",
                                "fortunately",
                                "instead",
                                "besides",
                                "nonetheless",
                                "subsequently",
                                "eventually",
                                "initially",
                                "ultimately",
                                "similarly",
                                "likewise",
                                "accordingly",
                                "consequently",
                                "hence",
                                "whilst",
                                "amid",
                                "amongst",
                                "beyond",
                                "beside",
                                "inside",
                                "outside",
                                "throughout",
                                "via",
                                "per",
                                "around",
                                "near",
                                "regarding",
                                "concerning",
                                "re",
                                "etc",
                                "ie",
                                "eg",
                                "vs",
                                "am",
                                "pm",
                                "its",
                                "it's",
                                "i'm",
                                "we're",
                                "they're",
                                "you're",
                                "don't",
                                "doesn't",
                                "didn't",
                                "can't",
                                "won't",
                                "isn't",
                                "wasn't",
                                "aren't",
                                "weren't",
                                "there's",
                                "that's",
                                "what's",
                                "here's",
                                "let's",
                                "he's",
                                "she's",
                                "within",
                                "whose",
                                "thereby",
                                "ago",
                                "anyway"};
    return contains(kWords, word);
}

bool is_person_title(std::string_view word) {
    static const WordSet kWords{"mr",
                                "mrs",
                                "ms",
                                "miss",
                                "dr",
                                "prof",
                                "professor",
                                "sir",
                                "dame",
                                "lord",
                                "lady",
                                "president",
                                "vice",
                                "premier",
                                "chancellor",
                                "minister",
                                "secretary",
                                "senator",
                                "sen",
                                "rep",
                                "representative",
                                "congressman",
                                "congresswoman",
                                "governor",
                                "gov",
                                "mayor",
                                "judge",
                                "justice",
                                "general",
                                "gen",
                                "colonel",
                                "col",
                                "major",
                                "captain",
                                "capt",
                                "lieutenant",
                                "lt",
                                "sergeant",
                                "admiral",
                                "adm",
                                "marshal",
                                "commander",
                                "comrade",
                                "king",
                                "queen",
                                "prince",
                                "princess",
                                "emperor",
                                "empress",
                                "tsar",
                                "czar",
                                "tsarina",
                                "pope",
                                "saint",
                                "st",
                                "rev",
                                "reverend",
                                "father",
                                "bishop",
                                "archbishop",
                                "cardinal",
                                "rabbi",
                                "imam",
                                "sheikh",
                                "chairman",
                                "chairwoman",
                                "chief",
                                "ambassador",
                                "dean",
                                "duke",
                                "duchess",
                                "count",
                                "countess",
                                "baron",
                                "earl",
                                "mme",
                                "mlle",
                                "herr",
                                "frau",
                                "monsieur",
                                "madame",
                                "senor",
                                "senora",
                                "don",
                                "dona",
                                "uncle",
                                "aunt",
                                "comrades"};
    return contains(kWords, word);
}

bool is_office_head(std::string_view word) {
    static const WordSet kWords{"president",
                                "vice-president",
                                "chairman",
                                "chairwoman",
                                "chair",
                                "commissar",
                                "minister",
                                "secretary",
                                "governor",
                                "mayor",
                                "premier",
                                "chancellor",
                                "director",
                                "commander",
                                "commander-in-chief",
                                "head",
                                "leader",
                                "ambassador",
                                "senator",
                                "speaker",
                                "treasurer",
                                "general",
                                "chief",
                                "editor",
                                "founder",
                                "member",
                                "deputy",
                                "vice-chairman",
                                "king",
                                "queen",
                                "emperor",
                                "tsar",
                                "czar",
                                "pope",
                                "prime",
                                "judge",
                                "justice",
                                "attorney",
                                "consul",
                                "envoy",
                                "prefect",
                                "marshal",
                                "admiral",
                                "rector",
                                "dean",
                                "provost",
                                "superintendent",
                                "commissioner",
                                "commandant",
                                "representative",
                                "delegate",
                                "presidium",
                                "ceo",
                                "executive",
                                "officer",
                                "manager",
                                "governor-general"};
    return contains(kWords, word);
}

bool is_organization_word(std::string_view word) {
    static const WordSet kWords{"party",        "army",
                                "navy",         "international",
                                "committee",    "council",
                                "congress",     "commission",
                                "government",   "association",
                                "university",   "college",
                                "school",       "institute",
                                "academy",      "agency",
                                "federation",   "organization",
                                "organisation", "league",
                                "group",        "company",
                                "co",           "corp",
                                "corporation",  "inc",
                                "ltd",          "plc",
                                "llc",          "bank",
                                "fund",         "exchange",
                                "ministry",     "department",
                                "bureau",       "board",
                                "court",        "senate",
                                "parliament",   "assembly",
                                "duma",         "soviet",
                                "soviets",      "front",
                                "movement",     "union",
                                "unions",       "church",
                                "society",      "foundation",
                                "trust",        "press",
                                "times",        "news",
                                "post",         "journal",
                                "herald",       "tribune",
                                "gazette",      "reserve",
                                "authority",    "office",
                                "service",      "services",
                                "police",       "guard",
                                "guards",       "brigade",
                                "division",     "regiment",
                                "corps",        "cabinet",
                                "politburo",    "opposition",
                                "bloc",         "alliance",
                                "coalition",    "industries",
                                "holdings",     "systems",
                                "airlines",     "motors",
                                "oil",          "petroleum",
                                "group",        "partners",
                                "brothers",     "bros",
                                "ag",           "sa",
                                "nv",           "gmbh",
                                "spa",          "bv",
                                "ab",           "cie",
                                "secretariat",  "tribunal",
                                "directorate",  "cheka",
                                "commissariat", "club",
                                "team",         "conference",
                                "convention",   "organization's",
                                "institution",  "laboratory",
                                "labs",         "hospital",
                                "museum",       "library",
                                "centre",       "center",
                                "telegraph",    "railway",
                                "railroad"};
    return contains(kWords, word);
}

bool is_place_word(std::string_view word) {
    static const WordSet kWords{
        "city",    "town",      "village",     "river",     "lake",       "sea",     "ocean",
        "island",  "islands",   "mountain",    "mountains", "mount",      "mt",      "valley",
        "bay",     "gulf",      "strait",      "peninsula", "province",   "county",  "district",
        "region",  "state",     "states",      "republic",  "kingdom",    "empire",  "street",
        "avenue",  "road",      "square",      "park",      "harbor",     "harbour", "port",
        "coast",   "desert",    "forest",      "canal",     "cape",       "oblast",  "governorate",
        "krai",    "land",      "heights",     "hills",     "plain",      "plains",  "falls",
        "beach",   "territory", "territories", "colony",    "prefecture", "canton",  "borough",
        "capital", "asia",      "europe",      "africa",    "america",    "east",    "west",
        "north",   "south"};
    return contains(kWords, word);
}

bool is_place_preposition(std::string_view word) {
    static const WordSet kWords{"in",     "at",      "near",     "from",       "to",      "into",
                                "across", "towards", "toward",   "throughout", "outside", "inside",
                                "via",    "around",  "visited",  "entered",    "reached", "left",
                                "fled",   "exiled",  "deported", "born"};
    return contains(kWords, word);
}

bool is_name_connector(std::string_view word) {
    static const WordSet kWords{"of",  "de",  "von", "van", "der", "den", "la",  "le",
                                "du",  "del", "da",  "di",  "al",  "bin", "ibn", "y",
                                "dos", "das", "des", "ter", "for", "and", "on"};
    return contains(kWords, word);
}

bool is_quantity_noun(std::string_view word) {
    static const WordSet kWords{
        "men",        "women",      "persons",    "children",   "soldiers",
        "troops",     "workers",    "strikers",   "employees",  "members",
        "votes",      "voters",     "copies",     "pages",      "dollars",
        "dlrs",       "dlr",        "cents",      "pounds",     "marks",
        "francs",     "yen",        "lire",       "roubles",    "rubles",
        "tonnes",     "tons",       "tonne",      "ton",        "barrels",
        "bpd",        "shares",     "miles",      "km",         "kilometres",
        "kilometers", "metres",     "meters",     "feet",       "ft",
        "acres",      "hectares",   "units",      "cars",       "houses",
        "ships",      "vessels",    "guns",       "rifles",     "prisoners",
        "pct",        "percent",    "per",        "mln",        "million",
        "billion",    "bln",        "thousand",   "kg",         "kilos",
        "lbs",        "ounces",     "oz",         "bags",       "bales",
        "bushels",    "head",       "jobs",       "students",   "delegates",
        "deaths",     "casualties", "victims",    "refugees",   "demonstrators",
        "sailors",    "officers",   "words",      "signatures", "delegations",
        "times",      "points",     "yards",      "hours",      "minutes",
        "seconds",    "calories",   "horsepower", "hp",         "mw",
        "kw",         "volts",      "degrees",    "stg"};
    return contains(kWords, word);
}

bool is_number_label(std::string_view word) {
    static const WordSet kWords{
        "page",      "pages",    "p",        "pp",     "no",      "nos",      "number",
        "vol",       "volume",   "room",     "flight", "route",   "tel",      "fax",
        "phone",     "code",     "box",      "suite",  "apt",     "isbn",     "issn",
        "isni",      "viaf",     "lccn",     "gnd",    "ref",     "id",       "item",
        "article",   "art",      "chapter",  "ch",     "doc",     "file",     "model",
        "serial",    "lot",      "account",  "unit",   "exit",    "highway",  "interstate",
        "paragraph", "footnote", "note",     "case",   "mtu",     "qlen",     "port",
        "rfc",       "version",  "release",  "build",  "rev",     "revision", "size",
        "length",    "width",    "height",   "limit",  "max",     "min",      "maximum",
        "minimum",   "timeout",  "priority", "value",  "default", "offset",   "pid",
        "uid",       "gid",      "error",    "errno",  "line",    "lines",    "step",
        "bug",       "issue",    "ticket",   "patch",  "pr",      "kb",       "mb",
        "gb",        "hz"};
    return contains(kWords, word);
}

bool is_person_role(std::string_view word) {
    static const WordSet kWords{
        "commander", "leader",    "founder",     "deputy",    "member",     "agent",
        "editor",    "author",    "writer",      "poet",      "novelist",   "journalist",
        "officer",   "general",   "colonel",     "marshal",   "admiral",    "head",
        "chief",     "director",  "prosecutor",  "judge",     "lawyer",     "painter",
        "artist",    "composer",  "philosopher", "historian", "economist",  "theorist",
        "scientist", "physicist", "engineer",    "architect", "politician", "revolutionary",
        "activist",  "organizer", "organiser",   "diplomat",  "ambassador", "dictator",
        "king",      "queen",     "prince",      "princess",  "emperor",    "tsar",
        "czar",      "bishop",    "priest",      "actor",     "actress",    "singer",
        "student",   "professor", "teacher",     "doctor",    "physician",  "banker",
        "merchant",  "worker",    "soldier",     "sailor",    "spy",        "assassin",
        "murderer",  "defendant"};
    return contains(kWords, word);
}

bool is_date_preposition(std::string_view word) {
    static const WordSet kWords{
        "in",     "since",  "by",   "until",  "till", "from",    "after",   "before",   "during",
        "circa",  "c",      "ca",   "around", "year", "through", "between", "summer",   "spring",
        "autumn", "winter", "fall", "early",  "late", "mid",     "end",     "beginning"};
    return contains(kWords, word);
}

bool is_date_qualifier(std::string_view word) {
    static const WordSet kWords{"summer",
                                "spring",
                                "autumn",
                                "winter",
                                "fall",
                                "end",
                                "beginning",
                                "middle",
                                "start",
                                "year",
                                "years"};
    return contains(kWords, word);
}

bool is_date_label(std::string_view word) {
    static const WordSet kWords{"born",      "died",     "date",        "dated",     "founded",
                                "published", "released", "established", "copyright", "written",
                                "revised",   "updated",  "created",     "married",   "elected",
                                "built",     "opened",   "closed",      "signed",    "issued"};
    return contains(kWords, word);
}

bool is_street_word(std::string_view word) {
    static const WordSet kWords{"avenue",
                                "ave",
                                "street",
                                "st",
                                "road",
                                "rd",
                                "boulevard",
                                "blvd",
                                "lane",
                                "drive",
                                "terrace",
                                "highway",
                                "strasse",
                                "platz"};
    return contains(kWords, word);
}

bool is_event_word(std::string_view word) {
    static const WordSet kWords{
        "revolution", "revolutions", "war",       "wars",        "purge",      "purges",
        "trial",      "trials",      "crisis",    "rebellion",   "revolt",     "uprising",
        "massacre",   "treaty",      "battle",    "strike",      "election",   "elections",
        "plan",       "program",     "programme", "doctrine",    "theory",     "act",
        "agreement",  "accord",      "pact",      "declaration", "offensive",  "campaign",
        "famine",     "terror",      "affair",    "scandal",     "day",        "week",
        "year",       "age",         "era",       "period",      "policy",     "ideology",
        "manifesto",  "thesis",      "theses",    "crash",       "depression", "deal",
        "summit",     "round",       "talks",     "games",       "cup",        "prize",
        "award",      "award",       "olympics"};
    return contains(kWords, word);
}

bool is_person_verb(std::string_view word) {
    static const WordSet kWords{"said",      "says",   "told",     "added",    "stated",
                                "wrote",     "argued", "believed", "replied",  "declared",
                                "announced", "born",   "died",     "married",  "asked",
                                "explained", "noted",  "insisted", "recalled", "thought"};
    return contains(kWords, word);
}

bool is_person_act_verb(std::string_view word) {
    static const WordSet kWords{"pilloried",
                                "denounced",
                                "married",
                                "betrayed",
                                "assassinated",
                                "murdered",
                                "interviewed",
                                "befriended",
                                "slandered",
                                "divorced",
                                "kissed",
                                "mocked"};
    return contains(kWords, word);
}

}  // namespace iskra::extract::lexicon
