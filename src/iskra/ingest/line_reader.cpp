#include "iskra/ingest/line_reader.hpp"

#include <algorithm>

namespace iskra::ingest {

namespace {
constexpr std::size_t kReadBlockBytes = 1 << 20;
}

LineReader::LineReader(util::File& file, std::size_t max_line_bytes)
    : file_(file), max_line_bytes_(std::max<std::size_t>(max_line_bytes, 1)) {}

// Drops consumed bytes and appends the next block of the file.
Status LineReader::fill() {
    buffer_.erase(0, begin_);
    buffer_offset_ += begin_;
    begin_ = 0;
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kReadBlockBytes);
    auto got = file_.read_some(std::span<char>(buffer_.data() + old_size, kReadBlockBytes));
    if (!got.ok()) {
        buffer_.resize(old_size);
        return got.status();
    }
    buffer_.resize(old_size + *got);
    eof_ = *got == 0;
    return Status::ok_status();
}

Result<bool> LineReader::next(Line& line) {
    line = Line{};
    bool too_long = false;
    std::uint64_t skipped = 0;  // bytes of an over-long line already dropped
    std::uint64_t line_offset = buffer_offset_ + begin_;
    std::size_t scanned = begin_;
    while (true) {
        const std::size_t newline = buffer_.find('\n', scanned);
        if (newline != std::string::npos) {
            const std::size_t length = newline - begin_;
            line.number = ++line_number_;
            line.offset = line_offset;
            line.length = skipped + length;
            line.too_long = too_long || length > max_line_bytes_;
            if (!line.too_long) {
                std::string_view bytes(buffer_.data() + begin_, length);
                if (!bytes.empty() && bytes.back() == '\r') {
                    bytes.remove_suffix(1);
                }
                line.bytes = bytes;
            }
            begin_ = newline + 1;
            return true;
        }
        if (eof_) {
            if (begin_ == buffer_.size() && skipped == 0) {
                return false;
            }
            const std::size_t length = buffer_.size() - begin_;
            line.number = ++line_number_;
            line.offset = line_offset;
            line.length = skipped + length;
            line.too_long = too_long || length > max_line_bytes_;
            if (!line.too_long) {
                line.bytes = std::string_view(buffer_.data() + begin_, length);
            }
            begin_ = buffer_.size();
            return true;
        }
        if (buffer_.size() - begin_ > max_line_bytes_) {
            // Forget what we have of this line and keep looking for its end.
            too_long = true;
            skipped += buffer_.size() - begin_;
            begin_ = buffer_.size();
        }
        scanned = buffer_.size() - begin_;
        ISKRA_TRY(fill());
        scanned += begin_;
    }
}

}  // namespace iskra::ingest
