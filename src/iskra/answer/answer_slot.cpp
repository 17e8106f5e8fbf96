#include "iskra/answer/answer_slot.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "iskra/extract/word_scanner.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr double kLeftBoost = 1.5;          // the slot's preposition and left word right before
constexpr double kRightBoost = 1.3;         // the slot's right word right after
constexpr std::size_t kMaxPhraseWords = 4;  // "what primary attribute": wh-word to head noun
constexpr std::size_t kAnchorReach = 2;     // words between a candidate and an anchor word

bool preposition(std::string_view word) {
    static constexpr std::array<std::string_view, 22> kPrepositions = {
        "of",   "in",      "to",     "for",   "with",  "as",     "by",    "on",
        "from", "at",      "into",   "about", "than",  "like",   "among", "between",
        "over", "through", "within", "under", "after", "before",
    };
    return std::find(kPrepositions.begin(), kPrepositions.end(), word) != kPrepositions.end();
}

bool determiner(std::string_view word) {
    static constexpr std::array<std::string_view, 11> kDeterminers = {
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "this",
        "these",
        "those",
        "our",
    };
    return std::find(kDeterminers.begin(), kDeterminers.end(), word) != kDeterminers.end();
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

struct Word {
    std::string lower;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// The words of `text` (numbers too), lower case; punctuation kept as empty words so that an
// anchor does not reach across a comma or a bracket.
std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> out;
    for (const extract::ScanToken& t : extract::scan_words(text)) {
        const std::string_view w = text.substr(t.begin, t.end - t.begin);
        out.push_back(
            {t.kind == extract::TokenKind::Punct && w != "-" ? std::string() : lower_ascii(w),
             t.begin,
             t.end});
    }
    return out;
}

bool content(std::string_view word) {
    return !word.empty() && !text::is_stop_word(word) && !preposition(word);
}

bool is_wh(std::string_view word) {
    return word == "what" || word == "which" || word == "whom";
}

// The slot of "... made by what entity restored ...": words before and after the asked phrase.
AnswerSlot inner_slot(const std::vector<Word>& words,
                      std::size_t wh,
                      std::string_view focus,
                      text::Analyzer& analyzer) {
    AnswerSlot slot;
    std::size_t i = wh;
    if (i > 0 && preposition(words[i - 1].lower)) {
        slot.particle = words[i - 1].lower;
        --i;
    }
    if (i > 0 && content(words[i - 1].lower)) {
        slot.left_term = analyzer.term(words[i - 1].lower);
    }
    if (focus.empty()) {
        return slot;
    }
    for (std::size_t j = wh + 1; j < words.size() && j <= wh + kMaxPhraseWords; ++j) {
        if (analyzer.fold(words[j].lower) == focus) {
            if (j + 1 < words.size() && content(words[j + 1].lower)) {
                slot.right_term = analyzer.term(words[j + 1].lower);
            }
            break;
        }
    }
    return slot;
}

// Whether one of the `kAnchorReach` words from `from` on (stepping by `step`) has `term`.
bool anchor_near(const std::vector<Word>& words,
                 std::ptrdiff_t from,
                 std::ptrdiff_t step,
                 const std::string& term,
                 text::Analyzer& analyzer) {
    std::ptrdiff_t at = from;
    for (std::size_t n = 0; n < kAnchorReach; ++n, at += step) {
        if (at < 0 || at >= static_cast<std::ptrdiff_t>(words.size())
            || words[static_cast<std::size_t>(at)].lower.empty()) {
            return false;
        }
        if (analyzer.term(words[static_cast<std::size_t>(at)].lower) == term) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::optional<AnswerSlot> find_answer_slot(std::string_view question,
                                           std::string_view focus,
                                           text::Analyzer& analyzer) {
    std::vector<Word> words = words_of(question);
    std::erase_if(words, [](const Word& w) { return w.lower.empty(); });
    const auto wh =
        std::find_if(words.begin(), words.end(), [](const Word& w) { return is_wh(w.lower); });
    if (wh == words.end()) {
        return std::nullopt;
    }
    AnswerSlot slot;
    if (wh != words.begin()) {
        slot = inner_slot(words, static_cast<std::size_t>(wh - words.begin()), focus, analyzer);
    } else if (words.size() >= 3 && preposition(words.back().lower)) {
        // "What are longer growth spells associated with?": the answer follows "associated with".
        slot.particle = words.back().lower;
        if (content(words[words.size() - 2].lower)) {
            slot.left_term = analyzer.term(words[words.size() - 2].lower);
        }
    }
    if (slot.left_term.empty() && slot.right_term.empty()) {
        return std::nullopt;
    }
    return slot;
}

double slot_cue(const AnswerSlot& slot,
                std::string_view sentence,
                std::uint32_t begin,
                std::uint32_t end,
                text::Analyzer& analyzer) {
    const std::vector<Word> words = words_of(sentence);
    double factor = 1.0;
    if (!slot.left_term.empty()) {
        // The last word before the candidate, articles and possessives skipped.
        std::ptrdiff_t at = -1;
        for (std::size_t i = 0; i < words.size() && words[i].end <= begin; ++i) {
            at = static_cast<std::ptrdiff_t>(i);
        }
        while (at >= 0 && determiner(words[static_cast<std::size_t>(at)].lower)) {
            --at;
        }
        bool particle = slot.particle.empty();
        if (!particle && at >= 0 && words[static_cast<std::size_t>(at)].lower == slot.particle) {
            particle = true;
            --at;
        }
        if (particle && anchor_near(words, at, -1, slot.left_term, analyzer)) {
            factor *= kLeftBoost;
        }
    }
    if (!slot.right_term.empty()) {
        const auto after =
            std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.begin >= end; });
        if (anchor_near(words, after - words.begin(), 1, slot.right_term, analyzer)) {
            factor *= kRightBoost;
        }
    }
    return factor;
}

}  // namespace iskra::answer
