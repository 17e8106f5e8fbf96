#include "iskra/answer/question_words.hpp"

#include <array>

namespace iskra::answer {
namespace {

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

void finish_word(std::string& current, std::vector<QuestionWord>& out) {
    // Trailing joiners are not part of the word.
    while (!current.empty() && (current.back() == '-' || current.back() == '\'')) {
        current.pop_back();
    }
    if (current.empty()) {
        return;
    }
    QuestionWord w;
    if (current.size() > 2 && current.ends_with("'s")) {
        current.resize(current.size() - 2);
        w.possessive = true;
    }
    w.surface = current;
    w.capitalized = current[0] >= 'A' && current[0] <= 'Z';
    w.lower = current;
    for (char& c : w.lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    out.push_back(std::move(w));
    current.clear();
}

}  // namespace

std::vector<QuestionWord> split_question(std::string_view question) {
    std::vector<QuestionWord> out;
    std::string current;
    for (std::size_t i = 0; i < question.size(); ++i) {
        const auto c = static_cast<unsigned char>(question[i]);
        // U+2019 / U+2018 (curly apostrophes) are E2 80 99 / E2 80 98.
        if (c == 0xE2 && i + 2 < question.size()
            && static_cast<unsigned char>(question[i + 1]) == 0x80
            && (static_cast<unsigned char>(question[i + 2]) == 0x99
                || static_cast<unsigned char>(question[i + 2]) == 0x98)) {
            if (!current.empty()) {
                current.push_back('\'');
            }
            i += 2;
            continue;
        }
        if (c >= 0xE2 && c <= 0xE3 && i + 2 < question.size()
            && static_cast<unsigned char>(question[i + 1]) == 0x80) {
            // Other punctuation of the U+2000 block (dashes, quotes) separates words.
            finish_word(current, out);
            i += 2;
            continue;
        }
        if (is_word_byte(c)) {
            current.push_back(static_cast<char>(c));
        } else if ((c == '-' || c == '\'') && !current.empty()) {
            current.push_back(static_cast<char>(c));
        } else {
            finish_word(current, out);
        }
    }
    finish_word(current, out);
    return out;
}

std::string quoted_gloss(std::string_view question) {
    static constexpr std::array<std::string_view, 4> kCues = {
        "means ", "meant ", "meaning ", "translated as "};
    for (std::string_view cue : kCues) {
        const std::size_t at = question.find(cue);
        if (at == std::string_view::npos) {
            continue;
        }
        std::string_view rest = question.substr(at + cue.size());
        // Quotes: ' " or the UTF-8 curly ones (E2 80 98/99/9C/9D).
        std::size_t open = 0;
        if (rest.starts_with("'") || rest.starts_with("\"")) {
            open = 1;
        } else if (rest.starts_with("\xE2\x80\x98") || rest.starts_with("\xE2\x80\x9C")) {
            open = 3;
        } else {
            continue;
        }
        rest.remove_prefix(open);
        const std::size_t close = rest.find_first_of(open == 1 ? "'\"" : "\xE2");
        if (close != std::string_view::npos && close > 0) {
            return std::string(rest.substr(0, close));
        }
    }
    return {};
}

bool is_gloss_frame_word(std::string_view lower) {
    return lower == "name" || lower == "means" || lower == "meant" || lower == "meaning"
           || lower == "translated" || lower == "translates";
}

}  // namespace iskra::answer
