#include "iskra/clean/noise_patterns.hpp"

#include <array>
#include <string>

#include "iskra/clean/clean_types.hpp"
#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

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

bool contains_any(const std::string& haystack, const auto& needles) {
    for (std::string_view needle : needles) {
        if (haystack.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// Error and log lines: "ERROR: ...", "Exception in thread", "Traceback", "Warning: ...".
bool looks_like_error_message(std::string_view sentence, const std::string& lower) {
    const std::size_t first = sentence.find_first_not_of(" \t0123456789.");
    if (first != std::string_view::npos) {
        std::string_view rest = sentence.substr(first);
        for (std::string_view head : {"ERROR", "FATAL", "WARNING:", "Traceback", "Exception"}) {
            if (rest.substr(0, head.size()) == head) {
                return true;
            }
        }
    }
    return lower.find("cannot be executed") != std::string::npos
           || lower.find("stack trace") != std::string::npos
           || lower.find("syntax error") != std::string::npos
           || lower.find("exception in thread") != std::string::npos;
}

// Headline and navigation lines of a search-results page: "Title | Site", "Title - Reddit",
// "Why x? : r/sub". Only short lines qualify, so prose with a dash is unaffected.
bool looks_like_navigation(std::string_view sentence, const std::string& lower) {
    const std::size_t words = fingerprint_words(sentence).size();
    if (words > 16) {
        return false;
    }
    if (lower.find(" | ") != std::string::npos || lower.find(": r/") != std::string::npos
        || lower.find(" - reddit") != std::string::npos
        || lower.find("stack exchange") != std::string::npos) {
        return true;
    }
    // "The Trotsky Assassination - HISTORY": a title, a dash, then an all-capital site name.
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
// sentences glued without a space ("Trotsky.Trotsky").
bool looks_spun(std::string_view sentence) {
    int artefacts = 0;
    for (std::size_t i = 1; i + 1 < sentence.size(); ++i) {
        const char prev = sentence[i - 1];
        const char cur = sentence[i];
        const char next = sentence[i + 1];
        const bool prev_lower = prev >= 'a' && prev <= 'z';
        if (cur == '.' && prev_lower && next >= 'A' && next <= 'Z') {
            ++artefacts;
        }
        if (prev_lower && cur >= '0' && cur <= '9' && !(next >= '0' && next <= '9')
            && (next == ' ' || next == ',' || next == '.')) {
            ++artefacts;
        }
    }
    return artefacts > 0;
}

}  // namespace

bool looks_like_question(std::string_view sentence) {
    std::size_t end = sentence.find_last_not_of(" \t\r\n\"'”’)");
    if (end != std::string_view::npos && sentence[end] == '?') {
        return true;
    }
    const std::vector<std::string> words = fingerprint_words(sentence);
    if (words.empty() || words.size() > 14) {
        return false;
    }
    for (std::string_view opener : kQuestionOpeners) {
        if (words.front() == opener && sentence.find('.') == std::string_view::npos) {
            return words.size() >= 3 && opener != "is" && opener != "do";
        }
    }
    return false;
}

std::uint8_t text_noise_flags(std::string_view sentence) {
    const std::string lower = lower_ascii(sentence);
    std::uint8_t flags = 0;
    if (contains_any(lower, kFurniturePhrases) || looks_like_error_message(sentence, lower)
        || looks_like_navigation(sentence, lower)) {
        flags |= kFlagFurniture;
    }
    if (contains_any(lower, kQuizPhrases)) {
        flags |= kFlagQuiz;
    }
    if (looks_like_question(sentence)) {
        flags |= kFlagQuestion;
    }
    if (looks_spun(sentence)) {
        flags |= kFlagSpun;
    }
    return flags;
}

}  // namespace iskra::clean
