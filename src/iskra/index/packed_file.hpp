#pragma once

#include <string>
#include <string_view>

#include "iskra/status.hpp"

namespace iskra::index {

/// The small per-document segment files (norms, sentences, ids) are stored as one zstd frame of
/// their layout (docs/FORMAT.md#packed-files) and unpacked into memory when a segment is opened:
/// they are read at random on every query, so they stay plain arrays in memory, but on disk they
/// are mostly small integers and repeated id prefixes.
std::string pack_file_content(std::string_view raw);

/// The layout pack_file_content() was given. Fails with Corruption naming `what` when `packed` is
/// not one complete zstd frame of a known size.
Result<std::string> unpack_file_content(std::string_view packed, std::string_view what);

}  // namespace iskra::index
