#include "iskra/index/packed_file.hpp"

#include <zstd.h>

namespace iskra::index {

namespace {
// These files are small next to the postings and the store: a high level costs little time.
constexpr int kPackLevel = 9;
// A sanity bound against a damaged frame header claiming an absurd size.
constexpr unsigned long long kMaxUnpackedBytes = 1ull << 34;
}  // namespace

std::string pack_file_content(std::string_view raw) {
    std::string packed(ZSTD_compressBound(raw.size()), '\0');
    std::size_t size =
        ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), kPackLevel);
    packed.resize(ZSTD_isError(size) ? 0 : size);
    return packed;
}

Result<std::string> unpack_file_content(std::string_view packed, std::string_view what) {
    unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN
        || size > kMaxUnpackedBytes) {
        return Status::corruption(std::string(what) + ": not a packed file");
    }
    std::string raw(size, '\0');
    std::size_t got = ZSTD_decompress(raw.data(), raw.size(), packed.data(), packed.size());
    if (ZSTD_isError(got) || got != size) {
        return Status::corruption(std::string(what) + ": cannot unpack");
    }
    return raw;
}

}  // namespace iskra::index
