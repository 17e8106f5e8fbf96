#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "iskra/index/document_record.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

class Collection;

/// Counters of one writer session, for progress reports and `stats`.
struct WriterStats {
    std::uint64_t documents_added = 0;
    std::uint64_t documents_removed = 0;  ///< removals and replacements that hit a document
    std::uint64_t segments_flushed = 0;
    std::uint64_t segments_merged = 0;
    std::uint64_t buffered_bytes = 0;  ///< current in-memory buffer estimate
};

/// The single writer of a collection (holds the LOCK file's flock until destroyed).
///
/// add()/remove() buffer changes in memory; nothing is visible to snapshots or survives a crash
/// until commit() returns. A buffer that grows past the memory budget is flushed to a segment
/// file set (still invisible until commit). Documents are analyzed on `threads` threads; the
/// resulting segment does not depend on the thread count.
///
/// Not thread-safe: one thread drives the writer (readers may run concurrently). Destroying a
/// writer without commit() discards its changes (their files are cleaned up by the next writer).
class IndexWriter {
  public:
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;
    IndexWriter(IndexWriter&&) = delete;
    IndexWriter& operator=(IndexWriter&&) = delete;

    /// Buffers `record`. At commit it replaces every live document with the same external_id
    /// (committed or added earlier in this session). InvalidArgument for an empty external_id,
    /// for sentences that are unsorted, overlapping or outside the text, or for text over 4 GiB.
    Status add(DocumentRecord record);
    /// Deletes the document with this id (committed or buffered earlier in this session).
    /// Removing an id that does not exist is not an error.
    Status remove(std::string_view external_id);
    /// Whether the collection (as this writer will commit it) holds a live document with this id
    /// and content hash, so that an unchanged file need not be re-added.
    bool has_document(std::string_view external_id, std::uint64_t content_hash) const;

    /// Makes everything added/removed so far durable and visible: flushes the buffer to a
    /// segment, writes the new deletes files, publishes the next MANIFEST atomically and the new
    /// Snapshot. Then runs the merge policy (synchronously: merges are committed as a further
    /// generation before commit() returns). Returns the generation published last.
    Result<std::uint64_t> commit();
    /// Commits, then merges every segment into one (dropping deleted documents) and commits that.
    Status optimize();

    const WriterStats& stats() const;

  private:
    friend class Collection;
    struct Impl;
    explicit IndexWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace iskra::index
