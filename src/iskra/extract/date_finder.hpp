#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "iskra/extract/date_mention.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

/// Finds the temporal expressions of one sentence (or any short text), left to right, with byte
/// spans relative to `sentence`.
///
/// Reads day-month-year in both orders, ISO dates, month-year, bare years (1000..2100 and not a
/// quantity, page, label or part of a number chain such as "13/2182-90"), year ranges, decades,
/// early/mid/late qualifiers, Julian/Gregorian pairs ("7 november [o.s. 26 october] 1879") and
/// relative expressions ("the next day", "two months later"). Relative and year-less mentions
/// come back with `resolved == false`; extract_document anchors them within a passage.
std::vector<DateMention> find_dates(std::string_view sentence);

/// Same, over tokens and folded words already computed for `sentence` (see fold_words).
std::vector<DateMention> find_dates(std::string_view sentence,
                                    const std::vector<ScanToken>& tokens,
                                    const FoldedWords& folded);

}  // namespace iskra::extract
