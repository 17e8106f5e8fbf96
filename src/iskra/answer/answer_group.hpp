#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "iskra/answer/candidate.hpp"
#include "iskra/answer/passage.hpp"

namespace iskra::answer {

/// Candidates that give the same value, with the best form to show.
struct CandidateGroup {
    std::string text;  ///< the display form (longest name, best-written date)
    std::string normalized;
    std::vector<std::size_t> members;  ///< indices into the candidate list, best first
    double score = 0;
    std::uint32_t independent_sources = 0;
    double best_type_confidence = 0;
};

/// Groups candidates by value: equal normalised values; dates where one is a coarser form of the
/// other ("1940" joins "1940-08-21"); names where one's words are a subset of the other's
/// ("Princip" joins "Gavrilo Princip"). A group's score is its best candidate plus a share of the
/// best candidate of each further independent source: another document, not a sentence the
/// cleaner flagged as a copy. Returned best first.
std::vector<CandidateGroup> group_candidates(std::span<const Candidate> candidates,
                                             std::span<const Passage> passages);

/// True when two groups say incompatible things (a conflict), not two precisions of one value.
bool groups_conflict(const CandidateGroup& a,
                     const CandidateGroup& b,
                     std::span<const Candidate> candidates);

}  // namespace iskra::answer
