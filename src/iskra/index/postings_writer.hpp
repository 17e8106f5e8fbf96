#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "iskra/index/file_sink.hpp"
#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/index/segment_posting_cursor.hpp"
#include "iskra/index/term_info.hpp"

namespace iskra::index {

/// Bytes of one skip entry: last_doc u32, doc_begin u32, max_freq u32, min_length u32,
/// pos_begin u64 (docs/FORMAT.md#postings).
inline constexpr std::size_t kSkipEntryBytes = 24;
/// Positions of a block are coded in chunks of this many values.
inline constexpr std::uint32_t kPositionChunk = 128;

/// Encodes posting lists into `postings.doc` and `postings.pos`, one term at a time:
///
///     writer.begin_term(lengths);
///     for (...) writer.add(doc, freq, positions);   // docs ascending
///     TermInfo info = writer.end_term();
///
/// Block layout (docs/FORMAT.md#postings): per list, a skip table (only when it has more than
/// one block) then blocks of 128 postings: doc-id gaps minus one, then freq-1, each as one PFor
/// block (pfor_codec.hpp). Positions of a block go to postings.pos as freq - position_count (one
/// PFor block) then, per document, the first position and the following gaps minus one, in PFor
/// chunks of 128 values.
class PostingsWriter {
  public:
    PostingsWriter(FileSink& docs, FileSink& positions) : docs_out_(docs), pos_out_(positions) {}

    /// `lengths` are the field lengths of the segment's documents, for block_min_length; they
    /// must outlive the term.
    void begin_term(std::span<const std::uint32_t> lengths);
    /// REQUIRES: doc > the previous doc of the term; positions ascending, non-empty;
    /// freq >= positions.size() (Field::All's freq weighs title positions more).
    void add(DocId doc, std::uint32_t freq, std::span<const std::uint32_t> positions);
    /// Writes the list and returns where it is. REQUIRES: at least one add() since begin_term.
    TermInfo end_term();

  private:
    void flush_block();

    FileSink& docs_out_;
    FileSink& pos_out_;
    std::span<const std::uint32_t> lengths_;
    TermInfo info_;
    std::uint64_t pos_term_begin_ = 0;
    std::uint32_t prev_last_doc_ = 0;
    DocId last_doc_ = 0;
    std::uint32_t count_ = 0;
    std::uint32_t block_max_freq_ = 0;
    std::uint32_t block_min_length_ = 0;
    std::array<std::uint32_t, kPostingBlockSize> docs_{};
    std::array<std::uint32_t, kPostingBlockSize> freqs_{};
    std::array<std::uint32_t, kPostingBlockSize> pos_counts_{};
    std::vector<std::uint32_t> pos_gaps_;
    std::string skips_;
    std::string blocks_;
    std::string scratch_;
};

}  // namespace iskra::index
