#include "support/temp_dir.hpp"

#include <fstream>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

namespace iskra::testing {

TempDir::TempDir(std::string_view prefix) {
    std::random_device device;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path()
                         / (std::string(prefix) + "-" + std::to_string(::getpid()) + "-"
                            + std::to_string(device()));
        std::error_code ec;
        if (std::filesystem::create_directory(candidate, ec)) {
            path_ = candidate;
            return;
        }
    }
    ADD_FAILURE() << "could not create a temporary directory";
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!path_.empty()) {
        std::filesystem::remove_all(path_, ec);
    }
}

void write_text_file(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

}  // namespace iskra::testing
