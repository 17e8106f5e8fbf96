#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/ingest/document.hpp"

namespace iskra::ingest {

/// Accumulates a document's extracted text together with its OffsetRuns.
///
/// Readers append pieces of text, each saying which bytes of the original file it stands for:
/// `append_exact` for bytes copied as they are (ill-formed UTF-8 is repaired to U+FFFD here and
/// counted), `append_mapped` for text rewritten from a source range (a decoded entity). Adjacent
/// exact pieces merge into one run. In `collapse_whitespace` mode (HTML, PDF) runs of whitespace
/// become one space and no whitespace starts a paragraph or a text.
class TextBuilder {
  public:
    explicit TextBuilder(bool collapse_whitespace) : collapse_(collapse_whitespace) {}

    void append_exact(std::string_view source_bytes, std::uint64_t source_begin);
    void append_mapped(std::string_view text, std::uint64_t source_begin, std::uint64_t source_end);

    /// Switches whitespace collapsing on (HTML text) or off (<pre>).
    void set_collapse_whitespace(bool collapse) { collapse_ = collapse; }

    /// Ends the paragraph: the next text starts after "\n\n" (no separator at the very start).
    void paragraph_break();
    /// The next text starts after a space (a separator standing for no source bytes).
    void space();
    /// Ends the line: the next text starts after "\n" (unless a paragraph break is pending).
    void line_break();

    std::size_t size() const { return text_.size(); }
    std::string_view text() const { return text_; }
    std::size_t invalid_utf8_replaced() const { return replaced_; }

    /// Moves the text, runs and repair count into `doc`.
    void finish(Document& doc);

  private:
    enum class Pending : std::uint8_t { None, Space, Line, Paragraph };

    void append_piece(std::string_view valid, std::uint64_t source_begin, std::uint64_t source_end);
    void append_valid(std::string_view bytes, std::uint64_t source_begin);
    void flush_pending();
    void trim_trailing_spaces();

    bool collapse_;
    Pending pending_ = Pending::None;
    std::string text_;
    std::vector<OffsetRun> runs_;
    std::size_t replaced_ = 0;
};

}  // namespace iskra::ingest
