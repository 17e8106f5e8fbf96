#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
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
/// document gets a block of its own), each block three zstd frames (metadata in columns without
/// the content hash, texts, annotation blobs: each section of every document of the block
/// together), then the block index.
/// A full block is compressed on a thread of its own while the next one fills (at most one
/// block in flight); blocks reach the sink in order, so the bytes do not depend on the timing.
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
    struct CompressionContext;
    /// A block's uncompressed parts and, once compressed, its three frames.
    struct Block {
        std::string sizes;  // per document: its three section sizes (varints)
        std::string sections[kSections];
        std::string frames;
        std::uint32_t first_doc = 0;
        std::uint32_t doc_count = 0;
    };
    void flush_block();
    /// Waits for the block in flight and appends it to the sink.
    void finish_in_flight();
    static void compress_block(Block& block, CompressionContext& context);
    static void compress_frame(CompressionContext& context,
                               std::string_view first,
                               std::string_view second,
                               int level,
                               std::string& out);

    FileSink& out_;
    Block open_;         // the block being filled (its sizes are set at flush)
    std::string sizes_;  // varint section sizes of each document of the open block
    std::uint32_t block_docs_ = 0;
    std::uint32_t doc_count_ = 0;
    std::vector<std::uint64_t> block_offsets_;
    std::vector<std::uint32_t> block_first_docs_;
    std::string scratch_;                          // add()'s serialized record
    std::unique_ptr<CompressionContext> context_;  // one zstd context for every block
    Block in_flight_;
    // Declared last: joined before the block and context it compresses are destroyed.
    std::jthread compressor_;
};

}  // namespace iskra::index
