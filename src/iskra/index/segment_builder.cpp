#include "iskra/index/segment_builder.hpp"

#include <algorithm>
#include <numeric>
#include <system_error>

#include "iskra/index/footer.hpp"
#include "iskra/index/format.hpp"
#include "iskra/index/packed_file.hpp"
#include "iskra/util/byte_buffer.hpp"
#include "iskra/util/checksum.hpp"
#include "iskra/util/file.hpp"

namespace iskra::index {

namespace {

template <typename T>
void append_array(std::string& out, const std::vector<T>& values) {
    out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

}  // namespace

Result<std::unique_ptr<SegmentBuilder>> SegmentBuilder::create(const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::remove_all(dir, error);
    std::filesystem::create_directories(dir, error);
    if (error) {
        return Status::io_error("cannot create segment directory " + dir.string() + ": "
                                + error.message());
    }
    auto docs = FileSink::create(dir / kPostingsDocFile);
    ISKRA_TRY(docs);
    auto positions = FileSink::create(dir / kPostingsPosFile);
    ISKRA_TRY(positions);
    auto terms = FileSink::create(dir / kTermsFile);
    ISKRA_TRY(terms);
    auto store = FileSink::create(dir / kDocStoreFile);
    ISKRA_TRY(store);
    return std::unique_ptr<SegmentBuilder>(
        new SegmentBuilder(dir, docs.take(), positions.take(), terms.take(), store.take()));
}

SegmentBuilder::SegmentBuilder(
    std::filesystem::path dir, FileSink docs, FileSink positions, FileSink terms, FileSink store)
    : dir_(std::move(dir)),
      docs_sink_(std::move(docs)),
      pos_sink_(std::move(positions)),
      terms_sink_(std::move(terms)),
      store_sink_(std::move(store)),
      postings_(docs_sink_, pos_sink_),
      dictionary_(terms_sink_),
      store_(store_sink_) {}

void SegmentBuilder::add_document(std::string_view serialized,
                                  std::string_view external_id,
                                  std::uint64_t content_hash,
                                  std::span<const std::uint32_t> sentence_starts,
                                  std::uint32_t length_all,
                                  std::uint32_t length_title,
                                  std::uint64_t text_bytes) {
    store_.add_serialized(serialized);
    add_unstored_document(
        external_id, content_hash, sentence_starts, length_all, length_title, text_bytes);
}

void SegmentBuilder::add_unstored_document(std::string_view external_id,
                                           std::uint64_t content_hash,
                                           std::span<const std::uint32_t> sentence_starts,
                                           std::uint32_t length_all,
                                           std::uint32_t length_title,
                                           std::uint64_t text_bytes) {
    id_bytes_.append(external_id);
    id_offsets_.push_back(static_cast<std::uint32_t>(id_bytes_.size()));
    hashes_.push_back(content_hash);
    sentence_starts_.insert(sentence_starts_.end(), sentence_starts.begin(), sentence_starts.end());
    sentence_offsets_.push_back(static_cast<std::uint32_t>(sentence_starts_.size()));
    length_all_.push_back(length_all);
    length_title_.push_back(length_title);
    info_.total_length_all += length_all;
    info_.total_length_title += length_title;
    info_.sentence_count += sentence_starts.size();
    info_.text_bytes += text_bytes;
}

void SegmentBuilder::begin_term(Field field) {
    start_packing();
    field_ = field;
    term_postings_ = 0;
    postings_.begin_term(field == Field::All ? std::span<const std::uint32_t>(length_all_)
                                             : std::span<const std::uint32_t>(length_title_));
}

void SegmentBuilder::end_term(std::string_view term) {
    if (term_postings_ == 0) {
        return;
    }
    add_dictionary_entry(field_, term, postings_.end_term());
}

void SegmentBuilder::add_dictionary_entry(Field field,
                                          std::string_view term,
                                          const TermInfo& info) {
    key_.clear();
    key_.push_back(static_cast<char>(field));
    key_.append(term);
    dictionary_.add(key_, info);
    (field == Field::All ? info_.term_count_all : info_.term_count_title) += 1;
}

void SegmentBuilder::add_encoded_terms(std::string_view docs,
                                       std::string_view positions,
                                       std::span<const EncodedTerm> terms) {
    start_packing();
    std::uint64_t doc_base = docs_sink_.size();
    std::uint64_t pos_base = pos_sink_.size();
    docs_sink_.append(docs);
    pos_sink_.append(positions);
    for (const EncodedTerm& encoded : terms) {
        TermInfo info = encoded.info;
        info.doc_offset += doc_base;
        info.pos_offset += pos_base;
        add_dictionary_entry(encoded.field, encoded.term, info);
    }
}

Status SegmentBuilder::finish_sink(FileSink& sink, std::string_view name, BuiltSegment& built) {
    std::uint64_t content = sink.size();
    std::uint32_t crc = sink.crc();
    ISKRA_TRY(sink.finish());
    built.files.push_back({std::string(name), content + kFooterSize, crc});
    return {};
}

void SegmentBuilder::start_packing() {
    if (!packing_started_) {
        packing_started_ = true;
        packer_ = std::jthread([this] { pack_small_files(); });
    }
}

// Runs on packer_: reads only the per-document arrays, which no longer change.
void SegmentBuilder::pack_small_files() {
    std::string norms;
    append_array(norms, length_all_);
    append_array(norms, length_title_);
    packed_norms_ = pack_file_content(norms);

    // sentences: count, then per document its sentence count and the starts as deltas.
    util::ByteWriter sentences;
    sentences.put_u32(doc_count());
    for (std::size_t doc = 0; doc < doc_count(); ++doc) {
        std::uint32_t begin = sentence_offsets_[doc];
        std::uint32_t end = sentence_offsets_[doc + 1];
        sentences.put_varint(end - begin);
        std::uint32_t previous = 0;
        for (std::uint32_t i = begin; i < end; ++i) {
            sentences.put_varint(sentence_starts_[i] - previous);
            previous = sentence_starts_[i];
        }
    }
    packed_sentences_ = pack_file_content(sentences.data());

    // ids: count, pad, hashes[n], offset deltas[n+1], sorted[n], id bytes.
    std::vector<std::uint32_t> sorted(doc_count());
    std::iota(sorted.begin(), sorted.end(), 0u);
    auto id_of = [&](std::uint32_t doc) {
        return std::string_view(id_bytes_).substr(id_offsets_[doc],
                                                  id_offsets_[doc + 1] - id_offsets_[doc]);
    };
    std::stable_sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) {
        return id_of(a) < id_of(b);
    });
    util::ByteWriter ids_header;
    ids_header.put_u32(doc_count());
    ids_header.put_u32(0);
    std::string ids = ids_header.take();
    append_array(ids, hashes_);
    // Offsets as deltas (the id lengths): small numbers compress to a fifth of the rising ones.
    std::vector<std::uint32_t> id_lengths(id_offsets_.size());
    std::adjacent_difference(id_offsets_.begin(), id_offsets_.end(), id_lengths.begin());
    append_array(ids, id_lengths);
    append_array(ids, sorted);
    ids += id_bytes_;
    packed_ids_ = pack_file_content(ids);
}

Status SegmentBuilder::write_small_files(BuiltSegment& built) {
    start_packing();
    packer_.join();
    auto write = [&](std::string_view name, std::string content) -> Status {
        std::uint32_t crc = util::crc32c(content);
        std::uint64_t size = content.size();
        content += make_footer(size, crc);
        ISKRA_TRY(util::write_file_durable(dir_ / name, content));
        built.files.push_back({std::string(name), size + kFooterSize, crc});
        return {};
    };
    ISKRA_TRY(write(kNormsFile, std::move(packed_norms_)));
    ISKRA_TRY(write(kSentencesFile, std::move(packed_sentences_)));
    ISKRA_TRY(write(kIdsFile, std::move(packed_ids_)));

    info_.doc_count = doc_count();
    util::ByteWriter info;
    info.put_u32(info_.doc_count);
    info.put_u64(info_.total_length_all);
    info.put_u64(info_.total_length_title);
    info.put_u64(info_.term_count_all);
    info.put_u64(info_.term_count_title);
    info.put_u64(info_.sentence_count);
    info.put_u64(info_.text_bytes);
    return write(kSegmentInfoFile, info.take());
}

void SegmentBuilder::set_store(std::string_view content) {
    store_given_ = true;
    store_sink_.append(content);
}

Result<BuiltSegment> SegmentBuilder::finish() {
    BuiltSegment built;
    dictionary_.finish();
    if (!store_given_) {
        store_.finish();
    }
    ISKRA_TRY(finish_sink(docs_sink_, kPostingsDocFile, built));
    ISKRA_TRY(finish_sink(pos_sink_, kPostingsPosFile, built));
    ISKRA_TRY(finish_sink(terms_sink_, kTermsFile, built));
    ISKRA_TRY(finish_sink(store_sink_, kDocStoreFile, built));
    ISKRA_TRY(write_small_files(built));
    ISKRA_TRY(util::sync_directory(dir_));
    ISKRA_TRY(util::sync_directory(dir_.parent_path()));
    std::sort(built.files.begin(),
              built.files.end(),
              [](const SegmentFile& a, const SegmentFile& b) { return a.name < b.name; });
    built.info = info_;
    return built;
}

}  // namespace iskra::index
