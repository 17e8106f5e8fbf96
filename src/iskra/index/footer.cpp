#include "iskra/index/footer.hpp"

#include <string>

#include "iskra/index/format.hpp"
#include "iskra/util/byte_buffer.hpp"
#include "iskra/util/checksum.hpp"

namespace iskra::index {

std::string make_footer(std::uint64_t size, std::uint32_t crc) {
    util::ByteWriter out;
    out.put_u64(size);
    out.put_u32(crc);
    out.put_u32(kFormatVersion);
    out.put_u64(kFooterMagic);
    return out.take();
}

void append_footer(std::string& content) {
    auto footer = make_footer(content.size(), util::crc32c(content));
    content += footer;
}

Result<std::string_view> read_footer(std::string_view file_bytes,
                                     std::string_view what,
                                     bool verify_crc) {
    auto fail = [&](std::string_view why) {
        return Status::corruption(std::string(what) + ": " + std::string(why));
    };
    if (file_bytes.size() < kFooterSize) {
        return fail("file too short for a footer (truncated?)");
    }
    util::ByteReader in(file_bytes.substr(file_bytes.size() - kFooterSize), what);
    Footer footer;
    footer.content_size = *in.u64();
    footer.crc = *in.u32();
    footer.format_version = *in.u32();
    std::uint64_t magic = *in.u64();
    if (magic != kFooterMagic) {
        return fail("bad footer magic (truncated or not an iskra file)");
    }
    if (footer.format_version != kFormatVersion) {
        return Status::unsupported(std::string(what) + ": format version "
                                   + std::to_string(footer.format_version)
                                   + " is not supported (this build reads version "
                                   + std::to_string(kFormatVersion) + ")");
    }
    if (footer.content_size != file_bytes.size() - kFooterSize) {
        return fail("size " + std::to_string(file_bytes.size()) + " does not match the footer's "
                    + std::to_string(footer.content_size + kFooterSize) + " (truncated?)");
    }
    auto content = file_bytes.substr(0, footer.content_size);
    if (verify_crc && util::crc32c(content) != footer.crc) {
        return fail("checksum mismatch (damaged file)");
    }
    return content;
}

}  // namespace iskra::index
