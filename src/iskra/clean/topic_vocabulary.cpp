#include "iskra/clean/topic_vocabulary.hpp"

#include <algorithm>
#include <array>

namespace iskra::clean {
namespace {

constexpr std::size_t kStemBytes = 6;

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

constexpr std::size_t kMaxFunctionWord = 8;

// Up to 8 bytes packed from the most significant end (the function word test's key).
constexpr std::uint64_t pack8(std::string_view w) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        key <<= 8;
        if (i < w.size()) {
            key |= static_cast<unsigned char>(w[i]);
        }
    }
    return key;
}

// The function words' keys in an open-addressing table (linear probing, 0 marks a free slot),
// so that the test costs one or two comparisons.
constexpr std::size_t kFunctionSlots = 512;

constexpr std::size_t function_slot(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 55);
}

constexpr std::array<std::uint64_t, kFunctionSlots> function_key_table() {
    std::array<std::uint64_t, kFunctionSlots> table{};
    for (std::string_view word : kFunctionWords) {
        const std::uint64_t key = pack8(word);
        std::size_t at = function_slot(key);
        while (table[at] != 0) {
            at = (at + 1) % kFunctionSlots;
        }
        table[at] = key;
    }
    return table;
}

constexpr auto kFunctionKeys = function_key_table();

// `packed` is pack8 of a word of at most kMaxFunctionWord bytes.
bool is_function_key(std::uint64_t packed) {
    for (std::size_t at = function_slot(packed);; at = (at + 1) % kFunctionSlots) {
        if (kFunctionKeys[at] == packed) {
            return true;
        }
        if (kFunctionKeys[at] == 0) {
            return false;
        }
    }
}

bool is_number(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

TopicKey topic_key(std::string_view word) {
    TopicKey key = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        key <<= 8;
        if (i < std::min(word.size(), kStemBytes)) {
            key |= static_cast<unsigned char>(word[i]);
        }
    }
    return key;
}

std::string topic_key_text(TopicKey key) {
    std::string out;
    for (int shift = 56; shift >= 0; shift -= 8) {
        const auto byte = static_cast<char>((key >> shift) & 0xFFu);
        if (byte == '\0') {
            break;
        }
        out.push_back(byte);
    }
    return out;
}

// The key is the word's first 8 bytes packed with its stem bytes cleared: one packing serves
// the function word test and the key.
void append_topic_keys(const NormalizedWords& words, std::vector<TopicKey>& out) {
    constexpr std::uint64_t kStemMask = ~std::uint64_t{0} << (8 * (8 - kStemBytes));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words.word(i);
        if (w.size() < 3) {
            continue;
        }
        const std::uint64_t packed = pack8(w);
        if ((w.size() <= kMaxFunctionWord && is_function_key(packed)) || is_number(w)) {
            continue;
        }
        out.push_back(packed & kStemMask);
    }
}

std::vector<std::string> topic_words(std::string_view text) {
    NormalizedWords words;
    normalize_words(text, words);
    std::vector<TopicKey> keys;
    append_topic_keys(words, keys);
    std::vector<std::string> out;
    out.reserve(keys.size());
    for (TopicKey key : keys) {
        out.push_back(topic_key_text(key));
    }
    return out;
}

void TopicVocabulary::add(std::span<const TopicKey> words) {
    for (TopicKey w : words) {
        ++counts_[w];
    }
}

void TopicVocabulary::finalize(std::size_t dominant_count) {
    std::vector<std::pair<std::uint32_t, TopicKey>> ranked;
    ranked.reserve(counts_.size());
    counts_.for_each([&](TopicKey word, std::uint32_t n) { ranked.emplace_back(n, word); });
    const std::size_t keep = std::min(dominant_count, ranked.size());
    auto by_rank = [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    std::partial_sort(
        ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), by_rank);
    for (std::size_t i = 0; i < keep; ++i) {
        if (ranked[i].first >= 3) {
            counts_[ranked[i].second] |= kDominantBit;
        }
    }
}

std::uint32_t TopicVocabulary::count(TopicKey word) const {
    const std::uint32_t* n = counts_.find(word);
    return n == nullptr ? 0 : *n & ~kDominantBit;
}

bool TopicVocabulary::dominant(TopicKey word) const {
    const std::uint32_t* n = counts_.find(word);
    return n != nullptr && (*n & kDominantBit) != 0;
}

std::pair<std::uint32_t, bool> TopicVocabulary::count_and_dominant(TopicKey word) const {
    const std::uint32_t* n = counts_.find(word);
    if (n == nullptr) {
        return {0, false};
    }
    return {*n & ~kDominantBit, (*n & kDominantBit) != 0};
}

TopicSupport topic_support(std::span<const TopicKey> sentence_words,
                           const TopicVocabulary& vocabulary) {
    TopicSupport out;
    if (sentence_words.empty()) {
        return out;
    }
    // Most sentences have few content words: sort them on the stack.
    constexpr std::size_t kInline = 64;
    std::array<TopicKey, kInline> inline_keys{};
    std::vector<TopicKey> heap_keys;
    std::span<TopicKey> sorted;
    if (sentence_words.size() <= kInline) {
        sorted = std::span<TopicKey>(inline_keys.data(), sentence_words.size());
    } else {
        heap_keys.resize(sentence_words.size());
        sorted = heap_keys;
    }
    std::copy(sentence_words.begin(), sentence_words.end(), sorted.begin());
    std::sort(sorted.begin(), sorted.end());
    double total = 0;
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i]) {
            ++j;
        }
        const auto own = static_cast<std::uint32_t>(j - i);
        const auto [all, dominant] = vocabulary.count_and_dominant(sorted[i]);
        const std::uint32_t elsewhere = all - std::min(all, own);
        // A word seen twice elsewhere is fully supported; once, half.
        total += std::min(1.0, static_cast<double>(elsewhere) / 2.0);
        if (all <= own) {
            out.unseen += own;
        }
        out.any_dominant = out.any_dominant || dominant;
        ++distinct;
        i = j;
    }
    out.support = total / static_cast<double>(distinct);
    return out;
}

}  // namespace iskra::clean
