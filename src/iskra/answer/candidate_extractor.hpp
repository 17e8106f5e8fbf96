#pragma once

#include <vector>

#include "iskra/answer/candidate.hpp"
#include "iskra/answer/matched_terms.hpp"
#include "iskra/answer/name_book.hpp"
#include "iskra/answer/passage.hpp"
#include "iskra/answer/question.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer {

/// Finds the values of the question's expected type in one passage's sentence: dates (normalised
/// to ISO by the extraction module), numbers, and names (capitalised spans typed by the extraction
/// module, or, in lower-cased text, names from `names`). Values made only of the question's own
/// words are left out. Each candidate gets `type_confidence`; `score` is left at 0.
std::vector<Candidate> extract_candidates(const Question& question,
                                          const Passage& passage,
                                          std::size_t passage_index,
                                          const NameBook& names,
                                          text::Analyzer& analyzer);

/// The value of a number written in digits ("1,200", "15") or words ("sixty", "forty-two").
std::optional<double> parse_number(std::string_view text);

/// Adds the capitalised names of `sentence` to `names` (for lower-cased passages).
void learn_names(std::string_view sentence, NameBook& names, text::Analyzer& analyzer);

}  // namespace iskra::answer
