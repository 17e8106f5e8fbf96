#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/document_record.hpp"
#include "iskra/index/file_sink.hpp"

namespace iskra::index {

/// Target uncompressed size of a document-store block.
inline constexpr std::size_t kDocStoreBlockBytes = 256 * 1024;

/// Appends a DocumentRecord's serialized form (docs/FORMAT.md#document-store) to `out`:
/// meta_size and text_size (varints), then its three sections: metadata, title + text, blobs.
void serialize_document(const DocumentRecord& record, std::string& out);

/// Writes `docs.store`: documents serialized and packed into blocks of about 256 KB (a larger
/// document gets a block of its own), each block three zstd frames (metadata, texts, annotation
/// blobs, each section of every document of the block together), then the block index.
class DocStoreWriter {
  public:
    explicit DocStoreWriter(FileSink& out);
    ~DocStoreWriter();
    DocStoreWriter(const DocStoreWriter&) = delete;
    DocStoreWriter& operator=(const DocStoreWriter&) = delete;

    /// Documents get consecutive ids from 0 in call order.
    void add(const DocumentRecord& record);
    /// Same, for a record already serialized with serialize_document().
    void add_serialized(std::string_view serialized);
    /// Writes the last block, the index and the trailer (the caller finishes the sink).
    void finish();

  private:
    static constexpr std::size_t kSections = 3;
    void flush_block();
    void compress_frame(std::string_view first, std::string_view second, int level);

    FileSink& out_;
    std::string sections_[kSections];  // the open block's metadata, texts and blobs
    std::string sizes_;                // varint section sizes of each document of the block
    std::uint32_t block_docs_ = 0;
    std::uint32_t doc_count_ = 0;
    std::uint32_t block_first_doc_ = 0;
    std::vector<std::uint64_t> block_offsets_;
    std::vector<std::uint32_t> block_first_docs_;
    std::string compressed_;
    std::string header_;
    std::string scratch_;  // add()'s serialized record
    struct CompressionContext;
    std::unique_ptr<CompressionContext> context_;  // one zstd context for every block
};

}  // namespace iskra::index
