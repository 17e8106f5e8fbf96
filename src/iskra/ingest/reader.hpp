#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "iskra/ingest/document.hpp"
#include "iskra/status.hpp"

namespace iskra::ingest {

struct ReadOptions {
    /// Plain-text and JSONL inputs larger than this are streamed and split into documents of
    /// about this many bytes ("path#2", "path#3"...), so memory stays bounded for huge files.
    std::uint64_t chunk_bytes = 16ull << 20;
    /// PDF, HTML and Markdown files larger than this are skipped with a message.
    std::uint64_t max_structured_file_bytes = 512ull << 20;
    /// PDFs of a walk parsed at once on worker threads (their text extraction is nearly all the
    /// cost of reading them); documents still arrive in walk order. 0 parses each PDF on the
    /// calling thread. Off by default: on debian-docs two at a time took 8.3 min instead of 15
    /// (under other load) but raised the indexing process's peak RSS from 1.38 to 1.62 GiB.
    std::uint32_t pdf_parse_ahead = 0;
    // Both are capped at 1 GiB (document offsets are 32-bit); chunk_bytes is at least 64.
};

/// What happened to one input path that produced no document.
struct Skipped {
    std::filesystem::path path;
    Status reason;  ///< e.g. Unsupported("binary file"), NotFound, IoError(permission denied)
};

using DocumentSink = std::function<Status(Document&&)>;
using SkipSink = std::function<void(const Skipped&)>;

/// Reads `path` (a file or a directory, recursively, in sorted order) and hands every document to
/// `on_document`. The format is detected from content first and the extension second
/// (detect_format). Binary, unreadable and unsupported files go to `on_skip` and the walk
/// continues; only an error returned by `on_document` stops it (and is returned). A `path` that
/// does not exist is reported to `on_skip` (NotFound) too, and the call returns OK.
///
/// Document ids: a file given directly keeps the path as given ("data/seeds/001.txt"); a file
/// found under a directory is "<directory's last name>/<relative path>" ("seeds/001.txt"), so
/// the ids do not depend on the working directory. Hidden entries (".name") are skipped; symlinks
/// are followed, loops are not. JSONL records use their "id" field (default "<file id>#<line>");
/// plain-text files over chunk_bytes become "<id>", "<id>#2", "<id>#3"...
Status read_path(const std::filesystem::path& path,
                 const ReadOptions& options,
                 const DocumentSink& on_document,
                 const SkipSink& on_skip);

/// Whether the file's extension names a web or image asset rather than a document: style sheets,
/// scripts, source maps, SVG/XPM/XBM images, fonts. Such files are text but hold no prose
/// (documentation trees ship hundreds of them next to the pages), so read_path skips them as
/// Unsupported instead of indexing their code.
bool is_asset_file(const std::filesystem::path& path);

/// Detects the format of a file from its first bytes and its name.
Format detect_format(const std::filesystem::path& path, std::string_view head_bytes);

}  // namespace iskra::ingest
