#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "iskra/status.hpp"

namespace iskra::index {

/// Every iskra file ends with this 24-byte footer (docs/FORMAT.md#footer):
///     content_size: u64     // bytes before the footer
///     crc32c: u32           // CRC-32C of those bytes
///     format_version: u32
///     magic: u64            // "ISKRAFT1"
inline constexpr std::size_t kFooterSize = 24;
inline constexpr std::uint64_t kFooterMagic = 0x31544641524B5349ull;  // "ISKRAFT1" little endian

struct Footer {
    std::uint64_t content_size = 0;
    std::uint32_t crc = 0;
    std::uint32_t format_version = 0;
};

/// Appends the footer of `content` (with its CRC-32C) to `content`.
void append_footer(std::string& content);
/// The footer bytes for content of `size` bytes whose CRC is `crc`.
std::string make_footer(std::uint64_t size, std::uint32_t crc);

/// Checks magic, version and size of the footer at the end of `file_bytes` and returns the
/// content before it. Does not compute the CRC unless `verify_crc`. Errors name `what`.
Result<std::string_view> read_footer(std::string_view file_bytes,
                                     std::string_view what,
                                     bool verify_crc);

}  // namespace iskra::index
