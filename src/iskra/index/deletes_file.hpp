#pragma once

#include <cstdint>
#include <filesystem>

#include "iskra/index/live_docs.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// Writes `deleted` as a portable roaring bitmap with a footer at `path` (docs/FORMAT.md#deletes)
/// and fsyncs it. Returns the content's CRC-32C (recorded in the manifest).
Result<std::uint32_t> write_deletes_file(const std::filesystem::path& path,
                                         const DeletedDocs& deleted);

/// Reads a deletes file of a segment of `doc_count` documents; Corruption names the file when its
/// checksum fails or it names a document out of range.
Result<DeletedDocs> read_deletes_file(const std::filesystem::path& path, DocId doc_count);

}  // namespace iskra::index
