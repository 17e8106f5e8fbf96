#include "iskra/answer/text_language.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace iskra::answer {
namespace {

constexpr std::size_t kLanguages = 7;
constexpr std::size_t kLead = 2;  // ... and this many times as many as the runner-up's

// Frequent function words of each language that are not words of the others (no "in", "de",
// "die", "a", "is", "en", "son"): one hit means one language.
struct FunctionWords {
    Language language;
    std::array<std::string_view, 16> words;  // "" pads
};

constexpr std::array<FunctionWords, kLanguages - 1> kFunctionWords = {{
    {Language::English,
     {"the",
      "and",
      "of",
      "to",
      "is",
      "are",
      "was",
      "were",
      "with",
      "that",
      "this",
      "for",
      "from",
      "which",
      "what",
      "how"}},
    {Language::German,
     {"der",
      "das",
      "und",
      "ist",
      "nicht",
      "mit",
      "von",
      "zu",
      "den",
      "auf",
      "sich",
      "eine",
      "wird",
      "werden"}},
    {Language::French,
     {"le",
      "la",
      "les",
      "des",
      "est",
      "et",
      "une",
      "dans",
      "pour",
      "qui",
      "sur",
      "pas",
      "avec",
      "sont"}},
    {Language::Spanish,
     {"el",
      "los",
      "las",
      "del",
      "y",
      "es",
      "por",
      "con",
      "para",
      "una",
      "su",
      "como",
      "pero",
      "esta"}},
    {Language::Italian,
     {"il",
      "di",
      "che",
      "della",
      "per",
      "non",
      "sono",
      "gli",
      "nel",
      "alla",
      "anche",
      "questo",
      "delle",
      "degli"}},
    {Language::Dutch,
     {"het",
      "een",
      "van",
      "niet",
      "op",
      "voor",
      "met",
      "zijn",
      "wordt",
      "ook",
      "aan",
      "bij",
      "naar",
      "deze"}},
}};

std::size_t language_of_word(std::string_view word) {
    for (std::size_t l = 0; l < kFunctionWords.size(); ++l) {
        const auto& words = kFunctionWords[l].words;
        if (std::find(words.begin(), words.end(), word) != words.end() && !word.empty()) {
            return l;
        }
    }
    return kFunctionWords.size();
}

}  // namespace

Language guess_language(std::string_view text, std::size_t min_words) {
    std::array<std::size_t, kFunctionWords.size()> hits{};
    std::string word;
    auto count = [&] {
        if (!word.empty() && word.size() <= 7) {
            const std::size_t l = language_of_word(word);
            if (l < hits.size()) {
                ++hits[l];
            }
        }
        word.clear();
    };
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80) {
            word.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
        } else {
            count();
        }
    }
    count();
    const auto best = std::max_element(hits.begin(), hits.end());
    std::size_t runner_up = 0;
    for (auto it = hits.begin(); it != hits.end(); ++it) {
        runner_up = it == best ? runner_up : std::max(runner_up, *it);
    }
    if (*best < std::max<std::size_t>(1, min_words) || *best < kLead * runner_up) {
        return Language::Unknown;
    }
    return kFunctionWords[static_cast<std::size_t>(best - hits.begin())].language;
}

}  // namespace iskra::answer
