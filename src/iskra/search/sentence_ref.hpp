#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/segment_reader.hpp"
#include "iskra/types.hpp"

namespace iskra::search {

/// Names of the set SentenceFlag bits: "duplicate", "off_topic", "furniture", "spun", "quiz",
/// "question" (the strings SentenceRef::flags carries).
std::vector<std::string> sentence_flag_names(std::uint8_t flags);

/// The text of sentence `sentence_idx` of a stored document (a view into document.text).
/// REQUIRES: sentence_idx < document.sentences.size().
std::string_view sentence_text(const index::StoredDocument& document, std::uint32_t sentence_idx);

/// The citation form of one sentence. REQUIRES: sentence_idx < document.sentences.size().
SentenceRef make_sentence_ref(const index::StoredDocument& document, std::uint32_t sentence_idx);

/// A score factor in (0, 1] for a sentence: 1 for clean prose; flagged or low-quality sentences
/// (duplicates, furniture, spun text...) less, so they rank below clean ones without vanishing.
float sentence_prior(const index::SentenceRecord& sentence);

}  // namespace iskra::search
