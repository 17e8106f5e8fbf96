#pragma once

#include <filesystem>
#include <vector>

#include "iskra/engine.hpp"
#include "iskra/index/collection.hpp"

namespace iskra::engine {

/// Reads `paths`, cleans, mines and indexes every document, and commits once at the end (one
/// batch: a crash before the commit leaves the collection as it was).
Result<AddStats> add_paths(index::Collection& collection,
                           const std::vector<std::filesystem::path>& paths,
                           const AddOptions& options);

}  // namespace iskra::engine
