#pragma once

// Invariants every fuzz target checks; a violation aborts so that libFuzzer saves the input.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "iskra/ingest/document.hpp"
#include "iskra/text/utf8.hpp"

namespace iskra::fuzz {

inline void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
        std::abort();
    }
}

/// A reader's output: valid UTF-8, runs sorted, inside the text and inside the source.
inline void check_document(const ingest::Document& doc, std::size_t source_size) {
    require(text::is_valid_utf8(doc.text), "document text is valid UTF-8");
    require(text::is_valid_utf8(doc.title), "title is valid UTF-8");
    std::uint32_t previous_end = 0;
    for (const ingest::OffsetRun& run : doc.offsets) {
        require(run.text_begin >= previous_end, "runs sorted and disjoint");
        require(run.text_begin < run.text_end, "runs non-empty");
        require(run.text_end <= doc.text.size(), "runs inside the text");
        require(run.source_begin <= run.source_end, "source range ordered");
        require(run.source_end <= source_size, "source range inside the source");
        previous_end = run.text_end;
    }
    const auto [begin, end] =
        ingest::source_range(doc, 0, static_cast<std::uint32_t>(doc.text.size()));
    require(begin <= end && end <= source_size, "source_range inside the source");
}

}  // namespace iskra::fuzz
