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

enum PhraseGroup : std::uint8_t {
    kGroupFurniture = 1u << 0,
    kGroupQuiz = 1u << 1,
    kGroupError = 1u << 2,
    kGroupNavigation = 1u << 3,
};

char lower_byte(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Finds every phrase list in one pass over the sentence, ASCII case-insensitively: a bit set of
// the phrases' first three bytes (hashed to 16 bits) rules out almost every position before any
// comparison. Every phrase has at least three bytes.
class PhraseMatcher {
  public:
    PhraseMatcher() {
        add(kFurniturePhrases, kGroupFurniture);
        add(kQuizPhrases, kGroupQuiz);
        add(kErrorPhrases, kGroupError);
        add(kNavigationPhrases, kGroupNavigation);
    }

    // The groups with a phrase in `text`.
    std::uint8_t groups_in(std::string_view text) const {
        std::uint8_t found = 0;
        if (text.size() < 3) {
            return found;
        }
        std::uint32_t window = (lower(text[0]) << 8) | lower(text[1]);
        for (std::size_t i = 0; i + 2 < text.size(); ++i) {
            window = ((window << 8) | lower(text[i + 2])) & 0xFFFFFFu;
            const std::uint32_t bit = trigram_bit(window);
            if ((trigrams_[bit >> 6] & (std::uint64_t{1} << (bit & 63))) == 0) {
                continue;
            }
            for (const Phrase& phrase : by_first_[window >> 16]) {
                if ((found & phrase.group) == 0 && matches_at(text, i, phrase.text)) {
                    found |= phrase.group;
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

    static std::uint32_t lower(char c) { return static_cast<unsigned char>(lower_byte(c)); }

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
    const std::size_t first = sentence.find_first_not_of(" \t0123456789.");
    if (first != std::string_view::npos) {
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

// Spinning and scraping artefacts: a word with digits glued to its end ("religiously7") or two
// sentences glued without a space ("Tolstoy.Tolstoy").
bool looks_spun(std::string_view sentence) {
    for (std::size_t i = 1; i + 1 < sentence.size(); ++i) {
        const char prev = sentence[i - 1];
        const char cur = sentence[i];
        const char next = sentence[i + 1];
        const bool prev_lower = prev >= 'a' && prev <= 'z';
        if (cur == '.' && prev_lower && next >= 'A' && next <= 'Z') {
            return true;
        }
        if (prev_lower && cur >= '0' && cur <= '9' && !(next >= '0' && next <= '9')
            && (next == ' ' || next == ',' || next == '.')) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool looks_like_question(std::string_view sentence, const NormalizedWords& words) {
    std::size_t end = sentence.find_last_not_of(" \t\r\n\"'”’)");
    if (end != std::string_view::npos && sentence[end] == '?') {
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
    const std::uint8_t groups = phrase_matcher().groups_in(sentence);
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
    if (looks_spun(sentence)) {
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
