#pragma once
// Shared plumbing for the C++ peer programs (xapian_peer, fts5_peer, lucenepp_peer): corpus and
// query reading, timing, peak RSS, index size and TREC run output. Every peer has the same CLI:
//     PEER index CORPUS.jsonl INDEX_DIR
//     PEER search INDEX_DIR QUERIES.tsv K RUN_OUT
// and prints one machine-readable line per command (parsed by bench/compare.py):
//     index docs=N text_bytes=B seconds=S docs_per_s=D mb_per_s=M index_bytes=I peak_rss_kb=R
//     latency_us mean=A p50=B p99=C queries=N
// What is timed in `search`: query analysis + search producing the top-k internal ids and scores.
// Turning internal ids into the corpus ids for the run file happens after the clock stops.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include <simdjson.h>
#include <sys/resource.h>

namespace peer {

/// One corpus line: the corpus id and the indexed body (title, newline, text).
struct Doc {
    std::string id;
    std::string body;
};

struct Query {
    std::string id;
    std::string text;
};

/// An engine-internal hit: the engine's own document number and its score.
struct Hit {
    std::uint64_t internal_id;
    double score;
};

// The DOM API dispatches to the best SIMD kernel at run time; the On-Demand API would be
// compiled for the generic fallback kernel without -march flags.
inline std::string json_field(simdjson::dom::object object, const char* name) {
    simdjson::dom::element value;
    if (object.at_key(name).get(value) != simdjson::SUCCESS) {
        return {};
    }
    if (value.is_string()) {
        return std::string(std::string_view(value));
    }
    return simdjson::minify(value);
}

/// Calls `add(doc)` for every line of a `{"id","title","text",...}` JSONL corpus. Returns the
/// number of text bytes (title + text, UTF-8) seen; malformed lines are reported and skipped.
inline std::uint64_t for_each_doc(const std::filesystem::path& path,
                                  const std::function<void(const Doc&)>& add) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open corpus " + path.string());
    }
    simdjson::dom::parser parser;
    std::string line;
    Doc doc;
    std::uint64_t text_bytes = 0;
    std::uint64_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty()) {
            continue;
        }
        simdjson::dom::object object;
        if (parser.parse(line).get(object) != simdjson::SUCCESS) {
            std::fprintf(
                stderr, "skipping malformed line %llu\n", static_cast<unsigned long long>(line_no));
            continue;
        }
        doc.id = json_field(object, "id");
        std::string title = json_field(object, "title");
        std::string text = json_field(object, "text");
        text_bytes += title.size() + text.size();
        doc.body = std::move(title);
        doc.body += '\n';
        doc.body += text;
        add(doc);
    }
    return text_bytes;
}

/// Reads `id<TAB>text` lines (a line without a tab is text alone; its id is its line number).
inline std::vector<Query> read_queries(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open queries " + path.string());
    }
    std::vector<Query> queries;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            continue;
        }
        auto tab = line.find('\t');
        if (tab == std::string::npos) {
            queries.push_back({std::to_string(queries.size() + 1), line});
        } else {
            queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
        }
    }
    return queries;
}

inline long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

inline std::uint64_t dir_size_bytes(const std::filesystem::path& dir) {
    std::uint64_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            total += entry.file_size();
        }
    }
    return total;
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline void print_index_line(std::uint64_t docs,
                             std::uint64_t text_bytes,
                             double seconds,
                             const std::filesystem::path& index_dir) {
    std::printf(
        "index docs=%llu text_bytes=%llu seconds=%.3f docs_per_s=%.1f mb_per_s=%.3f "
        "index_bytes=%llu peak_rss_kb=%ld\n",
        static_cast<unsigned long long>(docs),
        static_cast<unsigned long long>(text_bytes),
        seconds,
        static_cast<double>(docs) / seconds,
        static_cast<double>(text_bytes) / 1e6 / seconds,
        static_cast<unsigned long long>(dir_size_bytes(index_dir)),
        peak_rss_kb());
}

/// Nearest-rank percentile of sorted values.
inline double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0.0;
    }
    auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

using SearchFn = std::function<std::vector<Hit>(const std::string& text, int k)>;
using ResolveFn = std::function<std::string(std::uint64_t internal_id)>;

/// Runs every query once untimed (warm-up: caches, page cache), then once timed, prints the
/// latency line and writes the timed pass's results as a TREC run file.
inline void run_queries(const std::vector<Query>& queries,
                        int k,
                        const std::filesystem::path& run_out,
                        const std::string& tag,
                        const SearchFn& search,
                        const ResolveFn& resolve) {
    for (const auto& query : queries) {
        search(query.text, k);
    }
    std::vector<double> latencies_us;
    std::vector<std::vector<Hit>> results;
    latencies_us.reserve(queries.size());
    results.reserve(queries.size());
    for (const auto& query : queries) {
        auto start = std::chrono::steady_clock::now();
        results.push_back(search(query.text, k));
        latencies_us.push_back(seconds_since(start) * 1e6);
    }
    std::FILE* run = std::fopen(run_out.c_str(), "w");
    if (run == nullptr) {
        throw std::runtime_error("cannot write " + run_out.string());
    }
    for (std::size_t query_idx = 0; query_idx < queries.size(); ++query_idx) {
        int rank = 1;
        for (const auto& hit : results[query_idx]) {
            std::fprintf(run,
                         "%s Q0 %s %d %.6f %s\n",
                         queries[query_idx].id.c_str(),
                         resolve(hit.internal_id).c_str(),
                         rank++,
                         hit.score,
                         tag.c_str());
        }
    }
    std::fclose(run);
    double sum = std::accumulate(latencies_us.begin(), latencies_us.end(), 0.0);
    std::sort(latencies_us.begin(), latencies_us.end());
    double mean = latencies_us.empty() ? 0.0 : sum / static_cast<double>(latencies_us.size());
    std::printf("latency_us mean=%.1f p50=%.1f p99=%.1f queries=%zu\n",
                mean,
                percentile(latencies_us, 0.50),
                percentile(latencies_us, 0.99),
                latencies_us.size());
}

/// Splits text into lower-cased runs of ASCII letters/digits and non-ASCII bytes (a superset of
/// what unicode61 would keep), removing duplicates; used to quote query words for FTS5.
inline std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end()) {
            words.push_back(word);
        }
        word.clear();
    };
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || std::isalnum(byte) != 0) {
            word += static_cast<char>(std::tolower(byte));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

/// Shared `main`: dispatches to index or search and turns exceptions into exit code 1.
struct Peer {
    std::function<void(const std::filesystem::path& corpus, const std::filesystem::path& dir)>
        index;
    std::function<void(const std::filesystem::path& dir,
                       const std::filesystem::path& queries,
                       int k,
                       const std::filesystem::path& run_out)>
        search;
};

inline int peer_main(int argc, char** argv, const Peer& peer) {
    try {
        std::string command = argc > 1 ? argv[1] : "";
        if (command == "index" && argc == 4) {
            peer.index(argv[2], argv[3]);
            return 0;
        }
        if (command == "search" && argc == 6) {
            peer.search(argv[2], argv[3], std::stoi(argv[4]), argv[5]);
            return 0;
        }
        std::fprintf(stderr,
                     "usage: %s index CORPUS.jsonl INDEX_DIR\n"
                     "       %s search INDEX_DIR QUERIES.tsv K RUN_OUT\n",
                     argv[0],
                     argv[0]);
        return 2;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\n", argv[0], error.what());
        return 1;
    }
}

}  // namespace peer
