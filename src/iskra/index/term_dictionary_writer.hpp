#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/file_sink.hpp"
#include "iskra/index/term_info.hpp"

namespace iskra::index {

/// Terms per front-coded dictionary block.
inline constexpr std::uint32_t kTermsPerBlock = 32;

/// Writes `terms.dict` (docs/FORMAT.md#terms): keys (field byte + term) in ascending byte order,
/// front-coded in blocks of 32 entries, each entry followed by its TermInfo as varints (offsets as
/// deltas from the previous entry of the block), then a block index and a trailer.
class TermDictionaryWriter {
  public:
    explicit TermDictionaryWriter(FileSink& out) : out_(out) {}

    /// REQUIRES: key > every key added before.
    void add(std::string_view key, const TermInfo& info);
    /// Writes the block index and the trailer (not the footer: the caller finishes the sink).
    void finish();
    std::uint64_t term_count() const { return term_count_; }

  private:
    FileSink& out_;
    std::string entry_;
    std::string previous_key_;
    TermInfo previous_info_;
    std::vector<std::uint64_t> block_offsets_;
    std::uint64_t term_count_ = 0;
};

}  // namespace iskra::index
