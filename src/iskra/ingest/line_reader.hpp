#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "iskra/status.hpp"
#include "iskra/util/file.hpp"

namespace iskra::ingest {

/// Reads a file line by line with a bounded buffer. Lines longer than `max_line_bytes` are
/// reported (too_long, with their length) but not kept, so memory stays bounded whatever the file.
class LineReader {
  public:
    struct Line {
        std::string_view bytes;    ///< without the '\n' (and a '\r' before it); valid until next()
        std::uint64_t offset = 0;  ///< file offset of the line's first byte
        std::uint64_t number = 0;  ///< 1-based
        std::uint64_t length = 0;  ///< bytes in the line, also when too_long
        bool too_long = false;
    };

    LineReader(util::File& file, std::size_t max_line_bytes);

    /// Reads the next line; returns false at the end of the file.
    Result<bool> next(Line& line);

  private:
    Status fill();

    util::File& file_;
    std::size_t max_line_bytes_;
    std::string buffer_;
    std::size_t begin_ = 0;            // first unread byte of buffer_
    std::uint64_t buffer_offset_ = 0;  // file offset of buffer_[0]
    std::uint64_t line_number_ = 0;
    bool eof_ = false;
};

}  // namespace iskra::ingest
