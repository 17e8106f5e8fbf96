#pragma once

#include <cstdint>

#include "iskra/index/segment_reader.hpp"
#include "iskra/types.hpp"

namespace iskra::engine {

/// The public citation of sentence `index` of a stored document.
SentenceRef make_sentence_ref(const index::StoredDocument& doc, std::uint32_t index);

/// Names of the flag bits of index::SentenceFlag ("duplicate", "off_topic", ...).
std::vector<std::string> sentence_flag_names(std::uint8_t flags);

}  // namespace iskra::engine
