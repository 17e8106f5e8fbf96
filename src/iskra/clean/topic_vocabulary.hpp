#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace iskra::clean {

/// Content words of `text` for topic comparison: lower-cased words of three letters or more that
/// are not function words, cut to a 6-byte prefix as a crude stem ("revolutionary" and
/// "revolution" meet).
std::vector<std::string> topic_words(std::string_view text);

/// Counts of content words over a batch of documents, to ask how much a sentence shares with the
/// rest of its document and collection.
class TopicVocabulary {
  public:
    void add(const std::vector<std::string>& words);
    /// Words among the most frequent ones (the collection's dominant vocabulary).
    void finalize(std::size_t dominant_count);

    std::uint32_t count(const std::string& word) const;
    bool dominant(const std::string& word) const { return dominant_.contains(word); }

  private:
    std::unordered_map<std::string, std::uint32_t> counts_;
    std::unordered_set<std::string> dominant_;
};

/// 0..1: how much of the sentence's vocabulary recurs elsewhere (its own occurrences removed).
double topic_support(const std::vector<std::string>& sentence_words,
                     const TopicVocabulary& vocabulary);

}  // namespace iskra::clean
