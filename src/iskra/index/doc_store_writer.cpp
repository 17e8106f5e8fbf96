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

void DocStoreWriter::flush_block() {
    if (doc_ends_.empty()) {
        return;
    }
    // Block = zstd([varint count][varint end offset per doc][documents]).
    std::string raw;
    append_varint(raw, doc_ends_.size());
    for (std::uint32_t end : doc_ends_) {
        append_varint(raw, end);
    }
    raw += block_;
    compressed_.resize(ZSTD_compressBound(raw.size()));
    std::size_t size =
        ZSTD_compress(compressed_.data(), compressed_.size(), raw.data(), raw.size(), kZstdLevel);
    compressed_.resize(ZSTD_isError(size) ? 0 : size);
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
