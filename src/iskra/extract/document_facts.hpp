#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/extract/date_mention.hpp"
#include "iskra/extract/entity_mention.hpp"
#include "iskra/extract/office_statement.hpp"
#include "iskra/status.hpp"
#include "iskra/text/sentence_splitter.hpp"

namespace iskra::extract {

/// What one document states on its own: the per-document half of extraction, computed at index
/// time and stored with the document (annotation blob "facts"). All byte spans are offsets into
/// the document text the sentences were split from.
struct DocumentFacts {
    std::vector<DateMention> dates;       ///< relative/year-less ones anchored where safe
    std::vector<EntityMention> entities;  ///< capitalised names (none for lower-case text)
    std::vector<AliasStatement> aliases;
    std::vector<OfficeStatement> offices;
    bool lower_case = false;  ///< the text has (almost) no capitals: names come from the collection
};

/// Extracts dates, names, alias statements and offices from every sentence of `text`.
/// REQUIRES: each span lies inside `text`.
DocumentFacts extract_document(std::string_view text,
                               std::span<const text::SentenceSpan> sentences);

/// True when `text` has too few capitalised words for capitalisation to mark names.
bool looks_lower_case(std::string_view text);

/// Compact binary form (versioned; see facts_codec.cpp for the layout).
std::string serialize(const DocumentFacts& facts);
/// Reads what serialize wrote; Corruption when the bytes are damaged or of an unknown version.
Result<DocumentFacts> deserialize(std::string_view bytes);

}  // namespace iskra::extract
