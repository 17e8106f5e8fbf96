#pragma once

#include <cstdint>
#include <string>

namespace iskra::index {

/// Most values one pfor_encode() call takes (exception indexes are one byte).
inline constexpr std::uint32_t kPforMaxValues = 256;
/// Blocks of fewer values are plain varints (no header, no packing).
inline constexpr std::uint32_t kPforMinPackedValues = 16;
/// Room a pfor_decode() output needs beyond `count`: values are decoded in groups of 8.
inline constexpr std::uint32_t kPforOutputSlack = 8;

/// Patched frame-of-reference coding of up to 256 integers (docs/FORMAT.md#pfor), after PForDelta
/// (Zukowski et al., ICDE 2006) in the simplified form of Lemire & Boytsov's "FastPFor" paper:
///
///     bits: u8                 // b: width of the packed low parts
///     exception_count: u8
///     packed: ceil(count / 8) * b bytes   // low b bits of each value, groups of 8, LSB first
///     exceptions: exception_count x (index: u8, high: varint)   // value = low | high << b
///
/// b is chosen to minimize the size, so a few large values (the first position of a document, a
/// long doc-id gap) do not widen every value of the block. A block of fewer than
/// kPforMinPackedValues values is `count` LEB128 varints instead (the caller knows `count`).
void pfor_encode(const std::uint32_t* values, std::uint32_t count, std::string& out);

/// Decodes `count` values into `out` (which must hold count + kPforOutputSlack values) and
/// returns the address after the encoded bytes. May read up to 8 bytes past the encoded data:
/// every iskra file ends with a 24-byte footer, so reads stay inside the mapping.
const std::uint8_t* pfor_decode(const std::uint8_t* in, std::uint32_t count, std::uint32_t* out);

/// The address after `count` values encoded at `in`, read from the header without unpacking.
const std::uint8_t* pfor_skip(const std::uint8_t* in, std::uint32_t count);

}  // namespace iskra::index
