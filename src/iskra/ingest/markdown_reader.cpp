#include "iskra/ingest/markdown_reader.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include <md4c.h>

#include "iskra/ingest/html_entities.hpp"
#include "iskra/ingest/text_builder.hpp"

namespace iskra::ingest {

namespace {

struct MarkdownState {
    std::string_view source;
    TextBuilder builder{/*collapse_whitespace=*/false};
    int html_block_depth = 0;
    unsigned heading_level = 0;  // of the heading being read, 0 outside headings
    std::size_t heading_begin = 0;
    std::string first_heading;
    unsigned first_heading_level = 0;
};

bool is_paragraph_block(MD_BLOCKTYPE type) {
    switch (type) {
        case MD_BLOCK_DOC:
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
        case MD_BLOCK_TABLE:
        case MD_BLOCK_THEAD:
        case MD_BLOCK_TBODY:
            return false;
        default:
            return true;
    }
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
    auto& state = *static_cast<MarkdownState*>(userdata);
    if (type == MD_BLOCK_HTML) {
        ++state.html_block_depth;
    }
    if (type == MD_BLOCK_TD || type == MD_BLOCK_TH) {
        state.builder.line_break();
    } else if (is_paragraph_block(type)) {
        state.builder.paragraph_break();
    }
    if (type == MD_BLOCK_H) {
        state.heading_level = static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level;
        state.heading_begin = state.builder.size();
    }
    return 0;
}

int leave_block(MD_BLOCKTYPE type, void* /*detail*/, void* userdata) {
    auto& state = *static_cast<MarkdownState*>(userdata);
    if (type == MD_BLOCK_HTML) {
        --state.html_block_depth;
    }
    if (type == MD_BLOCK_H && state.heading_level > 0) {
        const bool better = state.first_heading.empty()
                            || (state.heading_level == 1 && state.first_heading_level != 1);
        const std::string_view text = state.builder.text();
        if (better && state.heading_begin < text.size()) {
            state.first_heading = collapse_spaces(text.substr(state.heading_begin));
            state.first_heading_level = state.heading_level;
        }
        state.heading_level = 0;
    }
    if (is_paragraph_block(type)) {
        state.builder.paragraph_break();
    }
    return 0;
}

int enter_span(MD_SPANTYPE /*type*/, void* /*detail*/, void* /*userdata*/) {
    return 0;
}
int leave_span(MD_SPANTYPE /*type*/, void* /*detail*/, void* /*userdata*/) {
    return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    auto& state = *static_cast<MarkdownState*>(userdata);
    if (state.html_block_depth > 0 || type == MD_TEXT_HTML) {
        return 0;
    }
    const std::string_view piece(text, size);
    const char* base = state.source.data();
    const bool in_source = text >= base && text + size <= base + state.source.size();
    const std::uint64_t offset = in_source ? static_cast<std::uint64_t>(text - base) : 0;
    switch (type) {
        case MD_TEXT_BR:
            state.builder.line_break();
            break;
        case MD_TEXT_SOFTBR:
            state.builder.space();
            break;
        case MD_TEXT_NULLCHAR:
            state.builder.append_mapped("\xEF\xBF\xBD", offset, offset + (in_source ? size : 0));
            break;
        case MD_TEXT_ENTITY:
            if (in_source) {
                state.builder.append_mapped(decode_entity(piece), offset, offset + size);
            }
            break;
        default:
            if (in_source) {
                state.builder.append_exact(piece, offset);
            }
            break;
    }
    return 0;
}

std::string_view trim_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    return line;
}

// Length of a YAML front matter block at the start ("---" line, ..., "---" or "..." line), or 0.
// Its "title:" value, if any, goes to `title`. md4c would read the block as a rule and a heading.
std::size_t front_matter_length(std::string_view bytes, std::string& title) {
    constexpr std::size_t kMaxFrontMatterBytes = 64 << 10;
    std::size_t pos = bytes.find('\n');
    if (pos == std::string_view::npos || trim_line(bytes.substr(0, pos)) != "---") {
        return 0;
    }
    ++pos;
    std::string found_title;
    while (pos < bytes.size() && pos < kMaxFrontMatterBytes) {
        std::size_t end = bytes.find('\n', pos);
        if (end == std::string_view::npos) {
            end = bytes.size();
        }
        const std::string_view line = trim_line(bytes.substr(pos, end - pos));
        if (line == "---" || line == "...") {
            title = std::move(found_title);
            return std::min(end + 1, bytes.size());
        }
        if (line.substr(0, 6) == "title:") {
            std::string_view value = line.substr(6);
            while (!value.empty() && value.front() == ' ') {
                value.remove_prefix(1);
            }
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')
                && value.back() == value.front()) {
                value = value.substr(1, value.size() - 2);
            }
            found_title = collapse_spaces(value);
        }
        pos = end + 1;
    }
    return 0;
}

}  // namespace

Result<Document> read_markdown(std::string_view bytes, const SourceInfo& source) {
    if (bytes.size() > UINT_MAX) {
        return Status::resource_exhausted(source.source_path + ": Markdown file too large");
    }
    Document doc = new_document(source, Format::Markdown, bytes);
    MarkdownState state;
    state.source = bytes;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = on_text;
    std::string front_title;
    // Offsets stay relative to `bytes`: md4c's pointers into the body are pointers into it.
    const std::string_view body = bytes.substr(front_matter_length(bytes, front_title));
    if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &state) != 0) {
        return Status::resource_exhausted(source.source_path + ": md4c failed (out of memory)");
    }
    state.builder.finish(doc);
    if (!front_title.empty()) {
        doc.title = limit_title(std::move(front_title));
    } else {
        doc.title = state.first_heading.empty() ? first_line_title(doc.text, source.file_name)
                                                : limit_title(state.first_heading);
    }
    return doc;
}

}  // namespace iskra::ingest
