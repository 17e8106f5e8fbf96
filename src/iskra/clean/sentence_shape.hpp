#pragma once

#include <string_view>

#include "iskra/clean/fingerprint.hpp"

namespace iskra::clean {

/// How much a sentence looks like prose rather than a fragment, from its own text: 1 for an
/// ordinary sentence, lower for bibliography and citation fragments ("Smith 1905 p", "Retrieved
/// 3 May 2010", "ISBN ..."), figure and table captions, section headings and contents lines
/// ("10 united opposition 1926-1927 2"), number tables, and very short cut-off fragments
/// ("telephone address n"). Works on lower-cased, stop-word-stripped text too. Never below 0.2.
float sentence_shape_quality(std::string_view sentence, const NormalizedWords& words);
float sentence_shape_quality(std::string_view sentence);

}  // namespace iskra::clean
