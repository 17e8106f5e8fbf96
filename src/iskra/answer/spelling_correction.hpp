#pragma once

#include <string>
#include <string_view>

#include "iskra/answer/question.hpp"
#include "iskra/index/snapshot.hpp"

namespace iskra::answer {

/// The indexed term one edit away from `term` (a letter or digit deleted, inserted or replaced,
/// or two adjacent bytes swapped) that the most documents of `snapshot` hold; empty when none
/// does, or when `term` is shorter than `min_length` bytes (short words have too many
/// neighbours to guess from).
std::string nearest_indexed_term(const index::Snapshot& snapshot,
                                 std::string_view term,
                                 std::size_t min_length = 5);

/// A key term of `question` that no document holds in any of its variants gets the collection's
/// spelling of it as one more variant: names typed from memory are often one letter off
/// ("Sheeshanks" for "Sheepshanks", "Zeria" for "Zeira"), and a term that is absent counts as
/// missing evidence, so the question would go unanswered.
void add_collection_spellings(const index::Snapshot& snapshot, Question& question);

}  // namespace iskra::answer
