#pragma once

#include <vector>

#include "iskra/index/document_record.hpp"
#include "iskra/ingest/document.hpp"
#include "iskra/text/sentence_splitter.hpp"

namespace iskra::engine {

/// An ingested document split into sentences, ready to be cleaned, mined and indexed.
struct PreparedDocument {
    ingest::Document source;
    std::vector<text::SentenceSpan> sentences;
};

PreparedDocument prepare_document(ingest::Document document);

/// Builds the index record: sentences with text and original-file offsets, flags and quality
/// left at their defaults for the cleaner to fill in. Moves the text out of `prepared` (it can be
/// megabytes; copying it showed up in indexing profiles).
index::DocumentRecord make_record(PreparedDocument&& prepared);

}  // namespace iskra::engine
