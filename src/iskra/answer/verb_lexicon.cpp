#include "iskra/answer/verb_lexicon.hpp"

#include <fstream>

namespace iskra::answer {
namespace {

constexpr const char* kWordNetDir = "/usr/share/wordnet";

// The first two fields of each line of a WordNet file (index: lemma and part of speech; exc:
// form and lemma); license lines start with a space; multi-word lemmas (with '_') are skipped.
template <typename Fn>
void for_each_entry(const std::filesystem::path& file, Fn&& fn) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') {
            continue;
        }
        const std::size_t space = line.find(' ');
        const std::string_view first = std::string_view(line).substr(0, space);
        std::string_view second;
        if (space != std::string::npos) {
            second = std::string_view(line).substr(space + 1);
            second = second.substr(0, second.find(' '));
        }
        if (first.find('_') == std::string_view::npos) {
            fn(first, second);
        }
    }
}

}  // namespace

VerbLexicon::VerbLexicon(const std::filesystem::path& dir) {
    for_each_entry(dir / "index.verb",
                   [&](std::string_view lemma, std::string_view) { verbs_.emplace(lemma); });
    for_each_entry(dir / "verb.exc", [&](std::string_view form, std::string_view lemma) {
        if (verbs_.contains(std::string(lemma))) {
            irregular_.emplace(form, lemma);
        }
    });
    verb_only_ = verbs_;
    irregular_only_ = irregular_;
    for (const char* other : {"index.noun", "index.adj", "index.adv"}) {
        for_each_entry(dir / other, [&](std::string_view lemma, std::string_view) {
            const std::string word(lemma);
            verb_only_.erase(word);
            irregular_only_.erase(word);
            // Only an inflected-looking noun can be mistaken for a verb form ("news", "species").
            if (word.ends_with('s') || word.ends_with("ed")) {
                others_.insert(word);
            }
        });
    }
}

const VerbLexicon& VerbLexicon::system() {
    static const VerbLexicon lexicon{std::filesystem::path(kWordNetDir)};
    return lexicon;
}

bool VerbLexicon::inflection_of(const std::string& w,
                                const std::unordered_set<std::string>& lemmas) {
    auto stem_has = [&](std::size_t cut, std::string_view add = {}) {
        return w.size() > cut + 2
               && lemmas.contains(w.substr(0, w.size() - cut) + std::string(add));
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

bool VerbLexicon::verb_only(std::string_view word) const {
    if (verb_only_.empty() || word.size() < 3) {
        return false;
    }
    const std::string w(word);
    if (verb_only_.contains(w)) {
        return true;
    }
    if (irregular_only_.contains(w)) {
        return true;  // "held", "took": an irregular verb form that is nothing else
    }
    return !others_.contains(w) && inflection_of(w, verb_only_);
}

bool VerbLexicon::can_be_verb(std::string_view word) const {
    if (verbs_.empty()) {
        return true;
    }
    const std::string w(word);
    return verbs_.contains(w) || irregular_.contains(w) || inflection_of(w, verbs_);
}

}  // namespace iskra::answer
