#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/document_record.hpp"
#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// The last decompressed block, so that reading documents in order decompresses each block once.
struct DocBlockCache {
    std::uint64_t block = ~std::uint64_t{0};
    DocId first_doc = 0;
    std::string raw;  // the three decompressed frames, back to back
    /// Per document of the block, the offsets in `raw` where its metadata, text and blob
    /// sections begin; one more triple at the end (the sections' ends).
    std::vector<std::uint32_t> starts;
    std::string assembled;  // serialized() output

    std::uint32_t doc_count() const {
        return starts.empty() ? 0 : static_cast<std::uint32_t>(starts.size() / 3 - 1);
    }
};

/// A stored document's three sections (docs/FORMAT.md#document-store).
struct DocumentSections {
    std::string_view meta;
    std::string_view text;  ///< title (varint length + bytes) then the text
    std::string_view blobs;
};

class RecentBlocks;

/// Reads documents from `docs.store` content (a mapping the caller keeps alive).
class DocStoreReader {
  public:
    DocStoreReader() = default;
    /// `hashes` (kept alive by the caller, one per document, or empty for 0) are the documents'
    /// content hashes, which the store leaves to the segment's `ids` file.
    static Result<DocStoreReader> open(std::string_view content,
                                       std::string_view what,
                                       std::span<const std::uint64_t> hashes = {});

    std::uint32_t doc_count() const { return doc_count_; }
    /// Parses `doc` from its block, decompressing the block unless it was read recently
    /// (the reader keeps a few MB of recent blocks, shared by all threads and copies).
    Result<DocumentRecord> document(DocId doc) const;
    /// The serialized bytes of `doc`, valid until `cache` changes.
    Result<std::string_view> serialized(DocId doc, DocBlockCache& cache) const;

  private:
    Status load_block(std::uint64_t block, DocBlockCache& cache) const;
    /// The block that holds `doc` (< doc_count_).
    std::uint64_t block_of(DocId doc) const;
    Result<DocumentSections> slice(const DocBlockCache& cache, DocId doc) const;

    std::string_view content_;
    std::string what_;
    std::span<const std::uint64_t> hashes_;
    std::uint32_t doc_count_ = 0;
    std::uint64_t block_count_ = 0;
    std::uint64_t index_offset_ = 0;
    std::shared_ptr<RecentBlocks> recent_;
};

/// Parses what serialize_document() wrote.
Result<DocumentRecord> parse_document(std::string_view bytes, std::string_view what);
Result<DocumentRecord> parse_document(const DocumentSections& sections, std::string_view what);
/// The size of the text (title excluded) of a serialized document; 0 when it is damaged.
std::uint64_t serialized_text_size(std::string_view bytes);

}  // namespace iskra::index
