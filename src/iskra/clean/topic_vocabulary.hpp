#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iskra/clean/fingerprint.hpp"
#include "iskra/clean/flat_u64_map.hpp"

namespace iskra::clean {

/// A content word of at most 6 bytes packed into an integer: its bytes from the most significant
/// end, zero padded. Word bytes are never zero, so the packing is exact, and comparing keys
/// compares the words as strings.
using TopicKey = std::uint64_t;

TopicKey topic_key(std::string_view word);
std::string topic_key_text(TopicKey key);

/// Content words of `text` for topic comparison: lower-cased words of three letters or more that
/// are not function words, cut to a 6-byte prefix as a crude stem ("revolutionary" and
/// "revolution" meet).
std::vector<std::string> topic_words(std::string_view text);
/// The same words as keys, appended to `out`.
void append_topic_keys(const NormalizedWords& words, std::vector<TopicKey>& out);

/// Counts of content words over a batch of documents, to ask how much a sentence shares with the
/// rest of its document and collection.
class TopicVocabulary {
  public:
    void add(std::span<const TopicKey> words);
    /// Words among the most frequent ones (the collection's dominant vocabulary). Call once,
    /// after the last `add`.
    void finalize(std::size_t dominant_count);

    std::uint32_t count(TopicKey word) const;
    bool dominant(TopicKey word) const;
    /// `count(word)` and `dominant(word)` from one lookup.
    std::pair<std::uint32_t, bool> count_and_dominant(TopicKey word) const;

  private:
    /// Set in a count by `finalize` to mark a dominant word.
    static constexpr std::uint32_t kDominantBit = 1u << 31;

    FlatU64Map counts_;
};

/// What a sentence's content words share with the rest of the batch.
struct TopicSupport {
    /// 0..1: how much of the sentence's vocabulary recurs elsewhere (its own occurrences
    /// removed).
    double support = 1.0;
    /// Occurrences of words found nowhere else in the batch.
    std::size_t unseen = 0;
    bool any_dominant = false;
};

TopicSupport topic_support(std::span<const TopicKey> sentence_words,
                           const TopicVocabulary& vocabulary);

}  // namespace iskra::clean
