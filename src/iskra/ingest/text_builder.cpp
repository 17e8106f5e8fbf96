#include "iskra/ingest/text_builder.hpp"

#include "iskra/text/utf8.hpp"

namespace iskra::ingest {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

// Removes spaces at the end of the text (before a line or paragraph break), shrinking the last run.
void TextBuilder::trim_trailing_spaces() {
    while (!text_.empty() && text_.back() == ' ') {
        text_.pop_back();
    }
    const auto size = static_cast<std::uint32_t>(text_.size());
    while (!runs_.empty() && runs_.back().text_end > size) {
        OffsetRun& last = runs_.back();
        if (last.text_begin >= size) {
            runs_.pop_back();
            continue;
        }
        if (last.source_end - last.source_begin == last.text_end - last.text_begin) {
            last.source_end -= last.text_end - size;
        }
        last.text_end = size;
    }
}

void TextBuilder::flush_pending() {
    if (pending_ == Pending::Line || pending_ == Pending::Paragraph) {
        trim_trailing_spaces();
    }
    if (text_.empty()) {
        pending_ = Pending::None;
        return;
    }
    switch (pending_) {
        case Pending::None:
            break;
        case Pending::Space:
            if (!is_space(text_.back())) {
                text_ += ' ';
            }
            break;
        case Pending::Line:
            text_ += '\n';
            break;
        case Pending::Paragraph:
            text_ += "\n\n";
            break;
    }
    pending_ = Pending::None;
}

void TextBuilder::paragraph_break() {
    pending_ = Pending::Paragraph;
}

void TextBuilder::space() {
    if (pending_ == Pending::None) {
        pending_ = Pending::Space;
    }
}

void TextBuilder::line_break() {
    if (pending_ != Pending::Paragraph) {
        pending_ = Pending::Line;
    }
}

// Appends `valid` (well-formed UTF-8) standing for source bytes [source_begin, source_end).
void TextBuilder::append_piece(std::string_view valid,
                               std::uint64_t source_begin,
                               std::uint64_t source_end) {
    if (valid.empty()) {
        return;
    }
    flush_pending();
    const auto text_begin = static_cast<std::uint32_t>(text_.size());
    text_.append(valid);
    const auto text_end = static_cast<std::uint32_t>(text_.size());
    const bool exact = source_end - source_begin == valid.size();
    if (!runs_.empty()) {
        OffsetRun& last = runs_.back();
        const bool last_exact =
            last.source_end - last.source_begin == last.text_end - last.text_begin;
        if (exact && last_exact && last.text_end == text_begin && last.source_end == source_begin) {
            last.text_end = text_end;
            last.source_end = source_end;
            return;
        }
    }
    runs_.push_back({text_begin, text_end, source_begin, source_end});
}

// Appends well-formed bytes copied from the source, collapsing whitespace when asked.
void TextBuilder::append_valid(std::string_view bytes, std::uint64_t source_begin) {
    if (!collapse_) {
        append_piece(bytes, source_begin, source_begin + bytes.size());
        return;
    }
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t word_end = pos;
        while (word_end < bytes.size() && !is_space(bytes[word_end])) {
            ++word_end;
        }
        append_piece(
            bytes.substr(pos, word_end - pos), source_begin + pos, source_begin + word_end);
        if (word_end == bytes.size()) {
            break;
        }
        std::size_t space_end = word_end;
        while (space_end < bytes.size() && is_space(bytes[space_end])) {
            ++space_end;
        }
        if (pending_ == Pending::None && !text_.empty() && !is_space(text_.back())) {
            if (space_end - word_end == 1 && bytes[word_end] == ' ') {
                append_piece(" ", source_begin + word_end, source_begin + space_end);
            } else {
                pending_ = Pending::Space;
            }
        }
        pos = space_end;
    }
}

void TextBuilder::append_exact(std::string_view source_bytes, std::uint64_t source_begin) {
    std::size_t valid_begin = 0;
    std::size_t pos = 0;
    while (pos < source_bytes.size()) {
        if (static_cast<unsigned char>(source_bytes[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t len = text::utf8_sequence_length(source_bytes, pos);
        if (len != 0) {
            pos += len;
            continue;
        }
        append_valid(source_bytes.substr(valid_begin, pos - valid_begin),
                     source_begin + valid_begin);
        const std::size_t bad = text::utf8_ill_formed_length(source_bytes, pos);
        append_piece(kReplacement, source_begin + pos, source_begin + pos + bad);
        ++replaced_;
        pos += bad;
        valid_begin = pos;
    }
    append_valid(source_bytes.substr(valid_begin), source_begin + valid_begin);
}

void TextBuilder::append_mapped(std::string_view text,
                                std::uint64_t source_begin,
                                std::uint64_t source_end) {
    const text::Utf8Repair repaired = text::repair_utf8(text);
    replaced_ += repaired.replaced_count;
    if (!collapse_) {
        append_piece(repaired.text, source_begin, source_end);
        return;
    }
    // Collapse whitespace inside the piece; it maps as a whole to its source range.
    std::string collapsed;
    for (const char c : repaired.text) {
        if (is_space(c)) {
            if (!collapsed.empty() && collapsed.back() != ' ') {
                collapsed += ' ';
            }
        } else {
            collapsed += c;
        }
    }
    const bool leading_space = !repaired.text.empty() && is_space(repaired.text.front());
    if (leading_space && pending_ == Pending::None && !text_.empty()) {
        pending_ = Pending::Space;
    }
    const bool trailing_space = !collapsed.empty() && collapsed.back() == ' ';
    if (trailing_space) {
        collapsed.pop_back();
    }
    append_piece(collapsed, source_begin, source_end);
    if (trailing_space && pending_ == Pending::None) {
        pending_ = Pending::Space;
    }
}

void TextBuilder::finish(Document& doc) {
    doc.text = std::move(text_);
    doc.offsets = std::move(runs_);
    doc.invalid_utf8_replaced += replaced_;
    text_.clear();
    runs_.clear();
    replaced_ = 0;
    pending_ = Pending::None;
}

}  // namespace iskra::ingest
