#pragma once

#include <filesystem>

namespace iskra::testing {

/// The repository root (where CMakeLists.txt is).
std::filesystem::path source_dir();
/// The bundled seed collection, `data/seeds/`.
std::filesystem::path seeds_dir();
/// One seed file by its numeric prefix, e.g. seed_path(1) for `001_*.txt`.
std::filesystem::path seed_path(int number);
/// The build directory (where the `iskra` binary is).
std::filesystem::path binary_dir();

}  // namespace iskra::testing
