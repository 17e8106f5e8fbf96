#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "iskra/index/document_record.hpp"
#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/index/segment_posting_cursor.hpp"
#include "iskra/index/term_info.hpp"
#include "iskra/index/term_iterator.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

struct DocBlockCache;

/// A stored document as the index returns it: the record it was given (with the sentence list
/// normalized: a document added without sentences holds one sentence covering its text).
using StoredDocument = DocumentRecord;

/// Per-segment totals written with the segment (docs/FORMAT.md#segment-info).
struct SegmentInfo {
    std::uint32_t doc_count = 0;
    std::uint64_t total_length_all = 0;    ///< sum of length(Field::All) over every document
    std::uint64_t total_length_title = 0;  ///< sum of length(Field::Title)
    std::uint64_t term_count_all = 0;      ///< distinct terms of Field::All
    std::uint64_t term_count_title = 0;
    std::uint64_t sentence_count = 0;
    std::uint64_t text_bytes = 0;  ///< sum of the documents' text sizes
};

/// Read access to one immutable segment directory (`seg_<n>/`). Every file is memory-mapped at
/// open; footers (magic, version, size) are checked then, checksums only by `verify()`.
///
/// Thread-safe: all methods are const and may run concurrently. Deleted documents are not known
/// here (the Snapshot's live-docs bitmap says which are live).
class SegmentReader {
  public:
    ~SegmentReader();
    SegmentReader(const SegmentReader&) = delete;
    SegmentReader& operator=(const SegmentReader&) = delete;
    SegmentReader(SegmentReader&&) = delete;
    SegmentReader& operator=(SegmentReader&&) = delete;

    /// Opens the segment in `dir` (named `name` in the manifest). Fails with Corruption naming the
    /// file when a footer is wrong, NotFound when a file is missing.
    static Result<std::shared_ptr<const SegmentReader>> open(const std::filesystem::path& dir,
                                                             std::string name);

    const std::string& name() const;
    const std::filesystem::path& directory() const;
    DocId doc_count() const;
    const SegmentInfo& info() const;
    /// Bytes of all the segment's files.
    std::uint64_t size_bytes() const;

    // ---- postings -------------------------------------------------------------------------
    /// The posting list of an analyzed term (as text::Analyzer::term() makes it), or nullopt.
    std::optional<SegmentPostingCursor> postings(Field field, std::string_view term) const;
    /// A cursor over a list found with term_info() or a TermIterator.
    /// REQUIRES: info comes from this segment and info.doc_freq > 0.
    SegmentPostingCursor postings(const TermInfo& info) const;
    std::optional<TermInfo> term_info(Field field, std::string_view term) const;
    /// Terms of `field` starting with `prefix` (all of them for an empty prefix), in byte order.
    TermIterator terms(Field field, std::string_view prefix = {}) const;

    // ---- norms ----------------------------------------------------------------------------
    /// Field length of `doc`: Field::All is body_len + kTitleWeight * title_len (in tokens),
    /// Field::Title is title_len. REQUIRES: doc < doc_count().
    std::uint32_t length(Field field, DocId doc) const {
        return lengths_[static_cast<std::uint8_t>(field)][doc];
    }

    // ---- sentences ------------------------------------------------------------------------
    /// Token position of the first token of each sentence of `doc` (ascending); the document's
    /// sentence i starts at position sentence_starts(doc)[i] in Field::All. Title tokens sit at
    /// positions 0 .. title_len-1, before the first sentence start.
    std::span<const std::uint32_t> sentence_starts(DocId doc) const;
    /// The index of the sentence that holds `position` (a Field::All position of `doc`), or
    /// nullopt for a title position.
    std::optional<std::uint32_t> sentence_of_position(DocId doc, std::uint32_t position) const;

    // ---- stored documents -----------------------------------------------------------------
    /// The stored document (decompresses one block of ~64 KB).
    Result<StoredDocument> document(DocId doc) const;
    /// External id without touching the document store. REQUIRES: doc < doc_count().
    std::string_view external_id(DocId doc) const;
    std::uint64_t content_hash(DocId doc) const;
    /// The document's bytes in the store's serialized form (for merging), valid until `cache`
    /// changes; reading documents in order decompresses each block once.
    Result<std::string_view> serialized_document(DocId doc, DocBlockCache& cache) const;
    /// Every document of this segment with `external_id` (deleted ones included), ascending.
    std::span<const DocId> find(std::string_view external_id) const;

    /// Recomputes the CRC-32C of every file of the segment; Corruption names each bad file.
    Status verify() const;

  private:
    struct Impl;
    explicit SegmentReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    const std::uint32_t* lengths_[2] = {nullptr, nullptr};  // into impl_'s mapping of `norms`
};

}  // namespace iskra::index
