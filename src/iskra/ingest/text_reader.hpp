#pragma once

#include <cstdint>
#include <string_view>

#include "iskra/ingest/document.hpp"
#include "iskra/ingest/reader.hpp"
#include "iskra/ingest/source_info.hpp"
#include "iskra/status.hpp"
#include "iskra/util/file.hpp"

namespace iskra::ingest {

/// A plain-text document: the bytes as they are (a UTF-8 byte order mark dropped, ill-formed
/// UTF-8 replaced and counted), offsets exact. The title is the first line when it is shorter
/// than 120 bytes, else the file name.
Result<Document> read_text(std::string_view bytes, const SourceInfo& source);

/// Reads a plain-text file of any size with a buffer of about `chunk_bytes`, handing out one
/// document per chunk: "id" for the first, then "id#2", "id#3"... Chunks end at a paragraph
/// break, else a line break, else a space near `chunk_bytes`; offsets point into the whole file
/// and content_hash is that of the chunk's bytes. Every chunk has the first chunk's title.
/// Returns the first error of `on_document` or of reading the file.
Status read_text_chunks(util::File& file,
                        const SourceInfo& source,
                        std::uint64_t chunk_bytes,
                        const DocumentSink& on_document);

}  // namespace iskra::ingest
