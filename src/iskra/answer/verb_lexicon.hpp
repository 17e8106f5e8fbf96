#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

namespace iskra::answer {

/// English words that are only verbs ("consist", "include", "occur"): never a noun, adjective or
/// adverb in WordNet (Debian package wordnet-base, /usr/share/wordnet). Answer spans end at them,
/// which a few suffix rules cannot tell ("consists", "analyze"). Empty, and so without effect,
/// when WordNet is not installed.
class VerbLexicon {
  public:
    VerbLexicon() = default;
    /// Reads index.verb, index.noun, index.adj and index.adv of the WordNet directory `dir`.
    explicit VerbLexicon(const std::filesystem::path& dir);

    /// The lexicon of the system's WordNet, read once.
    static const VerbLexicon& system();

    /// Whether the lower-case `word` is a verb form (base, -s, -es, -ies, -ed) of a verb-only
    /// lemma and not itself a noun, adjective or adverb.
    bool verb_only(std::string_view word) const;

    std::size_t size() const { return verbs_.size(); }

  private:
    bool has(const std::string& lemma) const { return verbs_.contains(lemma); }

    std::unordered_set<std::string> verbs_;   ///< verb-only lemmas
    std::unordered_set<std::string> others_;  ///< nouns, adjectives, adverbs that share a verb's
                                              ///< inflected form ("news", "needs")
};

}  // namespace iskra::answer
