#include "iskra/index/doc_store_reader.hpp"

#include <optional>
#include <string>

#include <zstd.h>

#include "iskra/index/recent_blocks.hpp"
#include "iskra/index/store_metadata.hpp"
#include "iskra/index/varint.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {
constexpr std::size_t kTrailerBytes = 20;
// Decompressed bytes of recent blocks kept per segment: the top hits of popular queries.
constexpr std::size_t kRecentBlockBytes = std::size_t{8} << 20;
}  // namespace

Result<DocStoreReader> DocStoreReader::open(std::string_view content,
                                            std::string_view what,
                                            std::span<const std::uint64_t> hashes) {
    auto fail = [&](std::string_view why) {
        return Status::corruption(std::string(what) + ": " + std::string(why));
    };
    if (content.size() < kTrailerBytes) {
        return fail("too short for a document store trailer");
    }
    util::ByteReader trailer(content.substr(content.size() - kTrailerBytes), what);
    DocStoreReader reader;
    reader.index_offset_ = *trailer.u64();
    reader.block_count_ = *trailer.u64();
    reader.doc_count_ = *trailer.u32();
    std::uint64_t index_bytes = (reader.block_count_ + 1) * 8 + reader.block_count_ * 4;
    if (reader.index_offset_ > content.size()
        || reader.index_offset_ + index_bytes + kTrailerBytes != content.size()) {
        return fail("inconsistent block index");
    }
    if (!hashes.empty() && hashes.size() != reader.doc_count_) {
        return fail("the content hashes do not match the document count");
    }
    reader.content_ = content;
    reader.what_ = what;
    reader.hashes_ = hashes;
    reader.recent_ = std::make_shared<RecentBlocks>(kRecentBlockBytes);
    return reader;
}

Result<DocumentRecord> DocStoreReader::document(DocId doc) const {
    if (doc >= doc_count_) {
        return Status::invalid_argument(what_ + ": no document " + std::to_string(doc));
    }
    std::uint64_t block = block_of(doc);
    std::shared_ptr<const DocBlockCache> decoded = recent_ ? recent_->find(block) : nullptr;
    if (!decoded) {
        auto fresh = std::make_shared<DocBlockCache>();
        ISKRA_TRY(load_block(block, *fresh));
        decoded = fresh;
        if (recent_) {
            recent_->insert(block, decoded);
        }
    }
    auto sections = slice(*decoded, doc);
    ISKRA_TRY(sections);
    return parse_document(*sections, what_);
}

Result<std::string_view> DocStoreReader::serialized(DocId doc, DocBlockCache& cache) const {
    if (doc >= doc_count_) {
        return Status::invalid_argument(what_ + ": no document " + std::to_string(doc));
    }
    bool cached = cache.block < block_count_ && doc >= cache.first_doc
                  && doc - cache.first_doc < cache.doc_count();
    if (!cached) {
        ISKRA_TRY(load_block(block_of(doc), cache));
    }
    auto sections = slice(cache, doc);
    ISKRA_TRY(sections);
    cache.assembled.clear();
    append_varint(cache.assembled, sections->meta.size());
    append_varint(cache.assembled, sections->text.size());
    cache.assembled += sections->meta;
    cache.assembled += sections->text;
    cache.assembled += sections->blobs;
    return std::string_view(cache.assembled);
}

std::uint64_t DocStoreReader::block_of(DocId doc) const {
    const auto* base = reinterpret_cast<const std::uint8_t*>(content_.data());
    const std::uint8_t* firsts = base + index_offset_ + (block_count_ + 1) * 8;
    // Last block whose first doc is <= doc.
    std::uint64_t low = 0;
    std::uint64_t high = block_count_;
    while (high - low > 1) {
        std::uint64_t mid = (low + high) / 2;
        if (load_unaligned<std::uint32_t>(firsts + mid * 4) <= doc) {
            low = mid;
        } else {
            high = mid;
        }
    }
    return low;
}

Result<DocumentSections> DocStoreReader::slice(const DocBlockCache& cache, DocId doc) const {
    if (doc < cache.first_doc || doc - cache.first_doc >= cache.doc_count()) {
        return Status::corruption(what_ + ": block " + std::to_string(cache.block)
                                  + " lacks document " + std::to_string(doc));
    }
    std::size_t at = std::size_t{doc - cache.first_doc} * 3;
    auto section = [&](std::size_t part) {
        std::uint32_t begin = cache.starts[at + part];
        return std::string_view(cache.raw).substr(begin, cache.starts[at + 3 + part] - begin);
    };
    return DocumentSections{section(0), section(1), section(2)};
}

Status DocStoreReader::load_block(std::uint64_t block, DocBlockCache& cache) const {
    const auto* base = reinterpret_cast<const std::uint8_t*>(content_.data());
    const std::uint8_t* offsets = base + index_offset_;
    const std::uint8_t* firsts = offsets + (block_count_ + 1) * 8;
    std::uint64_t begin = load_unaligned<std::uint64_t>(offsets + block * 8);
    std::uint64_t end = load_unaligned<std::uint64_t>(offsets + (block + 1) * 8);
    cache.block = ~std::uint64_t{0};
    cache.starts.clear();
    auto bad = [&](std::string_view why) {
        return Status::corruption(what_ + ": " + std::string(why) + " in block "
                                  + std::to_string(block));
    };
    if (begin > end || end > index_offset_) {
        return bad("bad block index entry");
    }
    // Three frames back to back: metadata in columns, texts, blobs. The metadata is rebuilt
    // into its serialized rows at the front of `raw`, the other two follow as they are.
    std::string_view compressed = content_.substr(begin, end - begin);
    std::string columns;
    std::size_t frame_ends[3] = {};
    cache.raw.clear();
    std::vector<std::uint64_t> doc_sizes;
    for (std::size_t frame = 0; frame < 3; ++frame) {
        std::size_t frame_size = ZSTD_findFrameCompressedSize(compressed.data(), compressed.size());
        unsigned long long raw_size =
            ZSTD_getFrameContentSize(compressed.data(), compressed.size());
        if (ZSTD_isError(frame_size) || raw_size == ZSTD_CONTENTSIZE_ERROR
            || raw_size == ZSTD_CONTENTSIZE_UNKNOWN || raw_size > (std::uint64_t{1} << 31)) {
            return bad("bad compressed frame");
        }
        std::string& target = frame == 0 ? columns : cache.raw;
        std::size_t at = target.size();
        target.resize(at + raw_size);
        std::size_t got =
            ZSTD_decompress(target.data() + at, raw_size, compressed.data(), frame_size);
        if (ZSTD_isError(got) || got != raw_size) {
            return bad("cannot decompress");
        }
        compressed.remove_prefix(frame_size);
        if (frame == 0) {
            std::uint32_t first = load_unaligned<std::uint32_t>(firsts + block * 4);
            std::uint32_t next_first = block + 1 < block_count_
                                           ? load_unaligned<std::uint32_t>(firsts + (block + 1) * 4)
                                           : doc_count_;
            if (next_first < first || next_first > doc_count_) {
                return bad("bad block index entry");
            }
            std::span<const std::uint64_t> hashes =
                hashes_.empty() ? hashes_ : hashes_.subspan(first, next_first - first);
            ISKRA_TRY(rows_from_columns(columns, hashes, what_, cache.raw, doc_sizes));
        }
        frame_ends[frame] = cache.raw.size();
    }
    const std::uint64_t count = doc_sizes.size() / 3;
    // Section starts: metadata at the front, texts and blobs at their frames.
    std::uint64_t next[3] = {0, frame_ends[0], frame_ends[1]};
    const std::uint64_t limit[3] = {frame_ends[0], frame_ends[1], frame_ends[2]};
    cache.starts.resize((count + 1) * 3);
    for (std::uint64_t doc = 0; doc <= count; ++doc) {
        for (std::size_t part = 0; part < 3; ++part) {
            cache.starts[doc * 3 + part] = static_cast<std::uint32_t>(next[part]);
            if (doc < count) {
                next[part] += doc_sizes[doc * 3 + part];
                if (next[part] > limit[part]) {
                    cache.starts.clear();
                    return bad("section sizes exceed the block");
                }
            }
        }
    }
    cache.first_doc = load_unaligned<std::uint32_t>(firsts + block * 4);
    cache.block = block;
    return {};
}

namespace {

// Splits a serialized document (meta_size, text_size, then the sections) into its sections.
std::optional<DocumentSections> split_serialized(std::string_view bytes) {
    const auto* begin = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto* p = begin;
    const auto* end = begin + bytes.size();
    std::uint64_t meta_size = read_varint(p, end);
    std::uint64_t text_size = read_varint(p, end);
    auto header = static_cast<std::size_t>(p - begin);
    if (header + meta_size + text_size > bytes.size() || meta_size > bytes.size()
        || text_size > bytes.size()) {
        return std::nullopt;
    }
    std::string_view rest = bytes.substr(header);
    return DocumentSections{rest.substr(0, meta_size),
                            rest.substr(meta_size, text_size),
                            rest.substr(meta_size + text_size)};
}

}  // namespace

std::uint64_t serialized_text_size(std::string_view bytes) {
    auto sections = split_serialized(bytes);
    if (!sections) {
        return 0;
    }
    util::ByteReader in(sections->text, "document");
    auto title = in.string();
    return title.ok() ? sections->text.size() - in.position() : 0;
}

Result<DocumentRecord> parse_document(std::string_view bytes, std::string_view what) {
    auto sections = split_serialized(bytes);
    if (!sections) {
        return Status::corruption(std::string(what) + ": bad document sizes");
    }
    return parse_document(*sections, what);
}

Result<DocumentRecord> parse_document(const DocumentSections& sections, std::string_view what) {
    util::ByteReader in(sections.meta, what);
    DocumentRecord r;
    auto read_string = [&](std::string& out) -> Status {
        auto s = in.string();
        ISKRA_TRY(s);
        out.assign(*s);
        return {};
    };
    ISKRA_TRY(read_string(r.source_path));
    ISKRA_TRY(read_string(r.format));
    {
        util::ByteReader text(sections.text, what);
        auto title = text.string();
        ISKRA_TRY(title);
        r.title.assign(*title);
        r.text.assign(sections.text.substr(text.position()));
    }
    auto sentence_count = in.varint();
    ISKRA_TRY(sentence_count);
    if (*sentence_count > sections.meta.size()) {
        return Status::corruption(std::string(what) + ": bad sentence count");
    }
    r.sentences.resize(*sentence_count);
    std::uint64_t previous_end = 0;
    std::uint64_t previous_source_end = 0;
    for (SentenceRecord& s : r.sentences) {
        auto gap = in.varint();
        ISKRA_TRY(gap);
        auto size = in.varint();
        ISKRA_TRY(size);
        auto source_delta = in.varint();
        ISKRA_TRY(source_delta);
        auto source_size = in.varint();
        ISKRA_TRY(source_size);
        auto flags = in.varint();
        ISKRA_TRY(flags);
        s.text_begin = static_cast<std::uint32_t>(previous_end + *gap);
        s.text_end = static_cast<std::uint32_t>(s.text_begin + *size);
        std::uint64_t zigzag = *source_delta;
        auto delta = static_cast<std::int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
        s.source_begin = previous_source_end + static_cast<std::uint64_t>(delta);
        s.source_end = s.source_begin + *source_size;
        s.flags = static_cast<std::uint8_t>(*flags >> 1);
        if ((*flags & 1) != 0) {
            auto quality = in.f32();
            ISKRA_TRY(quality);
            s.quality = *quality;
        }
        previous_end = s.text_end;
        previous_source_end = s.source_end;
    }
    auto source_size = in.varint();
    auto hash = in.u64();
    auto ingest = in.varint();
    auto flags = in.u8();
    auto quality = in.f32();
    auto invalid = in.varint();
    auto annotation_count = in.varint();
    ISKRA_TRY(annotation_count);
    ISKRA_TRY(invalid);
    ISKRA_TRY(quality);
    ISKRA_TRY(flags);
    ISKRA_TRY(ingest);
    ISKRA_TRY(hash);
    ISKRA_TRY(source_size);
    r.source_size_bytes = *source_size;
    r.content_hash = *hash;
    r.ingest_time_ms = *ingest;
    r.flags = *flags;
    r.quality = *quality;
    r.invalid_utf8_replaced = static_cast<std::uint32_t>(*invalid);
    if (*annotation_count > sections.meta.size()) {
        return Status::corruption(std::string(what) + ": bad annotation count");
    }
    std::string_view blobs = sections.blobs;
    for (std::uint64_t i = 0; i < *annotation_count; ++i) {
        std::string name;
        ISKRA_TRY(read_string(name));
        auto size = in.varint();
        ISKRA_TRY(size);
        if (*size > blobs.size()) {
            return Status::corruption(std::string(what) + ": annotation blobs are too short");
        }
        r.annotations.emplace_back(std::move(name), std::string(blobs.substr(0, *size)));
        blobs.remove_prefix(*size);
    }
    return r;
}

}  // namespace iskra::index
