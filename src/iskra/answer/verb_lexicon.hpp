#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace iskra::answer {

/// English verbs from WordNet (Debian package wordnet-base, /usr/share/wordnet): which words are
/// only verbs ("consist", "include", "held": never a noun, adjective or adverb), and which may be
/// verbs at all. Answer spans end at verb-only words, which a few suffix rules cannot tell
/// ("consists", "analyze"). Empty, and so without effect, when WordNet is not installed.
class VerbLexicon {
  public:
    VerbLexicon() = default;
    /// Reads index.verb, verb.exc, index.noun, index.adj and index.adv of the WordNet directory.
    explicit VerbLexicon(const std::filesystem::path& dir);

    /// The lexicon of the system's WordNet, read once.
    static const VerbLexicon& system();

    /// Whether the lower-case `word` is a verb form (base, -s, -es, -ies, -ed) of a verb-only
    /// lemma, or an irregular verb form ("held", "took"), and not itself a noun, adjective or
    /// adverb.
    bool verb_only(std::string_view word) const;
    /// Whether the lower-case `word` may be a form of a verb ("drive", "drives", "took"). True
    /// for every word when the lexicon is empty (nothing is known).
    bool can_be_verb(std::string_view word) const;

    /// Number of verb-only lemmas.
    std::size_t size() const { return verb_only_.size(); }

  private:
    static bool inflection_of(const std::string& word,
                              const std::unordered_set<std::string>& lemmas);

    std::unordered_set<std::string> verbs_;      ///< every single-word verb lemma
    std::unordered_set<std::string> verb_only_;  ///< verb lemmas that are nothing else
    /// Irregular forms ("held" -> "hold"); `irregular_only_` keeps those that are no noun etc.
    std::unordered_map<std::string, std::string> irregular_;
    std::unordered_map<std::string, std::string> irregular_only_;
    /// Nouns, adjectives, adverbs that look like inflected verbs ("news", "needs").
    std::unordered_set<std::string> others_;
};

}  // namespace iskra::answer
