#pragma once

#include <filesystem>
#include <memory>

#include "iskra/index/manifest.hpp"
#include "iskra/index/snapshot.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

/// Opens the snapshot a manifest describes, reusing the readers of `previous` (may be null) for
/// segments it already has open.
Result<std::shared_ptr<const Snapshot>> load_snapshot(const std::filesystem::path& dir,
                                                      const Manifest& manifest,
                                                      const Snapshot* previous,
                                                      bool verify_checksums);

/// Removes what a crash or a finished commit left behind: segment directories and deletes files
/// the manifest does not name, and *.tmp files. Other files are left alone. Best effort.
void remove_unreferenced_files(const std::filesystem::path& dir, const Manifest& manifest);

}  // namespace iskra::index
