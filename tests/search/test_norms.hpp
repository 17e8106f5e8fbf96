#pragma once

#include <cstdint>
#include <vector>

#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/search/bm25.hpp"

namespace iskra::search::testing {

/// DocNorms over a vector of field lengths.
struct VectorNorms {
    const std::vector<std::uint32_t>* lengths = nullptr;
    Bm25 bm25;
    float operator()(index::DocId doc) const { return bm25.length_norm((*lengths)[doc]); }
};

}  // namespace iskra::search::testing
