#pragma once

#include <string_view>

#include "iskra/ingest/document.hpp"
#include "iskra/ingest/source_info.hpp"
#include "iskra/status.hpp"

namespace iskra::ingest {

/// Extracts the text of a Markdown document with md4c (CommonMark + GitHub tables and
/// strikethrough). Markup goes, text stays: each block becomes a paragraph, soft line breaks a
/// space, hard breaks a line break; raw HTML is dropped; code is kept as text. The title is the
/// first level-1 heading, else the first heading, else the first short line, else the file name.
/// Offsets point at the exact source bytes of each text run.
Result<Document> read_markdown(std::string_view bytes, const SourceInfo& source);

}  // namespace iskra::ingest
