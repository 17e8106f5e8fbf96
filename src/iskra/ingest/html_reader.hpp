#pragma once

#include <string_view>

#include "iskra/ingest/document.hpp"
#include "iskra/ingest/source_info.hpp"
#include "iskra/status.hpp"

namespace iskra::ingest {

/// Extracts the readable text of an HTML page with gumbo (the HTML5 parsing algorithm, so any
/// bytes parse). script, style, noscript, template, head, svg and similar elements are dropped;
/// block elements (p, div, h1-h6, li, tr, ...) become paragraph breaks and <br> a line break;
/// entities are decoded and whitespace collapsed. The title is <title>, else the first <h1>,
/// else the file name. Offsets point at each text node's bytes in `bytes` (exactly where the
/// text was copied, to the whole node where entities were decoded).
Result<Document> read_html(std::string_view bytes, const SourceInfo& source);

}  // namespace iskra::ingest
