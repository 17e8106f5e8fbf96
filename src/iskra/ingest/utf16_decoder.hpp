#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iskra::ingest {

/// True when `bytes` start with a UTF-16 byte order mark (FF FE or FE FF), as text exported by
/// Windows tools often does. Such files are full of NUL bytes and would otherwise look binary.
bool has_utf16_bom(std::string_view bytes);

/// Decodes UTF-16 (the byte order given by the BOM, which is dropped) to UTF-8; unpaired
/// surrogates and a trailing odd byte become U+FFFD, and `replaced` counts them.
std::string utf16_to_utf8(std::string_view bytes, std::size_t& replaced);

}  // namespace iskra::ingest
