#pragma once

#include <cstdint>
#include <string_view>

namespace iskra::util {

/// CRC-32C (Castagnoli), the checksum of every file footer (docs/FORMAT.md#footer).
std::uint32_t crc32c(std::string_view bytes, std::uint32_t seed = 0);

/// XXH3 64-bit hash, for fingerprints and near-duplicate detection (not for integrity).
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace iskra::util
