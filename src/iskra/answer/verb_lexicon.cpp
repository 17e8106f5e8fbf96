#include "iskra/answer/verb_lexicon.hpp"

#include <fstream>

namespace iskra::answer {
namespace {

constexpr const char* kWordNetDir = "/usr/share/wordnet";

// The lemmas (first field) of a WordNet index file; license lines start with a space.
template <typename Fn>
void for_each_lemma(const std::filesystem::path& file, Fn&& fn) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') {
            continue;
        }
        const std::size_t space = line.find(' ');
        fn(std::string_view(line).substr(0, space));
    }
}

}  // namespace

VerbLexicon::VerbLexicon(const std::filesystem::path& dir) {
    std::unordered_set<std::string> verbs;
    for_each_lemma(dir / "index.verb", [&](std::string_view lemma) {
        if (lemma.find('_') == std::string_view::npos) {
            verbs.emplace(lemma);
        }
    });
    for (const char* other : {"index.noun", "index.adj", "index.adv"}) {
        for_each_lemma(dir / other, [&](std::string_view lemma) {
            if (lemma.find('_') != std::string_view::npos) {
                return;
            }
            const std::string word(lemma);
            verbs.erase(word);
            // Only an inflected-looking noun can be mistaken for a verb form ("news", "species").
            if (word.ends_with('s') || word.ends_with("ed")) {
                others_.insert(word);
            }
        });
    }
    verbs_ = std::move(verbs);
}

const VerbLexicon& VerbLexicon::system() {
    static const VerbLexicon lexicon{std::filesystem::path(kWordNetDir)};
    return lexicon;
}

bool VerbLexicon::verb_only(std::string_view word) const {
    if (verbs_.empty() || word.size() < 3) {
        return false;
    }
    const std::string w(word);
    if (has(w)) {
        return true;
    }
    if (others_.contains(w)) {
        return false;
    }
    auto stem_has = [&](std::size_t cut, std::string_view add = {}) {
        return w.size() > cut + 2 && has(w.substr(0, w.size() - cut) + std::string(add));
    };
    if (w.ends_with("ies")) {
        return stem_has(3, "y");
    }
    if (w.ends_with("es") && stem_has(2)) {
        return true;
    }
    if (w.ends_with('s') && !w.ends_with("ss")) {
        return stem_has(1);
    }
    if (w.ends_with("ed")) {
        return stem_has(2) || stem_has(1);
    }
    return false;
}

}  // namespace iskra::answer
