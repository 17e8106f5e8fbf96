#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iskra/index/doc_store_writer.hpp"
#include "iskra/index/document_analyzer.hpp"
#include "iskra/index/document_record.hpp"
#include "iskra/index/file_sink.hpp"
#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/index/segment_builder.hpp"
#include "iskra/index/term_table.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// The in-memory inverted buffer of the writer: documents are inverted into per-term byte
/// buffers (varint doc gap, freq, position count, position gaps) and stored serialized; flush()
/// sorts the terms and writes one immutable segment through SegmentBuilder.
///
/// Not thread-safe: one thread inverts (analysis happens before, on the writer's pool).
class SegmentWriter {
  public:
    SegmentWriter() = default;
    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;

    /// Adds a normalized record with its analysis; it gets id doc_count() (before the call).
    void add(const DocumentRecord& record, const AnalyzedDocument& analyzed);

    DocId doc_count() const { return static_cast<DocId>(docs_.size()); }
    /// Estimate of the heap bytes held.
    std::uint64_t memory_bytes() const { return memory_bytes_; }

    /// Writes the buffered documents as a segment in `dir` (once: the document store is
    /// finished by it). REQUIRES: doc_count() > 0.
    Result<BuiltSegment> flush(const std::filesystem::path& dir);

  private:
    struct TermBuffer {
        std::string bytes;
        DocId last_doc = 0;
        std::uint32_t doc_freq = 0;
    };
    struct FieldBuffer {
        TermTable table;
        std::vector<TermBuffer> postings;
    };
    struct DocEntry {
        std::uint32_t sentence_offset = 0;
        std::uint32_t length_all = 0;
        std::uint32_t length_title = 0;
        std::uint64_t content_hash = 0;
        std::uint64_t text_bytes = 0;
    };

    /// One distinct term of the document being inverted.
    struct DocTerm {
        std::uint32_t term = 0;
        std::uint32_t count = 0;        // positions
        std::uint32_t title_count = 0;  // positions inside the title
        std::uint32_t offset = 0;       // into doc_positions_
    };

    std::uint32_t intern(FieldBuffer& field, std::string_view term);
    void append_posting(TermBuffer& buffer,
                        DocId doc,
                        std::uint32_t freq,
                        const std::uint32_t* positions,
                        std::uint32_t count);
    /// Posting lists encoded apart from the builder (offsets from 0 of `docs` and `positions`).
    struct EncodedTerms {
        FileSink docs = FileSink::in_memory();
        FileSink positions = FileSink::in_memory();
        std::vector<EncodedTerm> terms;

        void encode(const FieldBuffer& field,
                    Field which,
                    std::span<const std::uint32_t> order,
                    std::span<const std::uint32_t> lengths);
    };

    /// The field's term ids in byte order of their terms.
    static std::vector<std::uint32_t> sorted_terms(const FieldBuffer& field);
    static void write_field(const FieldBuffer& field, Field which, SegmentBuilder& builder);
    static void write_terms(const FieldBuffer& field,
                            Field which,
                            std::span<const std::uint32_t> order,
                            SegmentBuilder& builder);

    FieldBuffer all_;
    FieldBuffer title_;
    std::vector<DocEntry> docs_;
    // The document store, compressed block by block as documents come (on the inverting
    // thread, and 3-4x smaller in memory than the serialized records).
    FileSink store_sink_ = FileSink::in_memory();
    DocStoreWriter store_{store_sink_};
    std::vector<std::uint32_t> sentence_starts_;
    std::vector<std::string> ids_;
    // Inversion scratch, reused across documents: for each Field::All term id, the document
    // (plus one) that last used it and its DocTerm slot, so a document is inverted without a sort.
    std::vector<std::uint32_t> term_stamp_;
    std::vector<std::uint32_t> term_slot_;
    std::vector<std::uint32_t> title_id_;  // Field::All id -> Field::Title id (or ~0u)
    std::vector<std::uint32_t> token_terms_;
    std::vector<DocTerm> doc_terms_;
    std::vector<std::uint32_t> doc_positions_;
    std::uint64_t memory_bytes_ = 0;
};

}  // namespace iskra::index
