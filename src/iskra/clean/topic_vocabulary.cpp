#include "iskra/clean/topic_vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {
namespace {

constexpr std::array<std::string_view, 96> kFunctionWords = {
    "the",    "and",     "for",     "that",   "this",    "with",    "from",    "was",   "were",
    "are",    "has",     "had",     "have",   "his",     "her",     "him",     "she",   "they",
    "them",   "their",   "its",     "not",    "but",     "who",     "whom",    "which", "what",
    "when",   "where",   "why",     "how",    "all",     "any",     "been",    "being", "can",
    "could",  "did",     "does",    "doing",  "into",    "onto",    "than",    "then",  "there",
    "these",  "those",   "will",    "would",  "should",  "about",   "after",   "also",  "because",
    "before", "between", "both",    "each",   "even",    "few",     "more",    "most",  "much",
    "other",  "our",     "out",     "over",   "same",    "some",    "such",    "only",  "own",
    "very",   "just",    "you",     "your",   "yours",   "one",     "two",     "may",   "might",
    "must",   "while",   "until",   "upon",   "under",   "again",   "further", "once",  "here",
    "off",    "down",    "through", "during", "against", "without",
};

bool is_function_word(std::string_view w) {
    return std::find(kFunctionWords.begin(), kFunctionWords.end(), w) != kFunctionWords.end();
}

bool is_number(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> topic_words(std::string_view text) {
    std::vector<std::string> out;
    for (std::string& w : fingerprint_words(text)) {
        if (w.size() < 3 || is_function_word(w) || is_number(w)) {
            continue;
        }
        if (w.size() > 6) {
            w.resize(6);
        }
        out.push_back(std::move(w));
    }
    return out;
}

void TopicVocabulary::add(const std::vector<std::string>& words) {
    for (const std::string& w : words) {
        ++counts_[w];
    }
}

void TopicVocabulary::finalize(std::size_t dominant_count) {
    std::vector<std::pair<std::uint32_t, std::string>> ranked;
    ranked.reserve(counts_.size());
    for (const auto& [word, n] : counts_) {
        ranked.emplace_back(n, word);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    dominant_.clear();
    for (std::size_t i = 0; i < std::min(dominant_count, ranked.size()); ++i) {
        if (ranked[i].first >= 3) {
            dominant_.insert(ranked[i].second);
        }
    }
}

std::uint32_t TopicVocabulary::count(const std::string& word) const {
    auto it = counts_.find(word);
    return it == counts_.end() ? 0 : it->second;
}

double topic_support(const std::vector<std::string>& sentence_words,
                     const TopicVocabulary& vocabulary) {
    if (sentence_words.empty()) {
        return 1.0;
    }
    std::unordered_map<std::string, std::uint32_t> own;
    for (const std::string& w : sentence_words) {
        ++own[w];
    }
    double total = 0;
    for (const auto& [word, n] : own) {
        const std::uint32_t elsewhere =
            vocabulary.count(word) - std::min(vocabulary.count(word), n);
        // A word seen twice elsewhere is fully supported; once, half.
        total += std::min(1.0, static_cast<double>(elsewhere) / 2.0);
    }
    return total / static_cast<double>(own.size());
}

}  // namespace iskra::clean
