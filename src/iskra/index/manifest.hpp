#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/segment_builder.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// One live segment as the manifest lists it.
struct ManifestSegment {
    std::string name;  ///< directory name, "seg_<n>"
    std::uint32_t doc_count = 0;
    std::uint32_t deleted_count = 0;
    std::string deletes_file;  ///< "seg_<n>.del.<gen>" or empty when nothing is deleted
    std::uint32_t deletes_crc = 0;
    std::vector<SegmentFile> files;  ///< every file of the directory, by name
};

/// The content of MANIFEST (docs/FORMAT.md#manifest): the commit point of the collection.
struct Manifest {
    std::uint64_t generation = 0;
    std::uint64_t next_segment_number = 0;
    std::vector<ManifestSegment> segments;

    /// Serializes with the leading magic and the footer.
    std::string encode() const;
    /// Parses MANIFEST bytes; InvalidArgument "not an iskra collection" for a foreign file,
    /// Unsupported for another format version, Corruption for damage. `what` names the file.
    static Result<Manifest> decode(std::string_view bytes, std::string_view what);

    /// Reads `dir`/MANIFEST.
    static Result<Manifest> read(const std::filesystem::path& dir);
    /// Replaces `dir`/MANIFEST atomically (MANIFEST.tmp, fsync, rename, fsync dir).
    Status write(const std::filesystem::path& dir) const;
};

/// "seg_<n>.del.<generation>".
std::string deletes_file_name(std::string_view segment, std::uint64_t generation);

}  // namespace iskra::index
