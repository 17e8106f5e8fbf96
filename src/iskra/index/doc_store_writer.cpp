#include "iskra/index/doc_store_writer.hpp"

#include <zstd.h>

#include "iskra/index/store_metadata.hpp"
#include "iskra/index/varint.hpp"
#include "iskra/util/assert.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {
// zstd levels of the three frames of a block. Measured on the 1-in-8 debian-prose sample (40.6 MB
// of text): level 5 instead of 9 makes the prose frames 3.4% larger for 45% of the CPU, the blobs
// 2.7% larger for 55%; the metadata in columns (format 5) is a third smaller than the rows were
// at level 9, which pays for both (docs/FORMAT.md#document-store).
constexpr int kMetadataLevel = 5;
constexpr int kTextLevel = 5;
constexpr int kBinaryLevel = 5;
}  // namespace

void serialize_document(const DocumentRecord& record, std::string& out) {
    // The external id is not stored here: the segment's `ids` file has it.
    util::ByteWriter meta;
    meta.put_string(record.source_path);
    meta.put_string(record.format);
    meta.put_varint(record.sentences.size());
    std::uint32_t previous_end = 0;
    std::uint64_t previous_source_end = 0;
    for (const SentenceRecord& s : record.sentences) {
        // Offsets as deltas; the quality only when it is not 1 (docs/FORMAT.md#document-store).
        meta.put_varint(s.text_begin - previous_end);
        meta.put_varint(s.text_end - s.text_begin);
        auto source_delta = static_cast<std::int64_t>(s.source_begin - previous_source_end);
        meta.put_varint((static_cast<std::uint64_t>(source_delta) << 1)
                        ^ static_cast<std::uint64_t>(source_delta >> 63));
        meta.put_varint(s.source_end - s.source_begin);
        bool has_quality = s.quality != 1.0f;
        meta.put_varint((static_cast<std::uint64_t>(s.flags) << 1) | (has_quality ? 1 : 0));
        if (has_quality) {
            meta.put_f32(s.quality);
        }
        previous_end = s.text_end;
        previous_source_end = s.source_end;
    }
    meta.put_varint(record.source_size_bytes);
    meta.put_u64(record.content_hash);
    meta.put_varint(record.ingest_time_ms);
    meta.put_u8(record.flags);
    meta.put_f32(record.quality);
    meta.put_varint(record.invalid_utf8_replaced);
    meta.put_varint(record.annotations.size());
    for (const auto& [name, blob] : record.annotations) {
        meta.put_string(name);
        meta.put_varint(blob.size());
    }
    std::string title_size;
    append_varint(title_size, record.title.size());
    append_varint(out, meta.data().size());
    append_varint(out, title_size.size() + record.title.size() + record.text.size());
    out += meta.data();
    out += title_size;
    out += record.title;
    out += record.text;
    for (const auto& annotation : record.annotations) {
        out += annotation.second;
    }
}

void DocStoreWriter::add(const DocumentRecord& record) {
    scratch_.clear();
    serialize_document(record, scratch_);
    add_serialized(scratch_);
}

void DocStoreWriter::add_serialized(std::string_view serialized) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(serialized.data());
    const auto* end = p + serialized.size();
    std::uint64_t meta_size = read_varint(p, end);
    std::uint64_t text_size = read_varint(p, end);
    auto header =
        static_cast<std::size_t>(p - reinterpret_cast<const std::uint8_t*>(serialized.data()));
    ISKRA_ASSERT(header + meta_size + text_size <= serialized.size(), "not a serialized document");
    std::string_view rest = serialized.substr(header);
    std::string* sections = open_.sections;
    sections[0].append(rest.substr(0, meta_size));
    sections[1].append(rest.substr(meta_size, text_size));
    sections[2].append(rest.substr(meta_size + text_size));
    append_varint(sizes_, meta_size);
    append_varint(sizes_, text_size);
    append_varint(sizes_, rest.size() - meta_size - text_size);
    ++block_docs_;
    ++doc_count_;
    if (sections[0].size() + sections[1].size() + sections[2].size() >= kDocStoreBlockBytes) {
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

void DocStoreWriter::compress_frame(CompressionContext& context,
                                    std::string_view first,
                                    std::string_view second,
                                    int level,
                                    std::string& out) {
    // One zstd frame of first + second, streamed so that neither is copied; the frame records
    // its content size.
    ZSTD_CCtx* cctx = context.context;
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_only);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setPledgedSrcSize(cctx, first.size() + second.size());
    std::size_t start = out.size();
    out.resize(start + ZSTD_compressBound(first.size() + second.size()));
    ZSTD_outBuffer output{out.data() + start, out.size() - start, 0};
    ZSTD_inBuffer head{first.data(), first.size(), 0};
    std::size_t status = ZSTD_compressStream2(cctx, &output, &head, ZSTD_e_continue);
    ZSTD_inBuffer body{second.data(), second.size(), 0};
    while (!ZSTD_isError(status)) {
        status = ZSTD_compressStream2(cctx, &output, &body, ZSTD_e_end);
        if (status == 0) {
            break;
        }
    }
    ISKRA_ASSERT(!ZSTD_isError(status), "zstd cannot fail on a sized output buffer");
    out.resize(start + output.pos);
}

void DocStoreWriter::compress_block(Block& block, CompressionContext& context) {
    // Block = three zstd frames (docs/FORMAT.md#document-store): [count, section sizes of each
    // document and metadata, in columns], [titles and texts], [annotation blobs]. Prose, binary
    // metadata and binary blobs compress best apart.
    block.frames.clear();
    std::string columns = columnar_metadata(block.doc_count, block.sizes, block.sections[0]);
    compress_frame(context, columns, {}, kMetadataLevel, block.frames);
    compress_frame(context, block.sections[1], {}, kTextLevel, block.frames);
    compress_frame(context, block.sections[2], {}, kBinaryLevel, block.frames);
}

void DocStoreWriter::finish_in_flight() {
    if (!compressor_.joinable()) {
        return;
    }
    compressor_.join();
    block_offsets_.push_back(out_.size());
    block_first_docs_.push_back(in_flight_.first_doc);
    out_.append(in_flight_.frames);
}

void DocStoreWriter::flush_block() {
    if (block_docs_ == 0) {
        return;
    }
    finish_in_flight();
    open_.sizes = sizes_;
    open_.doc_count = block_docs_;
    open_.first_doc = doc_count_ - block_docs_;
    // Swapped rather than moved: the open block keeps the in-flight one's capacity.
    std::swap(open_, in_flight_);
    compressor_ = std::jthread([this] { compress_block(in_flight_, *context_); });
    block_docs_ = 0;
    sizes_.clear();
    for (std::string& section : open_.sections) {
        section.clear();
    }
}

void DocStoreWriter::finish() {
    flush_block();
    finish_in_flight();
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
