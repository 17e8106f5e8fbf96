#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "iskra/status.hpp"
#include "iskra/util/file.hpp"

namespace iskra::index {

/// Writes a new file sequentially through a 1 MiB buffer, computing the CRC-32C as it goes;
/// finish() appends the footer, fsyncs and closes. Memory stays bounded however big the file.
class FileSink {
  public:
    FileSink() = default;
    FileSink(const FileSink&) = delete;
    FileSink& operator=(const FileSink&) = delete;
    FileSink(FileSink&&) = default;
    FileSink& operator=(FileSink&&) = default;

    static Result<FileSink> create(const std::filesystem::path& path);
    /// A sink that keeps everything in memory (no file, no footer): the writer builds a document
    /// store this way while it inverts, then copies it into the segment with append().
    static FileSink in_memory();

    /// The content of an in_memory() sink.
    std::string_view memory_content() const { return buffer_; }

    /// Appends bytes; errors are reported by finish() (the first one sticks).
    void append(std::string_view bytes);
    /// Bytes appended so far (the content size).
    std::uint64_t size() const { return written_ + buffer_.size(); }
    /// CRC-32C of the content appended so far.
    std::uint32_t crc() {
        flush();
        return crc_;
    }
    /// Writes the footer, fsyncs and closes the file.
    Status finish();

  private:
    void flush();
    bool in_memory_ = false;
    util::File file_;
    std::string buffer_;
    std::uint64_t written_ = 0;
    std::uint32_t crc_ = 0;
    Status status_;
};

}  // namespace iskra::index
