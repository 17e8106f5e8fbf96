#pragma once

#include <string>
#include <string_view>

namespace iskra::text {

/// Lower-cases ASCII letters and leaves every other byte as it is. A cheap stand-in for
/// Analyzer::fold when the input is known to be ASCII (keywords, question words, stop words).
std::string fold_ascii_lower(std::string_view text);

/// True when every byte of `text` is below 0x80.
bool is_ascii(std::string_view text);

}  // namespace iskra::text
