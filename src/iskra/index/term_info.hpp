#pragma once

#include <cstdint>

namespace iskra::index {

/// What the term dictionary stores about one (field, term): enough to open its posting list and
/// to bound its scores without reading it. See docs/FORMAT.md#terms.
struct TermInfo {
    std::uint32_t doc_freq = 0;    ///< postings in the segment (deleted documents included)
    std::uint64_t total_freq = 0;  ///< sum of freq() over the postings
    std::uint64_t doc_offset = 0;  ///< where the list starts in `postings.doc`
    std::uint64_t pos_offset = 0;  ///< where its positions start in `postings.pos`
    std::uint32_t max_freq = 0;    ///< largest freq() in the list
    std::uint32_t min_length = 0;  ///< smallest field length among its documents
};

}  // namespace iskra::index
