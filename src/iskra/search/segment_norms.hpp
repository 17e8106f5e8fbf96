#pragma once

#include "iskra/index/segment_reader.hpp"
#include "iskra/search/bm25.hpp"

namespace iskra::search {

/// DocNorms over a segment's length column: one array load and one multiply-add per document.
struct SegmentNorms {
    const index::SegmentReader* reader = nullptr;
    index::Field field = index::Field::All;
    Bm25 bm25;

    float operator()(index::DocId doc) const {
        return bm25.length_norm(reader->length(field, doc));
    }
};

}  // namespace iskra::search
