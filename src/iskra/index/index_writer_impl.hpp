#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "iskra/index/collection.hpp"
#include "iskra/index/document_analyzer.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/index/live_docs.hpp"
#include "iskra/index/manifest.hpp"
#include "iskra/index/segment_writer.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/util/file.hpp"

namespace iskra::index {

/// The writer's state (private to the index module; see index_writer.cpp for the algorithm).
struct IndexWriter::Impl {
    Impl(std::shared_ptr<Collection> collection_in,
         util::File lock_in,
         Manifest manifest_in,
         std::shared_ptr<const Snapshot> base_in);
    ~Impl();
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    /// A segment flushed in this session and not committed yet.
    struct PendingSegment {
        std::string name;
        BuiltSegment built;
        std::shared_ptr<const SegmentReader> reader;
        DeletedDocs deleted;
    };
    struct BufferedId {
        std::uint64_t sequence = 0;  // session-wide number of the buffered document
        std::uint64_t content_hash = 0;
    };

    Status add(DocumentRecord record);
    bool remove_everywhere(std::string_view external_id);
    bool has_document(std::string_view external_id, std::uint64_t content_hash) const;
    Status process_batch();
    void wait_inversion();
    void start_flush();
    Status finish_flush();
    Status flush_inverted();
    Status flush_buffer();
    Result<std::uint64_t> commit();
    Status publish(Manifest next, std::vector<SegmentView> views);
    void reset_base(std::shared_ptr<const Snapshot> snapshot);
    Status maybe_merge(bool everything);
    Status merge(const std::vector<std::size_t>& segment_indices);
    std::string next_segment_name();

    std::shared_ptr<Collection> collection;
    std::filesystem::path dir;
    util::File lock;
    Manifest manifest;
    std::shared_ptr<const Snapshot> base;
    std::vector<DeletedDocs> base_deleted;
    std::vector<bool> base_changed;
    std::vector<PendingSegment> pending;
    // Buffered documents are numbered by a session-wide sequence; the current SegmentWriter
    // holds sequences [buffer_base, buffer_base + its doc_count()), the batch being inverted and
    // the batch being collected follow. buffer_deleted[seq - buffer_base] marks replaced ones.
    std::unique_ptr<SegmentWriter> buffer;
    std::uint64_t buffer_base = 0;
    std::uint64_t next_sequence = 0;
    std::vector<bool> buffer_deleted;
    std::unordered_map<std::string, BufferedId> buffer_ids;
    std::vector<DocumentRecord> batch;
    std::uint64_t batch_bytes = 0;
    std::vector<AnalyzedDocument> analyzed;
    // The previous batch, inverted into `buffer` on `inverter` while the next one is collected
    // and analyzed (so inversion overlaps analysis). Only the inverter touches `buffer` then.
    std::vector<DocumentRecord> inverting_batch;
    std::vector<AnalyzedDocument> inverting_analyzed;
    std::thread inverter;
    // A full buffer is built into a segment on `flusher` while the next buffer fills: the
    // flushing writer holds sequences [buffer_base, buffer_base + flushing_count), `buffer` the
    // ones after them; buffer_deleted and buffer_ids cover both until finish_flush().
    std::unique_ptr<SegmentWriter> flushing;
    std::string flushing_name;
    DocId flushing_count = 0;
    Status flushing_status;  // set by `flusher`, read after it is joined
    BuiltSegment flushing_built;
    Status flush_error;  // sticky: a failed flush fails every later batch and commit
    std::thread flusher;
    std::vector<text::Analyzer> analyzers;
    unsigned threads = 1;
    WriterStats stats;
};

}  // namespace iskra::index
