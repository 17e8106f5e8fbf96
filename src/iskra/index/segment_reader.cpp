#include "iskra/index/segment_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "iskra/index/doc_store_reader.hpp"
#include "iskra/index/footer.hpp"
#include "iskra/index/format.hpp"
#include "iskra/index/packed_file.hpp"
#include "iskra/index/term_dictionary_reader.hpp"
#include "iskra/index/varint.hpp"
#include "iskra/util/byte_buffer.hpp"
#include "iskra/util/mapped_file.hpp"

namespace iskra::index {

namespace {

enum FileIndex : std::size_t {
    kDoc,
    kPos,
    kTerms,
    kNorms,
    kSentences,
    kStore,
    kIds,
    kInfo,
    kFileCount
};

template <typename T>
const T* array_at(std::string_view content, std::size_t byte_offset) {
    return reinterpret_cast<const T*>(content.data() + byte_offset);
}

}  // namespace

struct SegmentReader::Impl {
    std::string name;
    std::filesystem::path dir;
    std::array<util::MappedFile, kFileCount> files;
    std::array<std::string_view, kFileCount> content;  // norms and ids: their unpacked bytes
    std::string norms_bytes;
    std::string ids_bytes;
    std::vector<std::uint32_t> sentence_offset_array;
    std::vector<std::uint32_t> sentence_start_array;
    SegmentInfo info;
    TermDictionaryReader dictionary;
    DocStoreReader store;
    const std::uint32_t* sentence_offsets = nullptr;
    const std::uint32_t* sentence_starts = nullptr;
    const std::uint64_t* hashes = nullptr;
    const std::uint32_t* id_offsets = nullptr;
    const DocId* sorted_ids = nullptr;
    std::string_view id_bytes;
    std::uint64_t size_bytes = 0;

    std::string what(std::size_t file) const { return (dir / kSegmentFiles[file]).string(); }
    Status parse_info();
    Status unpack_small_files();
    void offsets_from_deltas();
    Status parse_sentences(std::string_view sentences);
    Status parse_layouts();
    std::string_view id(DocId doc) const {
        return id_bytes.substr(id_offsets[doc], id_offsets[doc + 1] - id_offsets[doc]);
    }
};

Status SegmentReader::Impl::parse_info() {
    util::ByteReader in(content[kInfo], what(kInfo));
    auto doc_count = in.u32();
    ISKRA_TRY(doc_count);
    info.doc_count = *doc_count;
    std::uint64_t* fields[] = {&info.total_length_all,
                               &info.total_length_title,
                               &info.term_count_all,
                               &info.term_count_title,
                               &info.sentence_count,
                               &info.text_bytes};
    for (std::uint64_t* field : fields) {
        auto value = in.u64();
        ISKRA_TRY(value);
        *field = *value;
    }
    return {};
}

Status SegmentReader::Impl::unpack_small_files() {
    auto norms = unpack_file_content(content[kNorms], what(kNorms));
    ISKRA_TRY(norms);
    norms_bytes = norms.take();
    content[kNorms] = norms_bytes;
    auto ids = unpack_file_content(content[kIds], what(kIds));
    ISKRA_TRY(ids);
    ids_bytes = ids.take();
    content[kIds] = ids_bytes;
    offsets_from_deltas();
    return {};
}

// The ids file stores the id offsets as deltas (docs/FORMAT.md#ids): sum them up in place, so
// that the in-memory layout has plain offsets. A short file is left for parse_layouts to reject.
void SegmentReader::Impl::offsets_from_deltas() {
    const std::uint64_t n = info.doc_count;
    const std::size_t at = 8 + n * 8;
    if (ids_bytes.size() < at + (n + 1) * 4) {
        return;
    }
    std::uint32_t sum = 0;
    for (std::uint64_t i = 0; i <= n; ++i) {
        std::uint32_t delta;
        std::memcpy(&delta, ids_bytes.data() + at + i * 4, 4);
        sum += delta;  // wraps on a damaged file; parse_layouts then finds the offsets wrong
        std::memcpy(ids_bytes.data() + at + i * 4, &sum, 4);
    }
}

// Expands the per-document deltas (docs/FORMAT.md#sentences) into two arrays.
Status SegmentReader::Impl::parse_sentences(std::string_view sentences) {
    std::uint64_t n = info.doc_count;
    util::ByteReader in(sentences, what(kSentences));
    auto count = in.u32();
    ISKRA_TRY(count);
    if (*count != n) {
        return Status::corruption(what(kSentences) + ": header does not match the document count");
    }
    sentence_offset_array.assign(n + 1, 0);
    sentence_start_array.clear();
    sentence_start_array.reserve(info.sentence_count);
    const auto* p = reinterpret_cast<const std::uint8_t*>(sentences.data()) + 4;
    const auto* end = reinterpret_cast<const std::uint8_t*>(sentences.data()) + sentences.size();
    for (std::uint64_t doc = 0; doc < n; ++doc) {
        std::uint64_t starts = read_varint(p, end);
        if (starts > static_cast<std::uint64_t>(end - p)) {
            return Status::corruption(what(kSentences) + ": bad sentence count");
        }
        std::uint32_t start = 0;
        for (std::uint64_t i = 0; i < starts; ++i) {
            start += static_cast<std::uint32_t>(read_varint(p, end));
            sentence_start_array.push_back(start);
        }
        sentence_offset_array[doc + 1] = static_cast<std::uint32_t>(sentence_start_array.size());
    }
    if (p != end) {
        return Status::corruption(what(kSentences) + ": size does not match its counts");
    }
    sentence_offsets = sentence_offset_array.data();
    sentence_starts = sentence_start_array.data();
    return {};
}

Status SegmentReader::Impl::parse_layouts() {
    std::uint64_t n = info.doc_count;
    auto bad = [&](std::size_t file, std::string_view why) {
        return Status::corruption(what(file) + ": " + std::string(why));
    };
    if (content[kNorms].size() != n * 8) {
        return bad(kNorms, "size does not match the document count");
    }
    auto sentences = unpack_file_content(content[kSentences], what(kSentences));
    ISKRA_TRY(sentences);
    ISKRA_TRY(parse_sentences(*sentences));
    std::string_view ids = content[kIds];
    std::uint64_t fixed = 8 + n * 8 + (n + 1) * 4 + n * 4;
    if (ids.size() < fixed) {
        return bad(kIds, "too short for its document count");
    }
    hashes = array_at<std::uint64_t>(ids, 8);
    id_offsets = array_at<std::uint32_t>(ids, 8 + n * 8);
    sorted_ids = array_at<DocId>(ids, 8 + n * 8 + (n + 1) * 4);
    id_bytes = ids.substr(fixed);
    if (id_offsets[n] != id_bytes.size()) {
        return bad(kIds, "id bytes do not match their offsets");
    }
    for (std::uint64_t doc = 0; doc < n; ++doc) {
        if (id_offsets[doc] > id_offsets[doc + 1] || sorted_ids[doc] >= n) {
            return bad(kIds, "bad offsets or order");
        }
    }
    return {};
}

SegmentReader::SegmentReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
    auto norms = impl_->content[kNorms];
    lengths_[0] = array_at<std::uint32_t>(norms, 0);
    lengths_[1] = array_at<std::uint32_t>(norms, std::size_t{impl_->info.doc_count} * 4);
}

SegmentReader::~SegmentReader() = default;

Result<std::shared_ptr<const SegmentReader>> SegmentReader::open(const std::filesystem::path& dir,
                                                                 std::string name) {
    auto impl = std::make_unique<Impl>();
    impl->name = std::move(name);
    impl->dir = dir;
    for (std::size_t file = 0; file < kFileCount; ++file) {
        auto mapped = util::MappedFile::open(dir / kSegmentFiles[file]);
        ISKRA_TRY(mapped);
        impl->files[file] = mapped.take();
        impl->size_bytes += impl->files[file].size();
        bool small = file == kInfo || file == kNorms || file == kIds || file == kSentences;
        auto content = read_footer(impl->files[file].view(), impl->what(file), small);
        ISKRA_TRY(content);
        impl->content[file] = *content;
    }
    ISKRA_TRY(impl->parse_info());
    ISKRA_TRY(impl->unpack_small_files());
    ISKRA_TRY(impl->parse_layouts());
    auto dictionary = TermDictionaryReader::open(impl->content[kTerms], impl->what(kTerms));
    ISKRA_TRY(dictionary);
    impl->dictionary = dictionary.take();
    auto store = DocStoreReader::open(
        impl->content[kStore], impl->what(kStore), std::span(impl->hashes, impl->info.doc_count));
    ISKRA_TRY(store);
    impl->store = store.take();
    if (impl->store.doc_count() != impl->info.doc_count) {
        return Status::corruption(impl->what(kStore) + ": document count does not match");
    }
    return std::shared_ptr<const SegmentReader>(new SegmentReader(std::move(impl)));
}

const std::string& SegmentReader::name() const {
    return impl_->name;
}
const std::filesystem::path& SegmentReader::directory() const {
    return impl_->dir;
}
DocId SegmentReader::doc_count() const {
    return impl_->info.doc_count;
}
const SegmentInfo& SegmentReader::info() const {
    return impl_->info;
}
std::uint64_t SegmentReader::size_bytes() const {
    return impl_->size_bytes;
}

std::optional<TermInfo> SegmentReader::term_info(Field field, std::string_view term) const {
    std::string key;
    key.reserve(term.size() + 1);
    key.push_back(static_cast<char>(field));
    key.append(term);
    return impl_->dictionary.find(key);
}

SegmentPostingCursor SegmentReader::postings(const TermInfo& info) const {
    const auto* docs = reinterpret_cast<const std::uint8_t*>(impl_->content[kDoc].data());
    const auto* positions = reinterpret_cast<const std::uint8_t*>(impl_->content[kPos].data());
    return SegmentPostingCursor(docs + info.doc_offset, positions + info.pos_offset, info);
}

std::optional<SegmentPostingCursor> SegmentReader::postings(Field field,
                                                            std::string_view term) const {
    auto info = term_info(field, term);
    if (!info || info->doc_freq == 0 || info->doc_offset >= impl_->content[kDoc].size()) {
        return std::nullopt;
    }
    return postings(*info);
}

TermIterator SegmentReader::terms(Field field, std::string_view prefix) const {
    std::string key;
    key.push_back(static_cast<char>(field));
    key.append(prefix);
    return impl_->dictionary.seek(key);
}

std::span<const std::uint32_t> SegmentReader::sentence_starts(DocId doc) const {
    std::uint32_t begin = impl_->sentence_offsets[doc];
    return {impl_->sentence_starts + begin, impl_->sentence_offsets[doc + 1] - begin};
}

std::optional<std::uint32_t> SegmentReader::sentence_of_position(DocId doc,
                                                                 std::uint32_t position) const {
    auto starts = sentence_starts(doc);
    auto it = std::upper_bound(starts.begin(), starts.end(), position);
    if (it == starts.begin()) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(it - starts.begin() - 1);
}

Result<StoredDocument> SegmentReader::document(DocId doc) const {
    auto stored = impl_->store.document(doc);
    if (stored.ok()) {
        stored->external_id.assign(impl_->id(doc));  // kept in `ids`, not in the store
    }
    return stored;
}

Result<std::string_view> SegmentReader::serialized_document(DocId doc, DocBlockCache& cache) const {
    return impl_->store.serialized(doc, cache);
}

std::string_view SegmentReader::external_id(DocId doc) const {
    return impl_->id(doc);
}

std::uint64_t SegmentReader::content_hash(DocId doc) const {
    return impl_->hashes[doc];
}

std::span<const DocId> SegmentReader::find(std::string_view external_id) const {
    const DocId* begin = impl_->sorted_ids;
    const DocId* end = begin + impl_->info.doc_count;
    auto low = std::lower_bound(begin, end, external_id, [&](DocId doc, std::string_view id) {
        return impl_->id(doc) < id;
    });
    auto high = std::upper_bound(
        low, end, external_id, [&](std::string_view id, DocId doc) { return id < impl_->id(doc); });
    return {low, static_cast<std::size_t>(high - low)};
}

Status SegmentReader::verify() const {
    std::string damaged;
    for (std::size_t file = 0; file < kFileCount; ++file) {
        auto content = read_footer(impl_->files[file].view(), impl_->what(file), true);
        if (!content.ok()) {
            damaged += (damaged.empty() ? "" : "; ") + content.status().message();
        }
    }
    if (!damaged.empty()) {
        return Status::corruption(damaged);
    }
    return {};
}

}  // namespace iskra::index
