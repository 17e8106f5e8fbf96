#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace iskra::ingest {

enum class Format : std::uint8_t { Text, Markdown, Html, Pdf, JsonLines };

/// "text", "markdown", "html", "pdf", "jsonl".
const char* format_name(Format format);

/// Maps a run of the extracted text back to the bytes of the original file it came from.
/// Runs are sorted by text_begin and do not overlap; text between runs (inserted separators)
/// maps to the nearest run.
struct OffsetRun {
    std::uint32_t text_begin;
    std::uint32_t text_end;
    std::uint64_t source_begin;
    std::uint64_t source_end;
};

/// A document as read from a file or a JSON Lines record, before cleaning and indexing.
struct Document {
    std::string id;           ///< stable external id: the path as given, or the JSONL "id"
    std::string source_path;  ///< the file it came from
    std::string title;        ///< <title>, first heading, JSONL "title", or the file name
    std::string text;         ///< extracted plain text, valid UTF-8, paragraphs separated by "\n\n"
    Format format = Format::Text;
    std::vector<OffsetRun> offsets;  ///< text -> original-file bytes
    std::uint64_t source_size_bytes = 0;
    std::uint64_t source_mtime_ns = 0;
    std::uint64_t content_hash =
        0;  ///< XXH3 of the original bytes: re-adding a changed file replaces it
    std::size_t invalid_utf8_replaced = 0;  ///< sequences repaired to U+FFFD
};

/// Returns the original-file byte range of the text range [text_begin, text_end).
std::pair<std::uint64_t, std::uint64_t> source_range(const Document& doc,
                                                     std::uint32_t text_begin,
                                                     std::uint32_t text_end);

}  // namespace iskra::ingest
