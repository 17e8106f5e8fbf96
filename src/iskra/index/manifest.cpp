#include "iskra/index/manifest.hpp"

#include "iskra/index/footer.hpp"
#include "iskra/index/format.hpp"
#include "iskra/util/byte_buffer.hpp"
#include "iskra/util/file.hpp"

namespace iskra::index {

namespace {

constexpr std::string_view kManifestMagic = "ISKRA-MANIFEST\n";

Status not_collection(std::string_view what) {
    return Status::invalid_argument(std::string(what)
                                    + ": not an iskra collection (bad MANIFEST magic)");
}

}  // namespace

std::string deletes_file_name(std::string_view segment, std::uint64_t generation) {
    return std::string(segment) + ".del." + std::to_string(generation);
}

std::string Manifest::encode() const {
    util::ByteWriter w;
    w.put_bytes(kManifestMagic);
    w.put_u32(kFormatVersion);
    w.put_u64(generation);
    w.put_u64(next_segment_number);
    w.put_varint(segments.size());
    for (const ManifestSegment& s : segments) {
        w.put_string(s.name);
        w.put_u32(s.doc_count);
        w.put_u32(s.deleted_count);
        w.put_string(s.deletes_file);
        w.put_u32(s.deletes_crc);
        w.put_varint(s.files.size());
        for (const SegmentFile& f : s.files) {
            w.put_string(f.name);
            w.put_u64(f.size_bytes);
            w.put_u32(f.crc);
        }
    }
    std::string bytes = w.take();
    append_footer(bytes);
    return bytes;
}

Result<Manifest> Manifest::decode(std::string_view bytes, std::string_view what) {
    if (bytes.substr(0, kManifestMagic.size()) != kManifestMagic) {
        return not_collection(what);
    }
    util::ByteReader header(bytes.substr(kManifestMagic.size()), what);
    auto version = header.u32();
    ISKRA_TRY(version);
    if (*version != kFormatVersion) {
        const std::string why = *version < kFormatVersion
                                    ? ", written by an older iskra whose terms and layout differ"
                                    : "";
        return Status::unsupported(
            std::string(what) + ": collection format version " + std::to_string(*version)
            + " is not supported (this build reads version " + std::to_string(kFormatVersion) + why
            + "): re-index the documents into a new collection");
    }
    auto content = read_footer(bytes, what, true);
    ISKRA_TRY(content);
    util::ByteReader in(content->substr(kManifestMagic.size() + 4), what);
    Manifest m;
    auto generation = in.u64();
    auto next = in.u64();
    auto count = in.varint();
    ISKRA_TRY(count);
    ISKRA_TRY(next);
    ISKRA_TRY(generation);
    m.generation = *generation;
    m.next_segment_number = *next;
    for (std::uint64_t i = 0; i < *count; ++i) {
        ManifestSegment s;
        auto name = in.string();
        ISKRA_TRY(name);
        s.name.assign(*name);
        auto docs = in.u32();
        auto deleted = in.u32();
        ISKRA_TRY(deleted);
        ISKRA_TRY(docs);
        s.doc_count = *docs;
        s.deleted_count = *deleted;
        auto deletes = in.string();
        ISKRA_TRY(deletes);
        s.deletes_file.assign(*deletes);
        auto crc = in.u32();
        auto file_count = in.varint();
        ISKRA_TRY(file_count);
        ISKRA_TRY(crc);
        s.deletes_crc = *crc;
        for (std::uint64_t f = 0; f < *file_count; ++f) {
            SegmentFile file;
            auto file_name = in.string();
            ISKRA_TRY(file_name);
            file.name.assign(*file_name);
            auto size = in.u64();
            auto file_crc = in.u32();
            ISKRA_TRY(file_crc);
            ISKRA_TRY(size);
            file.size_bytes = *size;
            file.crc = *file_crc;
            s.files.push_back(std::move(file));
        }
        m.segments.push_back(std::move(s));
    }
    return m;
}

Result<Manifest> Manifest::read(const std::filesystem::path& dir) {
    auto path = dir / kManifestFile;
    auto bytes = util::read_file(path, std::uint64_t{1} << 30);
    ISKRA_TRY(bytes);
    return decode(*bytes, path.string());
}

Status Manifest::write(const std::filesystem::path& dir) const {
    return util::write_file_atomic(dir / kManifestFile, encode());
}

}  // namespace iskra::index
