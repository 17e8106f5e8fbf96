// Analyzer and sentence splitter throughput: MB/s of UTF-8 text per core.
//
//     analyzer_bench [file...]   (default: every data/seeds/*.txt, repeated to ~64 MB)
//
// Prints MB/s for Analyzer::analyze, SentenceSplitter::split and both, best of 5 runs, measured in
// thread CPU time (the build machine is shared: wall time would measure the neighbours).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "iskra/text/analyzer.hpp"
#include "iskra/text/sentence_splitter.hpp"

namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

template <typename F>
double best_mb_per_s(const std::vector<std::string>& docs, std::size_t total_bytes, F&& run) {
    double best = 0;
    for (int rep = 0; rep < 5; ++rep) {
        const double start = thread_cpu_seconds();
        for (const std::string& doc : docs) {
            run(doc);
        }
        const double secs = thread_cpu_seconds() - start;
        best = std::max(best, static_cast<double>(total_bytes) / 1e6 / secs);
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        paths.emplace_back(argv[i]);
    }
    if (paths.empty()) {
        for (const auto& entry : std::filesystem::directory_iterator(ISKRA_SEEDS_DIR)) {
            paths.push_back(entry.path());
        }
        std::sort(paths.begin(), paths.end());
    }
    std::vector<std::string> files;
    std::size_t file_bytes = 0;
    for (const auto& path : paths) {
        files.push_back(read_all(path));
        file_bytes += files.back().size();
    }
    if (file_bytes == 0) {
        std::fprintf(stderr, "no input\n");
        return 1;
    }
    std::vector<std::string> docs;
    std::size_t total = 0;
    while (total < (64u << 20)) {
        for (const std::string& file : files) {
            docs.push_back(file);
            total += file.size();
        }
    }
    iskra::text::Analyzer analyzer;
    iskra::text::SentenceSplitter splitter;
    std::vector<iskra::text::Token> tokens;
    std::size_t token_count = 0;
    const double analyze = best_mb_per_s(docs, total, [&](const std::string& doc) {
        tokens.clear();
        analyzer.analyze(doc, tokens);
        token_count += tokens.size();
    });
    std::size_t sentence_count = 0;
    const double split = best_mb_per_s(
        docs, total, [&](const std::string& doc) { sentence_count += splitter.split(doc).size(); });
    const double both = best_mb_per_s(docs, total, [&](const std::string& doc) {
        for (const auto& span : splitter.split(doc)) {
            tokens.clear();
            analyzer.analyze(std::string_view(doc).substr(span.begin, span.end - span.begin),
                             tokens);
        }
    });
    std::printf(
        "input: %zu files, %zu bytes, repeated to %zu bytes\n", files.size(), file_bytes, total);
    std::printf("analyze:         %8.1f MB/s (%zu tokens per pass)\n", analyze, token_count / 5);
    std::printf(
        "split sentences: %8.1f MB/s (%zu sentences per pass)\n", split, sentence_count / 5);
    std::printf("split + analyze: %8.1f MB/s\n", both);
    return 0;
}
