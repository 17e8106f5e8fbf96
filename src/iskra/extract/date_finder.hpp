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
/// early/mid/late qualifiers, Julian/Gregorian pairs ("7 November [O.S. 26 October] 1879",
/// "(O.S. ...)", "November 7 [O.S. October 26], 1879", "7 November 1879 (O.S. 26 October 1879)";
/// the value is the New Style date, `old_style` the Julian one; a cut Old Style bracket such as
/// "[o october]" is skipped) and relative expressions ("the next day", "two months later").
/// Relative and year-less mentions come back with `resolved == false`; extract_document anchors
/// them within a passage.
std::vector<DateMention> find_dates(std::string_view sentence);

/// Same, over tokens and folded words already computed for `sentence` (see fold_words).
std::vector<DateMention> find_dates(std::string_view sentence,
                                    const std::vector<ScanToken>& tokens,
                                    const FoldedWords& folded);

}  // namespace iskra::extract
