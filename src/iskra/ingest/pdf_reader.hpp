#pragma once

#include <string_view>

#include "iskra/ingest/document.hpp"
#include "iskra/ingest/source_info.hpp"
#include "iskra/status.hpp"

namespace iskra::ingest {

/// Extracts the text of a PDF with poppler-cpp, page by page in reading order. Pages are
/// separated by paragraph breaks; lines that poppler reports are kept, blank lines become
/// paragraph breaks, and a word hyphenated across a line break is kept as printed. The title is
/// the document's Title entry, else the first short line, else the file name.
///
/// Limitation: a PDF's text is not stored as readable bytes (streams are compressed and glyphs
/// encoded), so offsets cannot point at the characters. Every page's text maps to the whole file,
/// [0, size): citations name the document and the page's text, not a byte range.
/// Fails with Corruption for bytes poppler cannot open, Unsupported for encrypted PDFs.
Result<Document> read_pdf(std::string_view bytes, const SourceInfo& source);

/// Routes poppler's diagnostics (printed to stderr by default) nowhere; read_pdf calls it.
void silence_poppler();

/// read_pdf without silence_poppler(): several threads may run it at once, each on its own
/// bytes (poppler keeps no shared state per document). Call silence_poppler() first.
Result<Document> extract_pdf(std::string_view bytes, const SourceInfo& source);

}  // namespace iskra::ingest
