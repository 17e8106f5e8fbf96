#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "iskra/index/document_record.hpp"
#include "iskra/status.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::index {

/// The tokens of one document with their Field::All positions (docs/FORMAT.md#positions):
/// title tokens at 0 .. title_length-1, then kSentencePositionGap, then each sentence's tokens,
/// with kSentencePositionGap between sentences.
struct AnalyzedDocument {
    std::vector<text::Token> tokens;             ///< title tokens first, then body tokens in order
    std::vector<std::uint32_t> positions;        ///< parallel to tokens, ascending
    std::vector<std::uint32_t> sentence_starts;  ///< position of each sentence's first token
    std::uint32_t title_length = 0;              ///< tokens in the title
    std::uint32_t body_length = 0;               ///< tokens in the sentences

    std::uint32_t length_all() const;
    void clear();
};

/// Checks the record's sentences (sorted, non-overlapping, inside the text) and gives a record
/// without sentences one sentence covering its whole text. InvalidArgument says what is wrong.
Status normalize_record(DocumentRecord& record);

/// Analyzes title and sentences of `record` (normalized) into `out`.
void analyze_document(text::Analyzer& analyzer,
                      const DocumentRecord& record,
                      AnalyzedDocument& out);

}  // namespace iskra::index
