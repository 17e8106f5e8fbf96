#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/live_docs.hpp"
#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/index/segment_reader.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// One segment as a snapshot sees it: the immutable reader plus which of its documents are live.
struct SegmentView {
    std::shared_ptr<const SegmentReader> reader;
    std::shared_ptr<const DeletedDocs> deleted;  ///< never null (may be empty)
    std::uint32_t live_count = 0;

    bool is_live(DocId doc) const { return !deleted->contains(doc); }
};

/// Where a document lives: the index of its segment in Snapshot::segments() and its local id.
struct DocLocation {
    std::uint32_t segment = 0;
    DocId doc = 0;
    friend bool operator==(const DocLocation&, const DocLocation&) = default;
};

/// Collection statistics of one field over the live documents of a snapshot (BM25's N and avgdl).
struct FieldStats {
    std::uint64_t doc_count = 0;     ///< live documents
    std::uint64_t total_length = 0;  ///< sum of the field length over live documents
    double avg_length() const {
        return doc_count == 0 ? 0.0
                              : static_cast<double>(total_length) / static_cast<double>(doc_count);
    }
};

/// An immutable view of the collection as of one commit (one manifest generation).
///
/// Cheap to get from Collection::snapshot() and shared by any number of threads; holding it keeps
/// its segments' files mapped even after a writer merged them away. A query takes one snapshot
/// and uses it throughout, so that it sees one consistent collection.
///
/// To run a query: for each segment view, open `view.reader->postings(field, term)` cursors, skip
/// documents with `!view.is_live(doc)`, and score with `field_stats()` and `doc_freq()` (which
/// sum over all segments, so scores are comparable across segments).
class Snapshot {
  public:
    Snapshot(std::uint64_t generation, std::vector<SegmentView> segments);

    std::uint64_t generation() const { return generation_; }
    std::span<const SegmentView> segments() const { return segments_; }
    /// Live documents over all segments.
    std::uint64_t live_doc_count() const { return live_doc_count_; }

    /// The live document with this external id, if any.
    std::optional<DocLocation> find(std::string_view external_id) const;
    /// Whether a live document with this id and content hash exists.
    bool has_document(std::string_view external_id, std::uint64_t content_hash) const;

    const FieldStats& field_stats(Field field) const {
        return field_stats_[static_cast<std::uint8_t>(field)];
    }
    /// Documents containing the term, summed over segments (deleted documents still count until
    /// their segment is merged: Lucene's convention, which keeps doc_freq a cheap dictionary read).
    std::uint64_t doc_freq(Field field, std::string_view term) const;

    /// The stored document; InvalidArgument for an out-of-range location.
    Result<StoredDocument> document(std::uint32_t segment, DocId doc) const;
    Result<StoredDocument> document(DocLocation location) const {
        return document(location.segment, location.doc);
    }
    /// The external id of a document. REQUIRES: a valid location.
    std::string_view external_id(DocLocation location) const {
        return segments_[location.segment].reader->external_id(location.doc);
    }

  private:
    std::uint64_t generation_ = 0;
    std::vector<SegmentView> segments_;
    std::uint64_t live_doc_count_ = 0;
    FieldStats field_stats_[2];
};

}  // namespace iskra::index
