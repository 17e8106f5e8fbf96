#pragma once

#include <cstdint>

#include "iskra/text/analyzer.hpp"

namespace iskra::index {

/// When the writer merges segments after a commit (a tiered policy, in the style of Lucene's).
struct MergePolicyOptions {
    /// Merge once a size tier holds more than this many segments.
    std::uint32_t segments_per_tier = 10;
    /// Segments with fewer documents than this all count as one tier (the smallest).
    std::uint32_t floor_doc_count = 1000;
};

struct CollectionOptions {
    /// Create an empty collection when `path` is absent or an empty directory.
    bool create_if_missing = false;
    /// No writer can be made (no lock is taken).
    bool read_only = false;
    /// Memory budget of indexing. The writer flushes its in-memory buffer as a segment when the
    /// buffer reaches half of it (the other half is for the documents in flight, the cleaner and
    /// the segment build), so it holds whatever the corpus size.
    std::uint64_t memory_budget_bytes = std::uint64_t{1} << 30;
    /// Analysis threads of the writer (the calling thread included); 0: all cores.
    unsigned threads = 0;
    /// Verify every file's checksum when a segment is opened (slower open).
    bool verify_checksums_on_open = false;
    text::AnalyzerOptions analyzer;
    MergePolicyOptions merge;
};

}  // namespace iskra::index
