#include "iskra/answer/lexical_synonyms.hpp"

#include <algorithm>
#include <array>

namespace iskra::answer {
namespace {

struct SynonymSet {
    std::array<std::string_view, 8> words;
    std::size_t size;
};

// Each row is one equivalence class; a word may be looked up in any of its inflected forms listed.
constexpr std::array<SynonymSet, 22> kSets = {{
    {{"kill",
      "killed",
      "assassinate",
      "assassinated",
      "murder",
      "murdered",
      "assassination",
      "killing"},
     8},
    {{"born", "birth", "birthplace"}, 3},
    {{"die", "died", "death", "dead", "dies"}, 5},
    {{"found", "founded", "establish", "established", "create", "created", "form", "formed"}, 8},
    {{"write", "wrote", "written", "author", "authored"}, 5},
    {{"lead", "led", "leader", "head", "headed", "chairman", "chair"}, 7},
    {{"marry", "married", "wife", "husband", "spouse", "marriage"}, 6},
    {{"begin", "began", "start", "started", "beginning"}, 5},
    {{"end", "ended", "finish", "finished"}, 4},
    {{"child", "children", "son", "sons", "daughter", "daughters"}, 6},
    {{"exile", "exiled", "banish", "banished", "deport", "deported"}, 6},
    {{"arrest", "arrested", "imprison", "imprisoned", "jail", "jailed", "prison"}, 7},
    {{"live", "lived", "living", "reside", "resided", "home"}, 6},
    {{"win", "won", "victory", "defeat", "defeated"}, 5},
    {{"old", "age", "aged"}, 3},
    {{"succeed", "succeeded", "successor", "replace", "replaced"}, 5},
    {{"precede", "preceded", "predecessor"}, 3},
    {{"join", "joined", "member", "membership"}, 4},
    {{"attack", "attacked", "assault", "raid"}, 4},
    {{"side", "sided", "support", "supported", "supporting", "supporter", "supporters"}, 7},
    {{"control", "power", "leadership", "rule", "ruled"}, 5},
    {{"organise", "organize", "organised", "organized", "organisation", "organization"}, 6},
}};

constexpr std::array<std::string_view, 4> kDeath = {"die", "died", "death", "dying"};
constexpr std::array<std::string_view, 12> kKilling = {
    "kill",
    "killed",
    "assassinate",
    "assassinated",
    "murder",
    "murdered",
    "killing",
    "executed",
    "execute",
    "execution",
    "slain",
    "assassination",
};

}  // namespace

std::span<const std::string_view> same_time_events(std::string_view folded_word) {
    if (std::find(kKilling.begin(), kKilling.end(), folded_word) != kKilling.end()) {
        return {kDeath.data(), kDeath.size()};
    }
    return {};
}

std::span<const std::string_view> lexical_synonyms(std::string_view folded_word) {
    for (const SynonymSet& set : kSets) {
        for (std::size_t i = 0; i < set.size; ++i) {
            if (set.words[i] == folded_word) {
                return {set.words.data(), set.size};
            }
        }
    }
    return {};
}

}  // namespace iskra::answer
