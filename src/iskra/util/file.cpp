#include "iskra/util/file.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iskra::util {

namespace {

Status io_failure(std::string_view what, const std::filesystem::path& path, int error_number) {
    auto message = std::string(what) + " " + path.string() + ": " + errno_message(error_number);
    if (error_number == ENOENT) {
        return Status::not_found(std::move(message));
    }
    if (error_number == ENOSPC || error_number == EDQUOT) {
        return Status::resource_exhausted(std::move(message));
    }
    return Status::io_error(std::move(message));
}

}  // namespace

std::string errno_message(int error_number) {
    return std::strerror(error_number);
}

File::~File() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

File::File(File&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

File& File::operator=(File&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = std::exchange(other.fd_, -1);
        path_ = std::move(other.path_);
    }
    return *this;
}

Result<File> File::open_read(const std::filesystem::path& path) {
    return open_with(path, O_RDONLY | O_CLOEXEC, "cannot open");
}

Result<File> File::create(const std::filesystem::path& path) {
    return open_with(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, "cannot create");
}

Result<File> File::open_append(const std::filesystem::path& path) {
    return open_with(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, "cannot open for append");
}

Result<File> File::open_with(const std::filesystem::path& path, int flags, std::string_view what) {
    int fd = ::open(path.c_str(), flags, 0644);
    if (fd < 0) {
        return io_failure(what, path, errno);
    }
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        ::close(fd);
        return Status::invalid_argument(std::string(what) + " " + path.string()
                                        + ": is a directory");
    }
    return File(fd, path);
}

Status File::write_all(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t written = ::write(fd_, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return io_failure("cannot write", path_, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return {};
}

Result<std::size_t> File::read_some(std::span<char> buffer) {
    while (true) {
        ssize_t got = ::read(fd_, buffer.data(), buffer.size());
        if (got >= 0) {
            return static_cast<std::size_t>(got);
        }
        if (errno != EINTR) {
            return io_failure("cannot read", path_, errno);
        }
    }
}

Result<std::size_t> File::pread_some(std::span<char> buffer, std::uint64_t offset) const {
    while (true) {
        ssize_t got = ::pread(fd_, buffer.data(), buffer.size(), static_cast<off_t>(offset));
        if (got >= 0) {
            return static_cast<std::size_t>(got);
        }
        if (errno != EINTR) {
            return io_failure("cannot read", path_, errno);
        }
    }
}

Result<std::uint64_t> File::size() const {
    struct stat info {};
    if (::fstat(fd_, &info) != 0) {
        return io_failure("cannot stat", path_, errno);
    }
    return static_cast<std::uint64_t>(info.st_size);
}

Status File::sync() {
    if (::fsync(fd_) != 0) {
        return io_failure("cannot fsync", path_, errno);
    }
    return {};
}

Status File::close() {
    if (fd_ < 0) {
        return {};
    }
    int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) {
        return io_failure("cannot close", path_, errno);
    }
    return {};
}

Result<std::string> read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
    auto file = File::open_read(path);
    if (!file.ok()) {
        return file.status();
    }
    auto size = file->size();
    if (!size.ok()) {
        return size.status();
    }
    if (*size > max_bytes) {
        return Status::resource_exhausted(path.string() + ": file of " + std::to_string(*size)
                                          + " bytes exceeds the limit of "
                                          + std::to_string(max_bytes));
    }
    std::string content(static_cast<std::size_t>(*size), '\0');
    std::size_t filled = 0;
    while (filled < content.size()) {
        auto got =
            file->read_some(std::span<char>(content.data() + filled, content.size() - filled));
        if (!got.ok()) {
            return got.status();
        }
        if (*got == 0) {
            break;
        }
        filled += *got;
    }
    content.resize(filled);
    return content;
}

Status write_file_durable(const std::filesystem::path& path, std::string_view bytes) {
    auto file = File::create(path);
    if (!file.ok()) {
        return file.status();
    }
    ISKRA_TRY(file->write_all(bytes));
    ISKRA_TRY(file->sync());
    return file->close();
}

Status write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
    auto temp = path;
    temp += ".tmp";
    ISKRA_TRY(write_file_durable(temp, bytes));
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        return io_failure("cannot rename to", path, errno);
    }
    auto parent = path.parent_path();
    return sync_directory(parent.empty() ? std::filesystem::path(".") : parent);
}

Status sync_directory(const std::filesystem::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return io_failure("cannot open directory", dir, errno);
    }
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0) {
        return io_failure("cannot fsync directory", dir, saved);
    }
    return {};
}

}  // namespace iskra::util
