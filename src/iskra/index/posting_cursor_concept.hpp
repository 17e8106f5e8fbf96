#pragma once

#include <concepts>
#include <cstdint>
#include <span>

namespace iskra::index {

/// Segment-local document number, dense from 0 in the order documents were added to the segment.
using DocId = std::uint32_t;
inline constexpr DocId kEndOfPostings = 0xFFFFFFFFu;

/// Indexed fields. `All` holds title and body together (title tokens first, then body tokens after
/// a position gap) with a weighted term frequency, which is how iskra implements BM25F with one
/// posting list per term: freq = body_tf + kTitleWeight * title_tf and the field length is
/// body_len + kTitleWeight * title_len. `Title` holds the title alone, for `title:` queries.
enum class Field : std::uint8_t { All = 0, Title = 1 };
inline constexpr std::uint32_t kTitleWeight = 3;

/// Position gap inserted between sentences (and between title and body): a phrase can only match
/// across a boundary when the query allows that much slop. See docs/FORMAT.md#positions.
inline constexpr std::uint32_t kSentencePositionGap = 8;

/// The contract between the index (which implements cursors over its compressed postings) and
/// search (which runs top-k algorithms over any type that models it), in the PISA style.
///
///  - doc(): the current document, kEndOfPostings when exhausted. A fresh cursor is on its first
///    posting.
///  - next(): moves to the following posting.
///  - advance(target): moves to the first posting with doc >= target (no-op if already there).
///  - freq(): the (weighted, for Field::All) term frequency in doc().
///  - positions(): ascending token positions of the term in doc() (decoded lazily; valid until
///    the cursor moves).
///  - doc_freq(): number of postings (including deleted documents).
///  - Block-max data for WAND/MaxScore: the list is stored in blocks; for the block that holds
///    doc() (or, after advance_shallow(target), the block that would hold target):
///      block_last_doc(): the last doc of that block;
///      block_max_freq(), block_min_length(): the largest freq and the smallest field length in
///        that block, so that bm25(block_max_freq, block_min_length) bounds every score in it;
///      advance_shallow(target): moves the block pointer without decoding postings.
///    max_freq()/min_length() are the same bounds over the whole list.
template <typename C>
concept PostingCursor = requires(C c, const C cc, DocId target) {
    { cc.doc() } -> std::convertible_to<DocId>;
    {c.next()};
    {c.advance(target)};
    { cc.freq() } -> std::convertible_to<std::uint32_t>;
    { c.positions() } -> std::convertible_to<std::span<const std::uint32_t>>;
    { cc.doc_freq() } -> std::convertible_to<std::uint32_t>;
    {c.advance_shallow(target)};
    { cc.block_last_doc() } -> std::convertible_to<DocId>;
    { cc.block_max_freq() } -> std::convertible_to<std::uint32_t>;
    { cc.block_min_length() } -> std::convertible_to<std::uint32_t>;
    { cc.max_freq() } -> std::convertible_to<std::uint32_t>;
    { cc.min_length() } -> std::convertible_to<std::uint32_t>;
};

}  // namespace iskra::index
