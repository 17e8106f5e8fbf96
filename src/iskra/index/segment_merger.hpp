#pragma once

#include <filesystem>
#include <vector>

#include "iskra/index/live_docs.hpp"
#include "iskra/index/segment_builder.hpp"
#include "iskra/index/segment_reader.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// One segment to merge and the documents of it to drop.
struct MergeInput {
    const SegmentReader* reader = nullptr;
    const DeletedDocs* deleted = nullptr;
};

/// Writes the live documents of `inputs`, in input order, as one new segment in `dir`, merging
/// posting lists directly (no re-analysis): terms are walked in order across the inputs, doc ids
/// remapped, freqs and positions copied. Stored documents are copied in their serialized form.
Result<BuiltSegment> merge_segments(const std::vector<MergeInput>& inputs,
                                    const std::filesystem::path& dir);

}  // namespace iskra::index
