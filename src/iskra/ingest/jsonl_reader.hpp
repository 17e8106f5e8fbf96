#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "iskra/ingest/document.hpp"
#include "iskra/ingest/reader.hpp"
#include "iskra/ingest/source_info.hpp"
#include "iskra/status.hpp"
#include "iskra/util/file.hpp"

namespace iskra::ingest {

/// Turns JSON Lines records ({"id": ..., "title": ..., "text": ...}, other fields ignored) into
/// documents. "text" is required (a string); "id" may be a string or a number and defaults to
/// "<file id>#<line>"; "title" defaults to the id. Offsets map the text to the bytes of its JSON
/// string in the file (exactly when it has no escapes). content_hash and source_size_bytes are
/// those of the line. Holds simdjson's parser and a padded buffer: reuse it across lines.
class JsonlRecordParser {
  public:
    JsonlRecordParser();
    ~JsonlRecordParser();
    JsonlRecordParser(const JsonlRecordParser&) = delete;
    JsonlRecordParser& operator=(const JsonlRecordParser&) = delete;
    JsonlRecordParser(JsonlRecordParser&&) = delete;
    JsonlRecordParser& operator=(JsonlRecordParser&&) = delete;

    /// Parses one line (without its '\n') that starts at `line_offset` of the file.
    /// Fails with InvalidArgument naming the line number for malformed records.
    Result<Document> parse(std::string_view line,
                           std::uint64_t line_number,
                           std::uint64_t line_offset,
                           const SourceInfo& source);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads JSON Lines held in memory: one document per record; blank lines are skipped and a
/// malformed line goes to `on_skip` (with its line number) while the rest continues.
Status read_jsonl(std::string_view bytes,
                  const SourceInfo& source,
                  const DocumentSink& on_document,
                  const SkipSink& on_skip);

/// The same, streaming `file` line by line: memory stays bounded by the longest line, and lines
/// longer than `options.max_structured_file_bytes` are skipped.
Status read_jsonl_file(util::File& file,
                       const SourceInfo& source,
                       const ReadOptions& options,
                       const DocumentSink& on_document,
                       const SkipSink& on_skip);

}  // namespace iskra::ingest
