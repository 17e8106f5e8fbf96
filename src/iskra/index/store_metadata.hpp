#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/status.hpp"

namespace iskra::index {

/// The metadata frame of a document-store block in columns (docs/FORMAT.md#document-store):
/// each field of every document (and of every sentence) of the block together, so that zstd sees
/// runs of like values; the content hash is left out (the segment's `ids` file has it).
///
/// `sizes` is the block's per-document varint triples (meta, text, blob section sizes) and
/// `metas` the documents' metadata sections back to back, as serialize_document() wrote them.
/// REQUIRES: well-formed input (our own serialization).
std::string columnar_metadata(std::uint32_t doc_count,
                              std::string_view sizes,
                              std::string_view metas);

/// The inverse: appends the documents' metadata sections to `metas` (as serialize_document()
/// writes them, with the content hash of document i from hashes[i], or 0 when `hashes` is
/// empty) and their section sizes to `doc_sizes` (meta, text, blob per document).
/// Corruption when `columns` is damaged or `hashes` is neither empty nor one per document.
Status rows_from_columns(std::string_view columns,
                         std::span<const std::uint64_t> hashes,
                         std::string_view what,
                         std::string& metas,
                         std::vector<std::uint64_t>& doc_sizes);

}  // namespace iskra::index
