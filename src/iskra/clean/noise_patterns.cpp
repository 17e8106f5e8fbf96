#include "iskra/clean/noise_patterns.hpp"

#include <array>
#include <string>
#include <vector>

#include "iskra/clean/clean_types.hpp"
#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {
namespace {

// Phrases that occur in the chrome around web content rather than in prose. They are general web
// boilerplate (consent banners, social buttons, Q&A and forum widgets, newsletter prompts).
constexpr std::array<std::string_view, 47> kFurniturePhrases = {
    "cookie",
    "share this",
    "share on",
    "click here",
    "thanks for contributing",
    "not the answer you",
    "the best answers are voted up",
    "comments are not for extended discussion",
    "this conversation has been",
    "sign up",
    "log in",
    "subscribe",
    "newsletter",
    "straight to your inbox",
    "all rights reserved",
    "privacy policy",
    "terms of service",
    "terms of use",
    "skip to content",
    "read more",
    "let us know if you have suggestions",
    "improve this article",
    "advertisement",
    "follow us",
    "related posts",
    "leave a comment",
    "leave a reply",
    "post your answer",
    "asked by",
    "answered by",
    "upvote",
    "downvote",
    "editors oversee subject areas",
    "javascript",
    "your browser",
    "page not found",
    "has been removed",
    "permalink",
    "accept all",
    "load more",
    "back to top",
    "table of contents",
    "see also",
    "external links",
    "further reading",
    "redirect here",
    "other uses",
};

constexpr std::array<std::string_view, 6> kQuizPhrases = {
    "did you know",
    "quiz",
    "question 1/",
    "answered this",
    "take the test",
    "true or false",
};

constexpr std::array<std::string_view, 10> kQuestionOpeners = {
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "do",
    "does",
    "is",
};

constexpr std::array<std::string_view, 4> kErrorPhrases = {
    "cannot be executed",
    "stack trace",
    "syntax error",
    "exception in thread",
};

constexpr std::array<std::string_view, 4> kNavigationPhrases = {
    " | ",
    ": r/",
    " - reddit",
    "stack exchange",
};

// The bytes of " \t\r\n\"'”’)", which may follow a question mark.
constexpr std::array<bool, 256> question_trail_table() {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view(" \t\r\n\"'”’)")) {
        table[c] = true;
    }
    return table;
}

constexpr auto kQuestionTrail = question_trail_table();

enum PhraseGroup : std::uint8_t {
    kGroupFurniture = 1u << 0,
    kGroupQuiz = 1u << 1,
    kGroupError = 1u << 2,
    kGroupNavigation = 1u << 3,
};

char lower_byte(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr std::array<std::uint8_t, 256> lower_table() {
    std::array<std::uint8_t, 256> table{};
    for (unsigned c = 0; c < 256; ++c) {
        table[c] = static_cast<std::uint8_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return table;
}

constexpr auto kLower = lower_table();

constexpr bool is_lower_ascii(unsigned char c) {
    return c >= 'a' && c <= 'z';
}

// The bytes that can be the middle of a spinning artefact (see `spun_at`).
constexpr std::array<bool, 256> spun_middle_table() {
    std::array<bool, 256> table{};
    table['.'] = true;
    for (unsigned c = '0'; c <= '9'; ++c) {
        table[c] = true;
    }
    return table;
}

constexpr auto kSpunMiddle = spun_middle_table();

// Spinning and scraping artefacts around `cur`: a word with digits glued to its end
// ("religiously7") or two sentences glued without a space ("Tolstoy.Tolstoy").
bool spun_at(unsigned char prev, unsigned char cur, unsigned char next) {
    if (!is_lower_ascii(prev)) {
        return false;
    }
    if (cur == '.') {
        return next >= 'A' && next <= 'Z';
    }
    return next == ' ' || next == ',' || next == '.';  // `cur` is a digit
}

// What one pass over a sentence's bytes finds.
struct TextScan {
    std::uint8_t groups = 0;  ///< PhraseGroup bits of the phrases found
    bool spun = false;        ///< a spinning artefact (see `spun_at`)
};

// Finds every phrase list in one pass over the sentence, ASCII case-insensitively: a bit set of
// the phrases' first three bytes (hashed to 16 bits) rules out almost every position before any
// comparison. Every phrase has at least three bytes. The same pass looks for spun text.
class PhraseMatcher {
  public:
    PhraseMatcher() {
        add(kFurniturePhrases, kGroupFurniture);
        add(kQuizPhrases, kGroupQuiz);
        add(kErrorPhrases, kGroupError);
        add(kNavigationPhrases, kGroupNavigation);
    }

    // The groups with a phrase in `text`, and whether it looks spun.
    TextScan scan(std::string_view text) const {
        TextScan found;
        const std::size_t n = text.size();
        if (n < 3) {
            return found;
        }
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        std::uint32_t window = (std::uint32_t{kLower[bytes[0]]} << 8) | kLower[bytes[1]];
        for (std::size_t i = 0; i + 2 < n; ++i) {
            const unsigned char next = bytes[i + 2];
            window = ((window << 8) | kLower[next]) & 0xFFFFFFu;
            if (kSpunMiddle[bytes[i + 1]] && !found.spun) {
                found.spun = spun_at(bytes[i], bytes[i + 1], next);
            }
            const std::uint32_t bit = trigram_bit(window);
            if ((trigrams_[bit >> 6] & (std::uint64_t{1} << (bit & 63))) == 0) {
                continue;
            }
            for (const Phrase& phrase : by_first_[window >> 16]) {
                if ((found.groups & phrase.group) == 0 && matches_at(text, i, phrase.text)) {
                    found.groups |= phrase.group;
                }
            }
        }
        return found;
    }

  private:
    struct Phrase {
        std::string_view text;
        std::uint8_t group;
    };

    static std::uint32_t lower(char c) { return kLower[static_cast<unsigned char>(c)]; }

    static std::uint32_t trigram_bit(std::uint32_t trigram) {
        return (trigram * 0x9E3779B1u) >> 16;
    }

    static bool matches_at(std::string_view text, std::size_t at, std::string_view phrase) {
        if (text.size() - at < phrase.size()) {
            return false;
        }
        for (std::size_t k = 0; k < phrase.size(); ++k) {
            if (lower_byte(text[at + k]) != phrase[k]) {
                return false;
            }
        }
        return true;
    }

    void add(const auto& phrases, std::uint8_t group) {
        for (std::string_view phrase : phrases) {
            const auto first = static_cast<unsigned char>(phrase[0]);
            const std::uint32_t trigram =
                (std::uint32_t{first} << 16) | (lower(phrase[1]) << 8) | lower(phrase[2]);
            const std::uint32_t bit = trigram_bit(trigram);
            trigrams_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
            by_first_[first].push_back({phrase, group});
        }
    }

    std::array<std::uint64_t, (1u << 16) / 64> trigrams_{};
    std::array<std::vector<Phrase>, 256> by_first_;
};

const PhraseMatcher& phrase_matcher() {
    static const PhraseMatcher matcher;
    return matcher;
}

// Error and log lines: "ERROR: ...", "Exception in thread", "Traceback", "Warning: ...".
bool looks_like_error_message(std::string_view sentence, std::uint8_t groups) {
    std::size_t first = 0;
    while (first < sentence.size()
           && (sentence[first] == ' ' || sentence[first] == '\t' || sentence[first] == '.'
               || (sentence[first] >= '0' && sentence[first] <= '9'))) {
        ++first;
    }
    if (first < sentence.size()) {
        std::string_view rest = sentence.substr(first);
        for (std::string_view head : {"ERROR", "FATAL", "WARNING:", "Traceback", "Exception"}) {
            if (rest.substr(0, head.size()) == head) {
                return true;
            }
        }
    }
    return (groups & kGroupError) != 0;
}

// Headline and navigation lines of a search-results page: "Title | Site", "Title - Reddit",
// "Why x? : r/sub". Only short lines qualify, so prose with a dash is unaffected.
bool looks_like_navigation(std::string_view sentence,
                           const NormalizedWords& words,
                           std::uint8_t groups) {
    if (words.size() > 16) {
        return false;
    }
    if ((groups & kGroupNavigation) != 0) {
        return true;
    }
    // "The Tolstoy Assassination - HISTORY": a title, a dash, then an all-capital site name.
    const std::size_t dash = sentence.rfind(" - ");
    if (dash == std::string_view::npos) {
        return false;
    }
    std::string_view tail = sentence.substr(dash + 3);
    bool has_letter = false;
    for (char c : tail) {
        if (c >= 'a' && c <= 'z') {
            return false;
        }
        has_letter = has_letter || (c >= 'A' && c <= 'Z');
    }
    return has_letter;
}

}  // namespace

bool looks_like_question(std::string_view sentence, const NormalizedWords& words) {
    // The last byte not in " \t\r\n\"'”’)" (as a byte set, what find_last_not_of would give).
    std::size_t end = sentence.size();
    while (end > 0 && kQuestionTrail[static_cast<unsigned char>(sentence[end - 1])]) {
        --end;
    }
    if (end > 0 && sentence[end - 1] == '?') {
        return true;
    }
    if (words.size() == 0 || words.size() > 14) {
        return false;
    }
    const std::string_view front = words.word(0);
    for (std::string_view opener : kQuestionOpeners) {
        if (front == opener && sentence.find('.') == std::string_view::npos) {
            return words.size() >= 3 && opener != "is" && opener != "do";
        }
    }
    return false;
}

bool looks_like_question(std::string_view sentence) {
    NormalizedWords words;
    normalize_words(sentence, words);
    return looks_like_question(sentence, words);
}

std::uint8_t text_noise_flags(std::string_view sentence, const NormalizedWords& words) {
    const TextScan scan = phrase_matcher().scan(sentence);
    const std::uint8_t groups = scan.groups;
    std::uint8_t flags = 0;
    if ((groups & kGroupFurniture) != 0 || looks_like_error_message(sentence, groups)
        || looks_like_navigation(sentence, words, groups)) {
        flags |= kFlagFurniture;
    }
    if ((groups & kGroupQuiz) != 0) {
        flags |= kFlagQuiz;
    }
    if (looks_like_question(sentence, words)) {
        flags |= kFlagQuestion;
    }
    if (scan.spun) {
        flags |= kFlagSpun;
    }
    return flags;
}

std::uint8_t text_noise_flags(std::string_view sentence) {
    NormalizedWords words;
    normalize_words(sentence, words);
    return text_noise_flags(sentence, words);
}

}  // namespace iskra::clean
