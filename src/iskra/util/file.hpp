#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "iskra/status.hpp"

namespace iskra::util {

/// An owned POSIX file descriptor. Move-only; closes quietly on destruction.
class File {
  public:
    File() = default;
    ~File();
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    File(File&& other) noexcept;
    File& operator=(File&& other) noexcept;

    static Result<File> open_read(const std::filesystem::path& path);
    /// Creates or truncates `path` for writing.
    static Result<File> create(const std::filesystem::path& path);
    /// Opens `path` for appending, creating it if needed.
    static Result<File> open_append(const std::filesystem::path& path);

    bool is_open() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    const std::filesystem::path& path() const { return path_; }

    Status write_all(std::string_view bytes);
    /// Reads up to `buffer.size()` bytes; returns the count (0 at end of file).
    Result<std::size_t> read_some(std::span<char> buffer);
    Result<std::size_t> pread_some(std::span<char> buffer, std::uint64_t offset) const;
    Result<std::uint64_t> size() const;
    Status sync();
    Status close();

  private:
    File(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
    static Result<File> open_with(const std::filesystem::path& path,
                                  int flags,
                                  std::string_view what);
    int fd_ = -1;
    std::filesystem::path path_;
};

/// Reads a whole file into memory. Fails with ResourceExhausted above `max_bytes`.
Result<std::string> read_file(const std::filesystem::path& path,
                              std::uint64_t max_bytes = std::uint64_t{1} << 32);

/// Publishes `bytes` at `path` atomically: writes `path.tmp`, fsyncs it, renames it over `path`
/// and fsyncs the directory. A crash at any instant leaves either the old file or the new one.
Status write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// Writes `bytes` to a new file at `path` and fsyncs it (no rename: for files named once).
Status write_file_durable(const std::filesystem::path& path, std::string_view bytes);

/// fsyncs a directory so that entries created or renamed in it survive a crash.
Status sync_directory(const std::filesystem::path& dir);

/// Describes errno for messages: "No such file or directory".
std::string errno_message(int error_number);

}  // namespace iskra::util
