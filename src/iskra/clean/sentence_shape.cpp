#include "iskra/clean/sentence_shape.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace iskra::clean {
namespace {

// Words that occur in references and citations rather than in prose.
constexpr std::array<std::string_view, 16> kReferenceWords = {
    "isbn",
    "issn",
    "doi",
    "retrieved",
    "archived",
    "pp",
    "ibid",
    "op",
    "cit",
    "vol",
    "eds",
    "oclc",
    "pmid",
    "jstor",
    "arxiv",
    "accessed",
};

// Openers of figure and table captions and image credits.
constexpr std::array<std::string_view, 8> kCaptionOpeners = {
    "figure",
    "fig",
    "table",
    "image",
    "photo",
    "photograph",
    "caption",
    "source",
};

// A word that starts with a digit and holds only digits and non-ASCII bytes. The first byte is
// tested first: most words are ruled out by it.
bool is_number(std::string_view w) {
    return !w.empty() && (w[0] >= '0' && w[0] <= '9')
           && std::all_of(w.begin() + 1, w.end(), [](char c) {
                  return (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
              });
}

// A lone letter other than the words "a" and "i": an initial, a cut "p."/"n." or a list label.
bool is_lone_letter(std::string_view w) {
    return w.size() == 1 && w[0] >= 'a' && w[0] <= 'z' && w != "a" && w != "i";
}

// The bytes of " \t\r\n\"'”’)]", which may follow a sentence's last mark.
constexpr std::array<bool, 256> sentence_trail_table() {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view(" \t\r\n\"'”’)]")) {
        table[c] = true;
    }
    return table;
}

constexpr auto kSentenceTrail = sentence_trail_table();

bool ends_like_sentence(std::string_view sentence) {
    // The last byte not in kSentenceTrail (as find_last_not_of with that byte set).
    std::size_t end = sentence.size();
    while (end > 0 && kSentenceTrail[static_cast<unsigned char>(sentence[end - 1])]) {
        --end;
    }
    if (end == 0) {
        return false;
    }
    const char c = sentence[end - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool one_of(std::string_view w, const auto& list) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// For each first letter a-z, a bit per length (up to 63) of the reference words: most words are
// ruled out by one lookup instead of sixteen comparisons.
constexpr std::array<std::uint64_t, 26> reference_word_shapes() {
    std::array<std::uint64_t, 26> shapes{};
    for (std::string_view w : kReferenceWords) {
        shapes[static_cast<std::size_t>(w[0] - 'a')] |= std::uint64_t{1} << w.size();
    }
    return shapes;
}

constexpr auto kReferenceWordShapes = reference_word_shapes();

bool is_reference_word(std::string_view w) {
    if (w.empty() || w.size() > 63 || w[0] < 'a' || w[0] > 'z') {
        return false;
    }
    const std::uint64_t lengths = kReferenceWordShapes[static_cast<std::size_t>(w[0] - 'a')];
    return ((lengths >> w.size()) & 1) != 0 && one_of(w, kReferenceWords);
}

}  // namespace

float sentence_shape_quality(std::string_view sentence, const NormalizedWords& words) {
    const std::size_t n = words.size();
    if (n == 0) {
        return 0.2f;
    }
    std::size_t numbers = 0;
    std::size_t letters = 0;
    bool reference = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = words.word(i);
        numbers += is_number(w) ? 1 : 0;
        letters += is_lone_letter(w) ? 1 : 0;
        reference = reference || is_reference_word(w);
    }
    const bool prose_end = ends_like_sentence(sentence);
    double q = 1.0;
    if (reference) {
        q *= 0.35;
    }
    // "et al": an author list.
    if (sentence.find("et al") != std::string_view::npos) {
        q *= 0.5;
    }
    // A cut-off fragment: a lone letter at its end ("... 1905 p", "... address n").
    if (is_lone_letter(words.word(n - 1)) && n <= 12) {
        q *= 0.4;
    }
    if (one_of(words.word(0), kCaptionOpeners) && n <= 20 && !prose_end) {
        q *= 0.5;
    }
    // Short lines without a sentence end: headings, contents entries, reference titles.
    if (n <= 4 && !prose_end) {
        q *= n <= 3 ? 0.45 : 0.6;
    }
    // "10 united opposition 1926-1927 2", "1969 paul venn life work": numbered or dated lines.
    if (n <= 7 && !prose_end && (is_number(words.word(0)) || is_number(words.word(n - 1)))) {
        q *= 0.5;
    }
    // Number tables and lists of years.
    const double number_share = static_cast<double>(numbers) / static_cast<double>(n);
    if (n >= 4 && number_share > 0.5) {
        q *= 0.5;
    }
    // Many initials: an author list or a glued reference line.
    if (n >= 6 && static_cast<double>(letters) / static_cast<double>(n) > 0.2) {
        q *= 0.6;
    }
    return static_cast<float>(std::max(0.2, q));
}

float sentence_shape_quality(std::string_view sentence) {
    NormalizedWords words;
    normalize_words(sentence, words);
    return sentence_shape_quality(sentence, words);
}

}  // namespace iskra::clean
