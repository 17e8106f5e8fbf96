#pragma once

#include <string>
#include <string_view>

namespace iskra::extract {

/// The comparison form of a name or word: lower case, Latin diacritics removed ("Córdoba" ->
/// "cordoba"), Cyrillic and Greek lower-cased, typographic apostrophes and dashes made ASCII,
/// runs of whitespace collapsed to one space. Cheap (a byte loop and a small table), so it can
/// run on every mention of a large collection.
std::string fold_name(std::string_view text);

/// Appends the folded form of `text` to `out` (see fold_name).
void append_folded(std::string_view text, std::string& out);

}  // namespace iskra::extract
