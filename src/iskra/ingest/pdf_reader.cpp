#include "iskra/ingest/pdf_reader.hpp"

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "iskra/ingest/text_builder.hpp"

namespace iskra::ingest {

namespace {

void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

// Appends one page's text: lines as poppler gives them, blank lines as paragraph breaks.
void append_page(std::string_view page_text, std::uint64_t file_size, TextBuilder& builder) {
    std::size_t pos = 0;
    while (pos < page_text.size()) {
        std::size_t end = page_text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = page_text.size();
        }
        std::string_view line = page_text.substr(pos, end - pos);
        while (!line.empty()
               && (line.back() == '\r' || line.back() == ' ' || line.back() == '\f')) {
            line.remove_suffix(1);
        }
        while (!line.empty() && (line.front() == ' ' || line.front() == '\f')) {
            line.remove_prefix(1);
        }
        if (line.empty()) {
            builder.paragraph_break();
        } else {
            builder.append_mapped(line, 0, file_size);
            builder.line_break();
        }
        pos = end + 1;
    }
    builder.paragraph_break();
}

std::string to_string(const poppler::byte_array& bytes) {
    return {bytes.begin(), bytes.end()};
}

}  // namespace

void silence_poppler() {
    // Poppler prints every syntax complaint to stderr; a reader reports failures as a Status.
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
}

Result<Document> read_pdf(std::string_view bytes, const SourceInfo& source) {
    silence_poppler();
    return extract_pdf(bytes, source);
}

Result<Document> extract_pdf(std::string_view bytes, const SourceInfo& source) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return Status::resource_exhausted(source.source_path + ": PDF larger than 2 GiB");
    }
    Document doc = new_document(source, Format::Pdf, bytes);
    const std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (pdf == nullptr) {
        return Status::corruption(source.source_path + ": not a readable PDF");
    }
    if (pdf->is_locked()) {
        return Status::unsupported(source.source_path + ": encrypted PDF");
    }
    TextBuilder builder(/*collapse_whitespace=*/true);
    const int pages = pdf->pages();
    for (int page_idx = 0; page_idx < pages; ++page_idx) {
        const std::unique_ptr<poppler::page> page(pdf->create_page(page_idx));
        if (page == nullptr) {
            continue;
        }
        const std::string text = to_string(
            page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8());
        append_page(text, bytes.size(), builder);
    }
    builder.finish(doc);
    const std::string title = collapse_spaces(to_string(pdf->get_title().to_utf8()));
    doc.title = !title.empty() ? limit_title(title) : first_line_title(doc.text, source.file_name);
    return doc;
}

}  // namespace iskra::ingest
