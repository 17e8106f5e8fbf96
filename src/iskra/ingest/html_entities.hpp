#pragma once

#include <string>
#include <string_view>

namespace iskra::ingest {

/// Decodes one character reference such as "&amp;", "&#8212;" or "&#x2014;" to UTF-8. Numeric
/// references and the common named ones (HTML's punctuation, quotes, dashes, Latin-1 letters) are
/// known; anything else comes back unchanged, as Markdown renderers leave it.
std::string decode_entity(std::string_view entity);

}  // namespace iskra::ingest
