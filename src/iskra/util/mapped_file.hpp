#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "iskra/status.hpp"

namespace iskra::util {

/// A read-only memory mapping of a whole file. Move-only; unmaps on destruction.
/// An empty file maps to an empty span (no mapping is made).
class MappedFile {
  public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;

    static Result<MappedFile> open(const std::filesystem::path& path);

    std::span<const std::uint8_t> bytes() const { return {data_, size_}; }
    std::string_view view() const { return {reinterpret_cast<const char*>(data_), size_}; }
    std::size_t size() const { return size_; }
    const std::filesystem::path& path() const { return path_; }

  private:
    void release();
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    std::filesystem::path path_;
};

}  // namespace iskra::util
