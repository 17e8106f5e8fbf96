#include "iskra/index/doc_store_reader.hpp"

#include <string>

#include <zstd.h>

#include "iskra/index/recent_blocks.hpp"
#include "iskra/index/varint.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {
constexpr std::size_t kTrailerBytes = 20;
// Decompressed bytes of recent blocks kept per segment: the top hits of popular queries.
constexpr std::size_t kRecentBlockBytes = std::size_t{8} << 20;
}  // namespace

Result<DocStoreReader> DocStoreReader::open(std::string_view content, std::string_view what) {
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
    reader.content_ = content;
    reader.what_ = what;
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
    auto bytes = slice(*decoded, doc);
    ISKRA_TRY(bytes);
    return parse_document(*bytes, what_);
}

Result<std::string_view> DocStoreReader::serialized(DocId doc, DocBlockCache& cache) const {
    if (doc >= doc_count_) {
        return Status::invalid_argument(what_ + ": no document " + std::to_string(doc));
    }
    bool cached = cache.block < block_count_ && doc >= cache.first_doc
                  && doc - cache.first_doc < cache.ends.size();
    if (!cached) {
        ISKRA_TRY(load_block(block_of(doc), cache));
    }
    return slice(cache, doc);
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

Result<std::string_view> DocStoreReader::slice(const DocBlockCache& cache, DocId doc) const {
    if (doc < cache.first_doc || doc - cache.first_doc >= cache.ends.size()) {
        return Status::corruption(what_ + ": block " + std::to_string(cache.block)
                                  + " lacks document " + std::to_string(doc));
    }
    std::size_t index = doc - cache.first_doc;
    std::uint32_t begin = index == 0 ? 0 : cache.ends[index - 1];
    return std::string_view(cache.raw).substr(cache.data_start + begin, cache.ends[index] - begin);
}

Status DocStoreReader::load_block(std::uint64_t block, DocBlockCache& cache) const {
    const auto* base = reinterpret_cast<const std::uint8_t*>(content_.data());
    const std::uint8_t* offsets = base + index_offset_;
    const std::uint8_t* firsts = offsets + (block_count_ + 1) * 8;
    std::uint64_t begin = load_unaligned<std::uint64_t>(offsets + block * 8);
    std::uint64_t end = load_unaligned<std::uint64_t>(offsets + (block + 1) * 8);
    cache.block = ~std::uint64_t{0};
    cache.ends.clear();
    if (begin > end || end > index_offset_) {
        return Status::corruption(what_ + ": bad block index entry " + std::to_string(block));
    }
    auto compressed = content_.substr(begin, end - begin);
    unsigned long long raw_size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
    if (raw_size == ZSTD_CONTENTSIZE_ERROR || raw_size == ZSTD_CONTENTSIZE_UNKNOWN
        || raw_size > (std::uint64_t{1} << 33)) {
        return Status::corruption(what_ + ": bad compressed block " + std::to_string(block));
    }
    cache.raw.resize(raw_size);
    std::size_t got =
        ZSTD_decompress(cache.raw.data(), cache.raw.size(), compressed.data(), compressed.size());
    if (ZSTD_isError(got) || got != raw_size) {
        return Status::corruption(what_ + ": cannot decompress block " + std::to_string(block));
    }
    util::ByteReader in(cache.raw, what_);
    auto count = in.varint();
    ISKRA_TRY(count);
    if (*count > cache.raw.size()) {
        return Status::corruption(what_ + ": bad document count in block " + std::to_string(block));
    }
    std::uint64_t previous = 0;
    for (std::uint64_t i = 0; i < *count; ++i) {
        auto value = in.varint();
        ISKRA_TRY(value);
        if (*value < previous) {
            return Status::corruption(what_ + ": bad document offsets in block "
                                      + std::to_string(block));
        }
        previous = *value;
        cache.ends.push_back(static_cast<std::uint32_t>(*value));
    }
    cache.data_start = in.position();
    if (cache.data_start + previous > cache.raw.size()) {
        cache.ends.clear();
        return Status::corruption(what_ + ": block " + std::to_string(block) + " is too short");
    }
    cache.first_doc = load_unaligned<std::uint32_t>(firsts + block * 4);
    cache.block = block;
    return {};
}

Result<DocumentRecord> parse_document(std::string_view bytes, std::string_view what) {
    util::ByteReader in(bytes, what);
    DocumentRecord r;
    auto read_string = [&](std::string& out) -> Status {
        auto s = in.string();
        ISKRA_TRY(s);
        out.assign(*s);
        return {};
    };
    ISKRA_TRY(read_string(r.external_id));
    ISKRA_TRY(read_string(r.title));
    ISKRA_TRY(read_string(r.source_path));
    ISKRA_TRY(read_string(r.format));
    ISKRA_TRY(read_string(r.text));
    auto sentence_count = in.varint();
    ISKRA_TRY(sentence_count);
    if (*sentence_count > bytes.size()) {
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
    if (*annotation_count > bytes.size()) {
        return Status::corruption(std::string(what) + ": bad annotation count");
    }
    for (std::uint64_t i = 0; i < *annotation_count; ++i) {
        std::string name;
        std::string blob;
        ISKRA_TRY(read_string(name));
        ISKRA_TRY(read_string(blob));
        r.annotations.emplace_back(std::move(name), std::move(blob));
    }
    return r;
}

}  // namespace iskra::index
