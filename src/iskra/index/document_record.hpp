#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace iskra::index {

/// Flags the cleaner sets on a sentence (bit set). Nothing flagged is removed: ranking and
/// answering down-weight or skip flagged sentences, `search --show-noise` still finds them.
enum SentenceFlag : std::uint8_t {
    kSentenceDuplicate = 1u << 0,  ///< a near-copy of an earlier sentence in the collection
    kSentenceOffTopic = 1u << 1,   ///< does not fit the document's / collection's subject
    kSentenceFurniture = 1u << 2,  ///< page furniture: cookie notices, share buttons, widgets
    kSentenceSpun = 1u << 3,       ///< spun or shuffled text
    kSentenceQuiz = 1u << 4,       ///< part of a quiz / question list
    kSentenceQuestion = 1u << 5,   ///< the sentence is a question
};

enum DocumentFlag : std::uint8_t {
    kDocumentDuplicate = 1u << 0,  ///< near-duplicate of an earlier document
    kDocumentLowQuality = 1u << 1,
};

/// A sentence as stored: byte offsets into the document text and into the original file.
struct SentenceRecord {
    std::uint32_t text_begin = 0;
    std::uint32_t text_end = 0;
    std::uint64_t source_begin = 0;
    std::uint64_t source_end = 0;
    float quality = 1.0f;  ///< 0 (noise) .. 1 (clean prose)
    std::uint8_t flags = 0;
};

/// Everything the index stores about one document. The engine builds it from an ingested,
/// cleaned document; the segment writer analyzes `title` and each sentence of `text` itself.
struct DocumentRecord {
    std::string external_id;  ///< unique in the collection; re-adding the same id replaces
    std::string title;
    std::string source_path;
    std::string format;  ///< "text", "html", ...
    std::string text;
    std::vector<SentenceRecord> sentences;  ///< sorted, non-overlapping, covering the prose
    std::uint64_t source_size_bytes = 0;
    std::uint64_t content_hash = 0;
    std::uint64_t ingest_time_ms = 0;
    std::uint8_t flags = 0;
    float quality = 1.0f;
    std::uint32_t invalid_utf8_replaced = 0;
    /// Opaque named blobs computed at index time by other modules (extraction facts, cleaning
    /// fingerprints). Stored compressed with the document and copied through merges.
    std::vector<std::pair<std::string, std::string>> annotations;
};

}  // namespace iskra::index
