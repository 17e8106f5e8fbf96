#include "support/paths.hpp"

#include <cstdio>
#include <string>

namespace iskra::testing {

std::filesystem::path source_dir() {
    return ISKRA_SOURCE_DIR;
}

std::filesystem::path seeds_dir() {
    return source_dir() / "data" / "seeds";
}

std::filesystem::path seed_path(int number) {
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%03d_", number);
    for (const auto& entry : std::filesystem::directory_iterator(seeds_dir())) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0) {
            return entry.path();
        }
    }
    return {};
}

std::filesystem::path binary_dir() {
    return ISKRA_BINARY_DIR;
}

}  // namespace iskra::testing
