#include "iskra/answer/answer_group.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace iskra::answer {
namespace {

constexpr double kFurtherSourceShare = 0.4;
// A coarser date of another source ("1924" for "21 January 1924") agrees on what it says.
constexpr double kCoarserSourceShare = 0.8;
constexpr std::uint8_t kDuplicateFlag = 1u << 0;

using WordSet = std::vector<std::string>;  // sorted, unique

// The words of a normalised value, without the punctuation that may cling to them.
WordSet words_of(std::string_view s) {
    WordSet out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) {
            ++i;
        }
        std::string word;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) {
            char c = s[i++];
            if (c != ',' && c != '.' && c != '\'' && c != '"') {
                word += c;
            }
        }
        if (!word.empty()) {
            out.push_back(std::move(word));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool subset(const WordSet& a, const WordSet& b) {
    return !a.empty() && std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// Whether candidate `c` (words `c_words`) belongs to the group whose first member is `head`.
bool same_value(const Candidate& c,
                const WordSet& c_words,
                const Candidate& head,
                const WordSet& head_words) {
    if (c.normalized == head.normalized) {
        return true;
    }
    if (c.date && head.date) {
        // A coarser date joins a finer one it is compatible with, never two fine ones.
        const bool coarser = c.date->precision > head.date->precision;
        return coarser && c.date->compatible(*head.date)
               && c.normalized.find('/') == std::string::npos;
    }
    if (c.date || head.date) {
        return false;
    }
    return subset(c_words, head_words) || subset(head_words, c_words);
}

}  // namespace

std::vector<CandidateGroup> group_candidates(std::span<const Candidate> candidates,
                                             std::span<const Passage> passages) {
    std::vector<std::size_t> order(candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    // Finer dates and longer names first so that they head their groups; then by score.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Candidate& ca = candidates[a];
        const Candidate& cb = candidates[b];
        if (ca.date && cb.date && ca.date->precision != cb.date->precision) {
            return ca.date->precision < cb.date->precision;
        }
        return ca.score > cb.score;
    });
    // Split once: grouping compares every candidate with every group's head.
    std::vector<WordSet> words(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].date) {
            words[i] = words_of(candidates[i].normalized);
        }
    }
    std::vector<CandidateGroup> groups;
    for (std::size_t idx : order) {
        const Candidate& c = candidates[idx];
        auto it = std::find_if(groups.begin(), groups.end(), [&](const CandidateGroup& g) {
            std::size_t head = g.members.front();
            return same_value(c, words[idx], candidates[head], words[head]);
        });
        if (it == groups.end()) {
            CandidateGroup g;
            g.normalized = c.normalized;
            g.text = c.text;
            g.members.push_back(idx);
            groups.push_back(std::move(g));
        } else {
            it->members.push_back(idx);
            // Names: show the longest form ("Gavrilo Princip" over "Princip"), but not one that
            // merely adds the question's own words.
            if (!c.date && c.origin != CandidateOrigin::Spanning
                && c.text.size() > it->text.size()) {
                it->text = c.text;
                it->normalized = c.normalized;
            }
        }
    }
    for (CandidateGroup& g : groups) {
        std::sort(g.members.begin(), g.members.end(), [&](std::size_t a, std::size_t b) {
            return candidates[a].score > candidates[b].score;
        });
        std::set<std::uint32_t> docs;
        std::set<std::uint32_t> coarse_docs;
        double score = 0;
        for (std::size_t m : g.members) {
            const Candidate& c = candidates[m];
            const Passage& p = passages[c.passage];
            g.best_type_confidence = std::max(g.best_type_confidence, c.type_confidence);
            // A copy, or a coarser date merely compatible with the group's value, is not a
            // further independent source for it.
            const bool coarser =
                c.date && candidates[g.members.front()].date
                && c.date->precision > candidates[g.members.front()].date->precision;
            const bool copy =
                (p.flags & kDuplicateFlag) != 0 || (p.doc_flags & kDuplicateFlag) != 0;
            if (docs.empty()) {
                score = c.score;
                docs.insert(p.doc_ordinal);
            } else if (coarser) {
                // "August 1940" in another document supports "20 August 1940".
                if (!copy && !docs.contains(p.doc_ordinal)
                    && coarse_docs.insert(p.doc_ordinal).second) {
                    score += kCoarserSourceShare * kFurtherSourceShare * c.score;
                }
            } else if (!copy && docs.insert(p.doc_ordinal).second) {
                score += kFurtherSourceShare * c.score;
            }
        }
        g.score = score;
        g.independent_sources = static_cast<std::uint32_t>(docs.size());
        // Dates are shown as the best-scored member wrote them.
        if (candidates[g.members.front()].date) {
            auto finest = std::min_element(
                g.members.begin(), g.members.end(), [&](std::size_t a, std::size_t b) {
                    const auto& da = *candidates[a].date;
                    const auto& db = *candidates[b].date;
                    if (da.precision != db.precision) {
                        return da.precision < db.precision;
                    }
                    return candidates[a].score > candidates[b].score;
                });
            g.text = candidates[*finest].text;
            g.normalized = candidates[*finest].normalized;
        }
    }
    std::sort(groups.begin(), groups.end(), [](const CandidateGroup& a, const CandidateGroup& b) {
        return a.score != b.score ? a.score > b.score : a.normalized < b.normalized;
    });
    return groups;
}

bool groups_conflict(const CandidateGroup& a,
                     const CandidateGroup& b,
                     std::span<const Candidate> candidates) {
    const Candidate& ca = candidates[a.members.front()];
    const Candidate& cb = candidates[b.members.front()];
    if (ca.date && cb.date) {
        return !ca.date->compatible(*cb.date);
    }
    return a.normalized != b.normalized;
}

}  // namespace iskra::answer
