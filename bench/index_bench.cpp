// Index module throughput and size: indexes a JSONL corpus ({"id","title","text"} per line)
// with index::IndexWriter directly (sentences pre-split, outside the clock), then measures
// posting-list decoding. See bench/README.md "index_bench".
//
//     index_bench CORPUS.jsonl OUT_DIR [MAX_MB=100] [THREADS=2]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <time.h>

#include "iskra/index/collection.hpp"
#include "iskra/index/document_analyzer.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/text/sentence_splitter.hpp"
#include "iskra/util/stopwatch.hpp"

namespace fs = std::filesystem;
using namespace iskra;

namespace {

// CPU seconds of the whole process (all threads): the machine is shared, wall time is noisy.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::vector<index::DocumentRecord> load(const std::string& path, std::uint64_t max_bytes) {
    std::vector<index::DocumentRecord> docs;
    std::ifstream in(path);
    std::string line;
    std::uint64_t bytes = 0;
    text::SentenceSplitter splitter;
    while (bytes < max_bytes && std::getline(in, line)) {
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded()) {
            continue;
        }
        index::DocumentRecord r;
        r.external_id = json.value("id", "");
        r.title = json.value("title", "");
        r.text = json.value("text", "");
        for (auto span : splitter.split(r.text)) {
            index::SentenceRecord s;
            s.text_begin = span.begin;
            s.text_end = span.end;
            s.source_begin = span.begin;
            s.source_end = span.end;
            r.sentences.push_back(s);
        }
        bytes += r.title.size() + r.text.size();
        docs.push_back(std::move(r));
    }
    return docs;
}

std::uint64_t tree_bytes(const fs::path& dir, std::map<std::string, std::uint64_t>& by_name) {
    std::uint64_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            std::string name = entry.path().filename().string();
            if (name.find(".del.") != std::string::npos) {
                name = "deletes";
            }
            by_name[name] += entry.file_size();
            total += entry.file_size();
        }
    }
    return total;
}

void bench_cursors(const index::Snapshot& snapshot) {
    const index::SegmentReader& reader = *snapshot.segments()[0].reader;
    std::vector<index::TermInfo> terms;
    for (auto it = reader.terms(index::Field::All); it.next();) {
        if (it.info().doc_freq >= 1000) {
            terms.push_back(it.info());
        }
    }
    std::mt19937 rng(5);
    std::shuffle(terms.begin(), terms.end(), rng);
    terms.resize(std::min<std::size_t>(terms.size(), 300));
    std::uint64_t postings = 0;
    std::uint64_t checksum = 0;
    util::Stopwatch clock;
    for (const auto& info : terms) {
        auto cursor = reader.postings(info);
        for (; cursor.doc() != index::kEndOfPostings; cursor.next()) {
            checksum += cursor.freq();
            ++postings;
        }
    }
    double next_s = clock.elapsed_seconds();
    clock.reset();
    std::uint64_t positions = 0;
    for (const auto& info : terms) {
        auto cursor = reader.postings(info);
        for (; cursor.doc() != index::kEndOfPostings; cursor.next()) {
            positions += cursor.positions().size();
        }
    }
    double pos_s = clock.elapsed_seconds();
    clock.reset();
    std::uint64_t advances = 0;
    for (std::size_t i = 0; i + 1 < terms.size(); i += 2) {
        auto a = reader.postings(terms[i]);
        auto b = reader.postings(terms[i + 1]);
        while (a.doc() != index::kEndOfPostings) {
            b.advance(a.doc());
            ++advances;
            if (b.doc() == a.doc()) {
                checksum += a.freq() + b.freq();
                a.next();
            } else {
                a.advance(b.doc());
            }
        }
    }
    double and_s = clock.elapsed_seconds();
    std::printf(
        "cursor: %zu terms (df >= 1000): next+freq %.1f M postings/s; with positions %.1f M "
        "positions/s; 2-term AND %.1f M advances/s (checksum %llu)\n",
        terms.size(),
        postings / next_s / 1e6,
        positions / pos_s / 1e6,
        advances / and_s / 1e6,
        static_cast<unsigned long long>(checksum));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: index_bench CORPUS.jsonl OUT_DIR [MAX_MB=100] [THREADS=2]\n");
        return 2;
    }
    std::uint64_t max_mb = argc > 3 ? std::stoull(argv[3]) : 100;
    unsigned threads = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 2;
    util::Stopwatch load_clock;
    auto docs = load(argv[1], max_mb << 20);
    std::uint64_t text_bytes = 0;
    for (const auto& d : docs) {
        text_bytes += d.title.size() + d.text.size();
    }
    std::printf("loaded %zu docs, %.1f MB of title+text in %.1f s (not timed below)\n",
                docs.size(),
                text_bytes / 1e6,
                load_clock.elapsed_seconds());
    if (std::getenv("INDEX_BENCH_SKIP_ANALYSIS") == nullptr) {
        // Analysis alone, one thread: the floor under the indexing time.
        text::Analyzer analyzer;
        index::AnalyzedDocument analyzed;
        std::uint64_t tokens = 0;
        util::Stopwatch analysis_clock;
        double cpu0 = cpu_seconds();
        for (const auto& d : docs) {
            index::analyze_document(analyzer, d, analyzed);
            tokens += analyzed.tokens.size();
        }
        double s = analysis_clock.elapsed_seconds();
        double cpu = cpu_seconds() - cpu0;
        std::printf(
            "analysis alone (1 thread): %.2f s wall, %.2f s CPU = %.1f MB per CPU-s, %.1f M "
            "tokens per CPU-s\n",
            s,
            cpu,
            text_bytes / 1e6 / cpu,
            tokens / 1e6 / cpu);
    }
    fs::remove_all(argv[2]);
    index::CollectionOptions options;
    options.create_if_missing = true;
    options.threads = threads;
    auto collection = index::Collection::open(argv[2], options);
    if (!collection.ok()) {
        std::fprintf(stderr, "%s\n", collection.status().to_string().c_str());
        return 1;
    }
    auto writer = (*collection)->writer();
    util::Stopwatch clock;
    double cpu_start = cpu_seconds();
    for (auto& d : docs) {
        if (auto s = (*writer)->add(std::move(d)); !s.ok()) {
            std::fprintf(stderr, "%s\n", s.to_string().c_str());
            return 1;
        }
    }
    if (auto g = (*writer)->commit(); !g.ok()) {
        std::fprintf(stderr, "%s\n", g.status().to_string().c_str());
        return 1;
    }
    double index_s = clock.elapsed_seconds();
    double index_cpu = cpu_seconds() - cpu_start;
    auto segments_before = (*collection)->snapshot()->segments().size();
    clock.reset();
    if (auto s = (*writer)->optimize(); !s.ok()) {
        std::fprintf(stderr, "%s\n", s.to_string().c_str());
        return 1;
    }
    double optimize_s = clock.elapsed_seconds();
    std::map<std::string, std::uint64_t> by_name;
    std::uint64_t total = tree_bytes(argv[2], by_name);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "index: %.2f s wall, %.1f MB/s; %.2f s CPU = %.1f MB per CPU-s; %zu segment(s) before "
        "optimize; optimize %.2f s; threads %u; peak RSS %.0f MB\n",
        index_s,
        text_bytes / 1e6 / index_s,
        index_cpu,
        text_bytes / 1e6 / index_cpu,
        segments_before,
        optimize_s,
        threads,
        usage.ru_maxrss / 1024.0);
    double pct = 100.0 / static_cast<double>(text_bytes);
    for (const auto& [name, bytes] : by_name) {
        std::printf("  %-14s %10.2f MB  %5.1f%% of text\n", name.c_str(), bytes / 1e6, bytes * pct);
    }
    std::uint64_t postings =
        by_name["postings.doc"] + by_name["postings.pos"] + by_name["terms.dict"];
    std::printf("postings+positions+dictionary %.1f%% of text; everything %.1f%% of text\n",
                postings * pct,
                total * pct);
    bench_cursors(*(*collection)->snapshot());
    return 0;
}
