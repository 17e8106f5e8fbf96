#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "iskra/index/doc_store_writer.hpp"
#include "iskra/index/file_sink.hpp"
#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/index/postings_writer.hpp"
#include "iskra/index/segment_reader.hpp"
#include "iskra/index/term_dictionary_writer.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// A term whose postings were encoded apart (a PostingsWriter over in-memory sinks), with its
/// offsets into those sinks.
struct EncodedTerm {
    Field field = Field::All;
    std::string_view term;
    TermInfo info;
};

/// One written file of a segment, as the manifest records it.
struct SegmentFile {
    std::string name;
    std::uint64_t size_bytes = 0;  ///< including the footer
    std::uint32_t crc = 0;         ///< CRC-32C of the content (the footer's)
};

/// What a finished segment directory holds.
struct BuiltSegment {
    SegmentInfo info;
    std::vector<SegmentFile> files;
};

/// Writes one immutable segment directory from documents then sorted posting lists. Used by the
/// in-memory SegmentWriter's flush and by the merger:
///
///     auto builder = SegmentBuilder::create(dir);
///     for each document in id order: builder->add_document(serialized, ...);
///         (or add_unstored_document(...) for each, then set_store(a store built beforehand))
///     for field All then Title, for each term in byte order:
///         builder->begin_term(field); builder->add_posting(...)...; builder->end_term(term);
///     auto built = builder->finish();
///
/// finish() writes every file with its footer, fsyncs them and the directory.
class SegmentBuilder {
  public:
    static Result<std::unique_ptr<SegmentBuilder>> create(const std::filesystem::path& dir);

    /// `serialized` is a DocumentRecord as serialize_document() writes it.
    void add_document(std::string_view serialized,
                      std::string_view external_id,
                      std::uint64_t content_hash,
                      std::span<const std::uint32_t> sentence_starts,
                      std::uint32_t length_all,
                      std::uint32_t length_title,
                      std::uint64_t text_bytes);
    /// The same for a document already in a store given to set_store().
    void add_unstored_document(std::string_view external_id,
                               std::uint64_t content_hash,
                               std::span<const std::uint32_t> sentence_starts,
                               std::uint32_t length_all,
                               std::uint32_t length_title,
                               std::uint64_t text_bytes);
    /// Uses `content` (a finished DocStoreWriter's output, holding every document added with
    /// add_unstored_document, in order) as the segment's docs.store.
    void set_store(std::string_view content);
    DocId doc_count() const { return static_cast<DocId>(length_all_.size()); }

    /// REQUIRES: every document added; fields in order (All, then Title); terms ascending.
    void begin_term(Field field);
    void add_posting(DocId doc, std::uint32_t freq, std::span<const std::uint32_t> positions) {
        postings_.add(doc, freq, positions);
        ++term_postings_;
    }
    /// Writes the dictionary entry; a term that got no posting is dropped.
    void end_term(std::string_view term);
    /// Appends postings encoded apart, starting at offset 0 of `docs` and `positions`, and their
    /// terms' dictionary entries. REQUIRES: the same order as begin_term/end_term would need.
    void add_encoded_terms(std::string_view docs,
                           std::string_view positions,
                           std::span<const EncodedTerm> terms);
    /// The field lengths of the documents added so far (what posting lists are written with).
    std::span<const std::uint32_t> lengths(Field field) const {
        return field == Field::All ? std::span<const std::uint32_t>(length_all_)
                                   : std::span<const std::uint32_t>(length_title_);
    }

    Result<BuiltSegment> finish();

  private:
    SegmentBuilder(std::filesystem::path dir,
                   FileSink docs,
                   FileSink positions,
                   FileSink terms,
                   FileSink store);
    void start_packing();
    void pack_small_files();
    Status write_small_files(BuiltSegment& built);
    Status finish_sink(FileSink& sink, std::string_view name, BuiltSegment& built);
    void add_dictionary_entry(Field field, std::string_view term, const TermInfo& info);

    std::filesystem::path dir_;
    FileSink docs_sink_;
    FileSink pos_sink_;
    FileSink terms_sink_;
    FileSink store_sink_;
    PostingsWriter postings_;
    TermDictionaryWriter dictionary_;
    DocStoreWriter store_;
    bool store_given_ = false;
    Field field_ = Field::All;
    std::uint32_t term_postings_ = 0;
    std::string key_;
    SegmentInfo info_;
    std::vector<std::uint32_t> length_all_;
    std::vector<std::uint32_t> length_title_;
    std::vector<std::uint32_t> sentence_offsets_{0};
    std::vector<std::uint32_t> sentence_starts_;
    std::vector<std::uint64_t> hashes_;
    std::vector<std::uint32_t> id_offsets_{0};
    std::string id_bytes_;
    // norms, sentences and ids, compressed on `packer_` while the postings are written (the
    // documents are all added by then); written by finish().
    std::string packed_norms_;
    std::string packed_sentences_;
    std::string packed_ids_;
    bool packing_started_ = false;
    std::jthread packer_;  // last: joined before the rest is destroyed
};

}  // namespace iskra::index
