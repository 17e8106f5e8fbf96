#include "iskra/index/store_metadata.hpp"

#include <array>
#include <cstring>

#include "iskra/index/varint.hpp"
#include "iskra/util/assert.hpp"

namespace iskra::index {

namespace {

// The columns of the metadata frame, in the order they follow each other.
enum Column : std::size_t {
    kDocCount,         // one varint: the block's documents
    kTextSize,         // per document: the text section's size
    kBlobSize,         //   the blob section's size
    kStrings,          //   source_path, format; annotation names and blob sizes
    kSentenceCount,    //   sentences
    kSourceSize,       //   source_size_bytes
    kIngestTime,       //   ingest_time_ms
    kDocFlags,         //   flags (u8)
    kDocQuality,       //   quality (f32)
    kInvalid,          //   invalid_utf8_replaced
    kAnnotations,      //   annotation count
    kGap,              // per sentence: text_begin - previous text_end
    kLength,           //   text_end - text_begin
    kSourceDelta,      //   zigzag(source_begin - previous source_end)
    kSourceLength,     //   source_end - source_begin
    kSentenceFlags,    //   flags << 1 | has_quality
    kSentenceQuality,  //   quality (f32), when has_quality
    kColumnCount
};

// Copies one varint from [p, end) to `out` and returns its value. REQUIRES: well-formed.
std::uint64_t move_varint(const std::uint8_t*& p, const std::uint8_t* end, std::string& out) {
    const std::uint8_t* start = p;
    std::uint64_t value = read_varint(p, end);
    out.append(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p - start));
    return value;
}

void move_bytes(const std::uint8_t*& p, std::size_t n, std::string& out) {
    out.append(reinterpret_cast<const char*>(p), n);
    p += n;
}

// Reads the columns back: every read is bounds-checked, and a failure sticks.
class ColumnReader {
  public:
    ColumnReader() = default;
    explicit ColumnReader(std::string_view data)
        : next_(reinterpret_cast<const std::uint8_t*>(data.data())), end_(next_ + data.size()) {}

    bool ok() const { return ok_; }
    std::uint64_t varint(std::string& out) {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (next_ >= end_) {
                ok_ = false;
                return 0;
            }
            std::uint8_t byte = *next_++;
            out.push_back(static_cast<char>(byte));
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        ok_ = false;
        return 0;
    }
    void bytes(std::size_t n, std::string& out) {
        if (static_cast<std::size_t>(end_ - next_) < n) {
            ok_ = false;
            return;
        }
        out.append(reinterpret_cast<const char*>(next_), n);
        next_ += n;
    }
    bool at_end() const { return next_ == end_; }

  private:
    const std::uint8_t* next_ = nullptr;
    const std::uint8_t* end_ = nullptr;
    bool ok_ = true;
};

}  // namespace

std::string columnar_metadata(std::uint32_t doc_count,
                              std::string_view sizes,
                              std::string_view metas) {
    std::array<std::string, kColumnCount> columns;
    append_varint(columns[kDocCount], doc_count);
    const auto* s = reinterpret_cast<const std::uint8_t*>(sizes.data());
    const auto* s_end = s + sizes.size();
    const auto* p = reinterpret_cast<const std::uint8_t*>(metas.data());
    const auto* end = p + metas.size();
    std::string skipped;
    for (std::uint32_t doc = 0; doc < doc_count; ++doc) {
        std::uint64_t meta_size = read_varint(s, s_end);
        move_varint(s, s_end, columns[kTextSize]);
        move_varint(s, s_end, columns[kBlobSize]);
        const std::uint8_t* meta_end = p + meta_size;
        ISKRA_ASSERT(meta_end <= end, "metadata sizes exceed the block");
        for (int field = 0; field < 2; ++field) {  // source_path, format
            move_bytes(p, move_varint(p, meta_end, columns[kStrings]), columns[kStrings]);
        }
        std::uint64_t sentences = move_varint(p, meta_end, columns[kSentenceCount]);
        for (std::uint64_t i = 0; i < sentences; ++i) {
            move_varint(p, meta_end, columns[kGap]);
            move_varint(p, meta_end, columns[kLength]);
            move_varint(p, meta_end, columns[kSourceDelta]);
            move_varint(p, meta_end, columns[kSourceLength]);
            if ((move_varint(p, meta_end, columns[kSentenceFlags]) & 1) != 0) {
                move_bytes(p, 4, columns[kSentenceQuality]);
            }
        }
        move_varint(p, meta_end, columns[kSourceSize]);
        p += 8;  // content_hash: in `ids`
        move_varint(p, meta_end, columns[kIngestTime]);
        move_bytes(p, 1, columns[kDocFlags]);
        move_bytes(p, 4, columns[kDocQuality]);
        move_varint(p, meta_end, columns[kInvalid]);
        std::uint64_t annotations = move_varint(p, meta_end, columns[kAnnotations]);
        for (std::uint64_t i = 0; i < annotations; ++i) {
            move_bytes(p, move_varint(p, meta_end, columns[kStrings]), columns[kStrings]);
            move_varint(p, meta_end, columns[kStrings]);
        }
        ISKRA_ASSERT(p == meta_end, "metadata section does not match its size");
    }
    std::string out;
    for (std::size_t c = 1; c < kColumnCount; ++c) {
        append_varint(columns[kDocCount], columns[c].size());
    }
    for (const std::string& column : columns) {
        out += column;
    }
    return out;
}

Status rows_from_columns(std::string_view columns,
                         std::span<const std::uint64_t> hashes,
                         std::string_view what,
                         std::string& metas,
                         std::vector<std::uint64_t>& doc_sizes) {
    auto bad = [&](std::string_view why) {
        return Status::corruption(std::string(what) + ": " + std::string(why));
    };
    std::string scratch;
    ColumnReader head(columns);
    std::uint64_t doc_count = head.varint(scratch);
    std::array<ColumnReader, kColumnCount> in;
    std::array<std::uint64_t, kColumnCount> column_sizes{};
    for (std::size_t c = 1; c < kColumnCount; ++c) {
        column_sizes[c] = head.varint(scratch);
    }
    if (!head.ok()) {
        return bad("truncated metadata columns");
    }
    std::size_t at = scratch.size();  // the head's bytes: the count and the column sizes
    for (std::size_t c = 1; c < kColumnCount; ++c) {
        if (column_sizes[c] > columns.size() - at) {
            return bad("metadata column sizes exceed the frame");
        }
        in[c] = ColumnReader(columns.substr(at, column_sizes[c]));
        at += column_sizes[c];
    }
    if (at != columns.size() || doc_count > columns.size()
        || (!hashes.empty() && hashes.size() != doc_count)) {
        return bad("metadata columns do not match the block");
    }
    std::string ignored;
    for (std::uint64_t doc = 0; doc < doc_count; ++doc) {
        std::size_t row_start = metas.size();
        std::uint64_t text_size = in[kTextSize].varint(ignored);
        std::uint64_t blob_size = in[kBlobSize].varint(ignored);
        for (int field = 0; field < 2; ++field) {
            in[kStrings].bytes(in[kStrings].varint(metas), metas);
        }
        std::uint64_t sentences = in[kSentenceCount].varint(metas);
        if (sentences > columns.size()) {
            return bad("bad sentence count in metadata columns");
        }
        for (std::uint64_t i = 0; i < sentences && in[kGap].ok(); ++i) {
            in[kGap].varint(metas);
            in[kLength].varint(metas);
            in[kSourceDelta].varint(metas);
            in[kSourceLength].varint(metas);
            if ((in[kSentenceFlags].varint(metas) & 1) != 0) {
                in[kSentenceQuality].bytes(4, metas);
            }
        }
        in[kSourceSize].varint(metas);
        std::uint64_t hash = hashes.empty() ? 0 : hashes[doc];
        char hash_bytes[8];
        std::memcpy(hash_bytes, &hash, 8);
        metas.append(hash_bytes, 8);
        in[kIngestTime].varint(metas);
        in[kDocFlags].bytes(1, metas);
        in[kDocQuality].bytes(4, metas);
        in[kInvalid].varint(metas);
        std::uint64_t annotations = in[kAnnotations].varint(metas);
        if (annotations > columns.size()) {
            return bad("bad annotation count in metadata columns");
        }
        for (std::uint64_t i = 0; i < annotations && in[kStrings].ok(); ++i) {
            in[kStrings].bytes(in[kStrings].varint(metas), metas);
            in[kStrings].varint(metas);
        }
        doc_sizes.push_back(metas.size() - row_start);
        doc_sizes.push_back(text_size);
        doc_sizes.push_back(blob_size);
    }
    for (std::size_t c = 1; c < kColumnCount; ++c) {
        if (!in[c].ok() || !in[c].at_end()) {
            return bad("metadata columns do not match their documents");
        }
    }
    return {};
}

}  // namespace iskra::index
