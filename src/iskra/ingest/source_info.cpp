#include "iskra/ingest/source_info.hpp"

#include "iskra/util/checksum.hpp"

namespace iskra::ingest {

namespace {

constexpr std::size_t kMaxTitleLineBytes = 120;
constexpr std::size_t kMaxTitleBytes = 300;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

Document new_document(const SourceInfo& source, Format format, std::string_view source_bytes) {
    Document doc;
    doc.id = source.id;
    doc.source_path = source.source_path;
    doc.format = format;
    doc.source_size_bytes = source_bytes.size();
    doc.source_mtime_ns = source.mtime_ns;
    doc.content_hash = util::hash64(source_bytes);
    return doc;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

std::string limit_title(std::string title) {
    if (title.size() <= kMaxTitleBytes) {
        return title;
    }
    std::size_t cut = kMaxTitleBytes;
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    title.resize(cut);
    title += "...";
    return title;
}

std::string first_line_title(std::string_view text, std::string_view fallback) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string line = collapse_spaces(text.substr(pos, end - pos));
        if (!line.empty()) {
            return line.size() < kMaxTitleLineBytes ? line : std::string(fallback);
        }
        pos = end + 1;
    }
    return std::string(fallback);
}

}  // namespace iskra::ingest
