#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "iskra/ingest/reader.hpp"
#include "iskra/ingest/source_info.hpp"

#include "support/paths.hpp"

namespace iskra::ingest::test {

inline std::filesystem::path sample_path(const std::string& name) {
    return iskra::testing::source_dir() / "tests" / "data" / "ingest" / name;
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline SourceInfo source_for(const std::string& name) {
    SourceInfo source;
    source.id = name;
    source.source_path = name;
    source.file_name = name;
    return source;
}

/// Everything read_path produced.
struct Collected {
    std::vector<Document> docs;
    std::vector<Skipped> skipped;
    Status status;
};

inline Collected read_all(const std::filesystem::path& path, const ReadOptions& options = {}) {
    Collected out;
    out.status = read_path(
        path,
        options,
        [&](Document&& doc) {
            out.docs.push_back(std::move(doc));
            return Status::ok_status();
        },
        [&](const Skipped& skipped) { out.skipped.push_back(skipped); });
    return out;
}

/// The original bytes that the text range [begin, end) of `doc` maps to.
inline std::string source_text(const Document& doc,
                               const std::string& source,
                               std::size_t begin,
                               std::size_t end) {
    const auto [source_begin, source_end] =
        source_range(doc, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
    return source.substr(source_begin, source_end - source_begin);
}

}  // namespace iskra::ingest::test
