#include "iskra/ingest/text_reader.hpp"

#include <algorithm>
#include <string>

#include "iskra/ingest/text_builder.hpp"

namespace iskra::ingest {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kReadBlockBytes = 1 << 20;

Document text_document(std::string_view bytes,
                       std::uint64_t file_offset,
                       const SourceInfo& source,
                       bool first) {
    Document doc = new_document(source, Format::Text, bytes);
    std::size_t skip = 0;
    if (first && bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        skip = kByteOrderMark.size();
    }
    TextBuilder builder(/*collapse_whitespace=*/false);
    builder.append_exact(bytes.substr(skip), file_offset + skip);
    builder.finish(doc);
    return doc;
}

// Where to end a chunk of `buffer` (longer than `target`): the last paragraph break in the
// final quarter before `target`, else the last line break there, else the last space, else the
// last character boundary at or before `target`.
std::size_t chunk_cut(std::string_view buffer, std::size_t target) {
    const std::size_t floor = target - target / 4;
    const std::string_view window = buffer.substr(0, target);
    for (const std::string_view separator : {"\n\n", "\n", " "}) {
        const std::size_t found = window.rfind(separator);
        if (found != std::string_view::npos && found >= floor) {
            return found + separator.size();
        }
    }
    std::size_t cut = target;
    while (cut > floor && (static_cast<unsigned char>(buffer[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return cut;
}

}  // namespace

Result<Document> read_text(std::string_view bytes, const SourceInfo& source) {
    Document doc = text_document(bytes, 0, source, /*first=*/true);
    doc.title = first_line_title(doc.text, source.file_name);
    return doc;
}

Status read_text_chunks(util::File& file,
                        const SourceInfo& source,
                        std::uint64_t chunk_bytes,
                        const DocumentSink& on_document) {
    const std::size_t target = static_cast<std::size_t>(std::max<std::uint64_t>(chunk_bytes, 64));
    std::string buffer;
    buffer.reserve(target + kReadBlockBytes);
    std::uint64_t buffer_offset = 0;  // file offset of buffer[0]
    std::size_t chunk_count = 0;
    std::string title;
    bool eof = false;
    while (!eof || !buffer.empty()) {
        while (!eof && buffer.size() <= target) {
            const std::size_t old_size = buffer.size();
            buffer.resize(old_size + kReadBlockBytes);
            auto got = file.read_some(std::span<char>(buffer.data() + old_size, kReadBlockBytes));
            if (!got.ok()) {
                return got.status();
            }
            buffer.resize(old_size + *got);
            eof = *got == 0;
        }
        const std::size_t cut = buffer.size() > target ? chunk_cut(buffer, target) : buffer.size();
        const std::string_view chunk(buffer.data(), cut);
        ++chunk_count;
        SourceInfo chunk_source = source;
        if (chunk_count > 1) {
            chunk_source.id += "#" + std::to_string(chunk_count);
        }
        Document doc = text_document(chunk, buffer_offset, chunk_source, chunk_count == 1);
        if (chunk_count == 1) {
            title = first_line_title(doc.text, source.file_name);
        }
        doc.title = title;
        ISKRA_TRY(on_document(std::move(doc)));
        buffer.erase(0, cut);
        buffer_offset += cut;
    }
    return Status::ok_status();
}

}  // namespace iskra::ingest
