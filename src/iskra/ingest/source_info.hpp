#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "iskra/ingest/document.hpp"

namespace iskra::ingest {

/// Where bytes handed to an in-memory reader (read_html, read_markdown...) came from.
struct SourceInfo {
    std::string id;           ///< Document::id to give
    std::string source_path;  ///< Document::source_path to give
    std::string file_name;    ///< the title when the content has none
    std::uint64_t mtime_ns = 0;
};

/// A Document with the fields every reader fills the same way: id, path, format, size, content
/// hash (XXH3 of `source_bytes`) and mtime. Text, title and offsets are left to the reader.
Document new_document(const SourceInfo& source, Format format, std::string_view source_bytes);

/// Trims ASCII whitespace at both ends and collapses inner runs of it to one space.
std::string collapse_spaces(std::string_view text);

/// `title` cut to at most 300 bytes at a character boundary (with "..." when cut).
std::string limit_title(std::string title);

/// The first non-empty line of `text` when it is shorter than 120 bytes, else `fallback`.
std::string first_line_title(std::string_view text, std::string_view fallback);

}  // namespace iskra::ingest
