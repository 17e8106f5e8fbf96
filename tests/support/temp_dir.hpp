#pragma once

#include <filesystem>
#include <string_view>

namespace iskra::testing {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
  public:
    explicit TempDir(std::string_view prefix = "iskra-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

/// Writes `content` to `path`, creating parent directories. Aborts the test on failure.
void write_text_file(const std::filesystem::path& path, std::string_view content);

}  // namespace iskra::testing
