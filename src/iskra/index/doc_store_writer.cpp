#include "iskra/index/doc_store_writer.hpp"

#include <zstd.h>

#include "iskra/index/varint.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {
// zstd level 3: ~300 MB/s on one core, ~3.5x on prose; indexing must stay above 22 MB/s.
constexpr int kZstdLevel = 3;
}  // namespace

void serialize_document(const DocumentRecord& record, std::string& out) {
    util::ByteWriter w;
    w.put_string(record.external_id);
    w.put_string(record.title);
    w.put_string(record.source_path);
    w.put_string(record.format);
    w.put_string(record.text);
    w.put_varint(record.sentences.size());
    std::uint32_t previous_end = 0;
    std::uint64_t previous_source_end = 0;
    for (const SentenceRecord& s : record.sentences) {
        // Offsets as deltas; the quality only when it is not 1 (docs/FORMAT.md#document-store).
        w.put_varint(s.text_begin - previous_end);
        w.put_varint(s.text_end - s.text_begin);
        auto source_delta = static_cast<std::int64_t>(s.source_begin - previous_source_end);
        w.put_varint((static_cast<std::uint64_t>(source_delta) << 1)
                     ^ static_cast<std::uint64_t>(source_delta >> 63));
        w.put_varint(s.source_end - s.source_begin);
        bool has_quality = s.quality != 1.0f;
        w.put_varint((static_cast<std::uint64_t>(s.flags) << 1) | (has_quality ? 1 : 0));
        if (has_quality) {
            w.put_f32(s.quality);
        }
        previous_end = s.text_end;
        previous_source_end = s.source_end;
    }
    w.put_varint(record.source_size_bytes);
    w.put_u64(record.content_hash);
    w.put_varint(record.ingest_time_ms);
    w.put_u8(record.flags);
    w.put_f32(record.quality);
    w.put_varint(record.invalid_utf8_replaced);
    w.put_varint(record.annotations.size());
    for (const auto& [name, blob] : record.annotations) {
        w.put_string(name);
        w.put_string(blob);
    }
    out += w.data();
}

void DocStoreWriter::add(const DocumentRecord& record) {
    std::string serialized;
    serialize_document(record, serialized);
    add_serialized(serialized);
}

void DocStoreWriter::add_serialized(std::string_view serialized) {
    block_.append(serialized);
    doc_ends_.push_back(static_cast<std::uint32_t>(block_.size()));
    ++doc_count_;
    if (block_.size() >= kDocStoreBlockBytes) {
        flush_block();
    }
}

struct DocStoreWriter::CompressionContext {
    ZSTD_CCtx* context = ZSTD_createCCtx();
    CompressionContext() = default;
    CompressionContext(const CompressionContext&) = delete;
    CompressionContext& operator=(const CompressionContext&) = delete;
    ~CompressionContext() { ZSTD_freeCCtx(context); }
};

DocStoreWriter::DocStoreWriter(FileSink& out)
    : out_(out), context_(std::make_unique<CompressionContext>()) {}

DocStoreWriter::~DocStoreWriter() = default;

void DocStoreWriter::flush_block() {
    if (doc_ends_.empty()) {
        return;
    }
    // Block = zstd([varint count][varint end offset per doc][documents]), compressed as a stream
    // of two pieces so that the documents are not copied once more; the frame records its size.
    header_.clear();
    append_varint(header_, doc_ends_.size());
    for (std::uint32_t end : doc_ends_) {
        append_varint(header_, end);
    }
    ZSTD_CCtx* cctx = context_->context;
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_only);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kZstdLevel);
    ZSTD_CCtx_setPledgedSrcSize(cctx, header_.size() + block_.size());
    compressed_.resize(ZSTD_compressBound(header_.size() + block_.size()));
    ZSTD_outBuffer output{compressed_.data(), compressed_.size(), 0};
    ZSTD_inBuffer header{header_.data(), header_.size(), 0};
    std::size_t status = ZSTD_compressStream2(cctx, &output, &header, ZSTD_e_continue);
    ZSTD_inBuffer body{block_.data(), block_.size(), 0};
    while (!ZSTD_isError(status)) {
        status = ZSTD_compressStream2(cctx, &output, &body, ZSTD_e_end);
        if (status == 0) {
            break;
        }
    }
    compressed_.resize(ZSTD_isError(status) ? 0 : output.pos);
    block_offsets_.push_back(out_.size());
    block_first_docs_.push_back(block_first_doc_);
    out_.append(compressed_);
    block_first_doc_ = doc_count_;
    block_.clear();
    doc_ends_.clear();
}

void DocStoreWriter::finish() {
    flush_block();
    util::ByteWriter index;
    std::uint64_t index_offset = out_.size();
    for (std::uint64_t offset : block_offsets_) {
        index.put_u64(offset);
    }
    index.put_u64(index_offset);  // end of the last block
    for (std::uint32_t first : block_first_docs_) {
        index.put_u32(first);
    }
    index.put_u64(index_offset);
    index.put_u64(block_offsets_.size());
    index.put_u32(doc_count_);
    out_.append(index.data());
}

}  // namespace iskra::index
