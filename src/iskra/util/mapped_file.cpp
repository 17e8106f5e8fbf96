#include "iskra/util/mapped_file.hpp"

#include <utility>

#include <sys/mman.h>

#include "iskra/util/file.hpp"

namespace iskra::util {

MappedFile::~MappedFile() {
    release();
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      path_(std::move(other.path_)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        path_ = std::move(other.path_);
    }
    return *this;
}

void MappedFile::release() {
    if (data_ != nullptr && size_ > 0) {
        ::munmap(const_cast<std::uint8_t*>(data_), size_);
    }
    data_ = nullptr;
    size_ = 0;
}

Result<MappedFile> MappedFile::open(const std::filesystem::path& path) {
    auto file = File::open_read(path);
    if (!file.ok()) {
        return file.status();
    }
    auto size = file->size();
    if (!size.ok()) {
        return size.status();
    }
    MappedFile mapped;
    mapped.path_ = path;
    if (*size == 0) {
        return mapped;
    }
    void* address = ::mmap(nullptr, *size, PROT_READ, MAP_SHARED, file->fd(), 0);
    if (address == MAP_FAILED) {
        return Status::io_error("cannot map " + path.string() + ": " + errno_message(errno));
    }
    mapped.data_ = static_cast<const std::uint8_t*>(address);
    mapped.size_ = static_cast<std::size_t>(*size);
    return mapped;
}

}  // namespace iskra::util
