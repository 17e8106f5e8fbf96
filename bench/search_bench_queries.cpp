// Search module on a real collection: times query parsing and top-k evaluation separately for
// each disjunction algorithm over one query file, and lists the slowest queries with the
// document frequencies of their terms (where the tail latency comes from).
//
//     search_bench_queries COLLECTION QUERIES.tsv [-k N] [--slowest N] [--algorithms LIST]
//                          [--dump FILE]
//
// QUERIES.tsv holds one query a line, "id<TAB>text" or text alone (as `iskra search --queries`).
// LIST is a comma list of exhaustive, maxscore, bmw, bmm (default: all four). Each algorithm
// runs one untimed pass and one timed pass over all queries, one query at a time.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/collection.hpp"
#include "iskra/search/query_evaluator.hpp"
#include "iskra/search/query_parser.hpp"
#include "iskra/util/stopwatch.hpp"

using namespace iskra;

namespace {

struct Args {
    std::string collection;
    std::string queries;
    std::size_t k = 10;
    std::size_t slowest = 15;
    std::string algorithms = "exhaustive,maxscore,bmw,bmm";
    std::string dump;  ///< per-query CPU microseconds of the last algorithm, one a line
};

struct Algorithm {
    std::string_view name;
    search::DisjunctionAlgorithm value;
};

constexpr Algorithm kAlgorithms[] = {
    {"exhaustive", search::DisjunctionAlgorithm::Exhaustive},
    {"maxscore", search::DisjunctionAlgorithm::MaxScore},
    {"bmw", search::DisjunctionAlgorithm::BlockMaxWand},
    {"bmm", search::DisjunctionAlgorithm::BlockMaxMaxScore},
};

bool parse_args(int argc, char** argv, Args& args) {
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "-k" && has_value) {
            args.k = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--slowest" && has_value) {
            args.slowest = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--dump" && has_value) {
            args.dump = argv[++i];
        } else if (arg == "--algorithms" && has_value) {
            args.algorithms = argv[++i];
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 2) {
        return false;
    }
    args.collection = positional[0];
    args.queries = positional[1];
    return true;
}

std::vector<std::string> read_queries(const std::string& path) {
    std::vector<std::string> queries;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        const std::size_t tab = line.find('\t');
        queries.push_back(tab == std::string::npos ? line : line.substr(tab + 1));
    }
    return queries;
}

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank =
        static_cast<std::size_t>(fraction * static_cast<double>(values.size()) + 0.999);
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

void print_line(std::string_view what, const std::vector<double>& us) {
    const double sum = std::accumulate(us.begin(), us.end(), 0.0);
    std::printf("%-15s mean %8.1f  p50 %8.1f  p90 %8.1f  p99 %8.1f  max %9.1f us\n",
                std::string(what).c_str(),
                us.empty() ? 0.0 : sum / static_cast<double>(us.size()),
                percentile(us, 0.50),
                percentile(us, 0.90),
                percentile(us, 0.99),
                us.empty() ? 0.0 : *std::max_element(us.begin(), us.end()));
}

// CPU time of this thread: unlike wall time it does not count the time other jobs on a shared
// machine hold the core, so it shows the engine's own cost.
double thread_cpu_us() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

struct PassTimes {
    std::vector<double> wall_us;
    std::vector<double> cpu_us;
};

PassTimes time_pass(const index::Snapshot& snapshot,
                    const std::vector<search::Query>& parsed,
                    std::size_t k,
                    const search::SearchOptions& options) {
    PassTimes times;
    times.wall_us.reserve(parsed.size());
    times.cpu_us.reserve(parsed.size());
    for (const search::Query& query : parsed) {
        const double cpu_start = thread_cpu_us();
        const util::Stopwatch clock;
        const search::TopDocs top = search::evaluate_query(snapshot, query, k, false, options);
        times.wall_us.push_back(clock.elapsed_us());
        times.cpu_us.push_back(thread_cpu_us() - cpu_start);
        if (top.docs.size() > k) {
            std::abort();  // keeps the result alive; never true
        }
    }
    return times;
}

void print_slowest(const index::Snapshot& snapshot,
                   const std::vector<std::string>& texts,
                   const std::vector<search::Query>& parsed,
                   const std::vector<double>& us,
                   std::size_t count) {
    std::vector<std::size_t> order(us.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return us[a] > us[b]; });
    std::printf(
        "\nslowest queries (CPU time, last algorithm), with each term's document frequency:\n");
    for (std::size_t i = 0; i < std::min(count, order.size()); ++i) {
        const std::size_t q = order[i];
        std::printf("%9.1f us  %-40s ", us[q], texts[q].c_str());
        for (const search::QueryNode& node : parsed[q].nodes) {
            for (const std::string& term : node.terms) {
                std::printf(" %s:%llu",
                            term.c_str(),
                            static_cast<unsigned long long>(snapshot.doc_freq(node.field, term)));
            }
        }
        std::printf("\n");
    }
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse_args(argc, argv, args)) {
        std::fprintf(stderr,
                     "usage: search_bench_queries COLLECTION QUERIES.tsv [-k N] [--slowest N] "
                     "[--algorithms exhaustive,maxscore,bmw,bmm]\n");
        return 2;
    }
    index::CollectionOptions collection_options;
    collection_options.read_only = true;
    auto collection = index::Collection::open(args.collection, collection_options);
    if (!collection.ok()) {
        std::fprintf(stderr, "%s\n", collection.status().message().c_str());
        return 1;
    }
    const std::shared_ptr<const index::Snapshot> snapshot = (*collection)->snapshot();
    text::Analyzer analyzer((*collection)->options().analyzer);
    const std::vector<std::string> texts = read_queries(args.queries);
    std::vector<search::Query> parsed;
    std::vector<std::string> kept;
    std::vector<double> parse_us;
    for (int pass = 0; pass < 2; ++pass) {
        parsed.clear();
        kept.clear();
        parse_us.clear();
        for (const std::string& text : texts) {
            const util::Stopwatch clock;
            auto query = search::parse_query(text, analyzer);
            parse_us.push_back(clock.elapsed_us());
            if (query.ok() && !query->nodes.empty()) {
                parsed.push_back(query.take());
                kept.push_back(text);
            }
        }
    }
    std::printf("%s: %llu documents in %zu segments; %zu of %zu queries parsed; k = %zu\n",
                args.collection.c_str(),
                static_cast<unsigned long long>(snapshot->live_doc_count()),
                snapshot->segments().size(),
                parsed.size(),
                texts.size(),
                args.k);
    print_line("parse", parse_us);
    std::vector<double> last;
    for (const Algorithm& algorithm : kAlgorithms) {
        if (args.algorithms.find(algorithm.name) == std::string::npos) {
            continue;
        }
        search::SearchOptions options;
        options.disjunction = algorithm.value;
        options.exact_count_max_docs = 0;
        (void)time_pass(*snapshot, parsed, args.k, options);
        const PassTimes times = time_pass(*snapshot, parsed, args.k, options);
        print_line(std::string(algorithm.name) + " wall", times.wall_us);
        print_line(std::string(algorithm.name) + " cpu", times.cpu_us);
        last = times.cpu_us;
    }
    print_slowest(*snapshot, kept, parsed, last, args.slowest);
    if (!args.dump.empty()) {
        std::ofstream out(args.dump);
        for (std::size_t i = 0; i < last.size(); ++i) {
            out << last[i] << '\t' << kept[i] << '\n';
        }
    }
    return 0;
}
