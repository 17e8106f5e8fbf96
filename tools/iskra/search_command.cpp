// iskra search COLLECTION QUERY | --queries FILE
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <istream>
#include <string>
#include <vector>

#include "iskra/json.hpp"

#include "cli_common.hpp"

namespace iskra::cli {

namespace {

struct SearchArgs {
    std::string collection;
    std::string query;
    std::string queries_file;
    std::string run_file;
    std::uint32_t k = 10;
    bool json = false;
    bool count = false;
    bool show_noise = false;
    bool no_warmup = false;
};

// Marks highlight ranges: bold on a terminal, [brackets] otherwise.
std::string highlight(const Snippet& snippet, bool terminal) {
    const std::string& text = snippet.sentence.text;
    std::string out;
    std::size_t pos = 0;
    for (const auto& [begin, end] : snippet.highlights) {
        if (begin < pos || end > text.size() || begin >= end) {
            continue;
        }
        out.append(text, pos, begin - pos);
        out += terminal ? "\033[1m" : "[";
        out.append(text, begin, end - begin);
        out += terminal ? "\033[0m" : "]";
        pos = end;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

void print_plain(const SearchResponse& response) {
    bool terminal = stdout_is_terminal();
    std::printf("%llu %s for %s (%.2f ms)\n",
                static_cast<unsigned long long>(response.total_hits),
                response.total_hits == 1 ? "hit" : "hits",
                response.query.c_str(),
                response.took_ms);
    int rank = 0;
    for (const auto& hit : response.hits) {
        std::printf("\n%2d. %s  [%s]  score %.3f\n",
                    ++rank,
                    hit.title.c_str(),
                    hit.doc_id.c_str(),
                    hit.score);
        for (const auto& snippet : hit.snippets) {
            std::printf("    sentence %u, bytes %llu-%llu: %s\n",
                        snippet.sentence.sentence_index,
                        static_cast<unsigned long long>(snippet.sentence.source_begin),
                        static_cast<unsigned long long>(snippet.sentence.source_end),
                        highlight(snippet, terminal).c_str());
        }
    }
}

double percentile(std::vector<double> sorted, double fraction) {
    if (sorted.empty()) {
        return 0;
    }
    std::sort(sorted.begin(), sorted.end());
    auto index = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, index == 0 ? 0 : index - 1)];
}

struct BatchQuery {
    std::string id;
    std::string text;
};

// One query a line: "id<TAB>text" or text alone (the id is then the line number).
std::vector<BatchQuery> read_queries(std::istream& in) {
    std::vector<BatchQuery> queries;
    std::string line;
    std::uint64_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty()) {
            continue;
        }
        if (auto tab = line.find('\t'); tab != std::string::npos) {
            queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
        } else {
            queries.push_back({std::to_string(line_number), line});
        }
    }
    return queries;
}

SearchRequest batch_request(const SearchArgs& args, const std::string& text) {
    SearchRequest request;
    request.query = text;
    request.k = args.k;
    request.exact_count = args.count;
    request.snippets = false;
    return request;
}

// Runs every query once untimed (page cache and branch predictors warm, as the peers' JIT
// warm-up does), then times a second pass and writes its results.
int run_batch(const Engine& engine, const SearchArgs& args) {
    std::ifstream in(args.queries_file);
    if (!in) {
        return report_error(Status::not_found("cannot open query file " + args.queries_file));
    }
    auto queries = read_queries(in);
    std::ofstream run;
    if (!args.run_file.empty()) {
        run.open(args.run_file, std::ios::trunc);
        if (!run) {
            return report_error(Status::io_error("cannot write run file " + args.run_file));
        }
    }
    if (!args.no_warmup) {
        for (const auto& query : queries) {
            (void)engine.search(batch_request(args, query.text));
        }
    }
    std::vector<double> latencies_us;
    std::uint64_t failed = 0;
    for (const auto& query : queries) {
        auto response = engine.search(batch_request(args, query.text));
        if (!response.ok()) {
            ++failed;
            std::fprintf(stderr,
                         "iskra: query %s: %s\n",
                         query.id.c_str(),
                         response.status().message().c_str());
            continue;
        }
        latencies_us.push_back(response->took_ms * 1000.0);
        int rank = 0;
        for (const auto& hit : response->hits) {
            if (run.is_open()) {
                run << query.id << " Q0 " << hit.doc_id << ' ' << ++rank << ' ' << hit.score
                    << " iskra\n";
            }
        }
    }
    double sum = 0;
    for (double v : latencies_us) {
        sum += v;
    }
    double mean = latencies_us.empty() ? 0 : sum / static_cast<double>(latencies_us.size());
    std::fprintf(stderr,
                 "latency_us mean=%.1f p50=%.1f p99=%.1f queries=%zu failed=%llu\n",
                 mean,
                 percentile(latencies_us, 0.50),
                 percentile(latencies_us, 0.99),
                 latencies_us.size(),
                 static_cast<unsigned long long>(failed));
    return kExitOk;
}

int run_search(const SearchArgs& args) {
    if (args.query.empty() == args.queries_file.empty()) {
        return report_error(Status::invalid_argument("give either a QUERY or --queries FILE"));
    }
    auto engine = open_for_reading(args.collection);
    if (!engine.ok()) {
        return report_error(engine.status());
    }
    if (!args.queries_file.empty()) {
        return run_batch(**engine, args);
    }
    SearchRequest request;
    request.query = args.query;
    request.k = args.k;
    request.exact_count = args.count;
    request.show_noise = args.show_noise;
    auto response = (*engine)->search(request);
    if (!response.ok()) {
        return report_error(response.status());
    }
    if (args.json) {
        print_json(to_json(*response));
    } else {
        print_plain(*response);
    }
    return kExitOk;
}

}  // namespace

void add_search_command(CLI::App& app, Context& context) {
    auto args = std::make_shared<SearchArgs>();
    auto* cmd = app.add_subcommand(
        "search",
        "Ranked search: words (any), \"phrases\", \"phrase\"~N, +must, -not, AND/OR/NOT, "
        "parentheses, title:word");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("query", args->query, "the query");
    cmd->add_option("-k", args->k, "number of results")->check(CLI::Range(1, 10000));
    cmd->add_option("--queries", args->queries_file, "run one query a line (id<TAB>text or text)");
    cmd->add_option("--run", args->run_file, "with --queries: write a TREC run file");
    cmd->add_flag("--no-warmup", args->no_warmup, "with --queries: skip the untimed first pass");
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->add_flag("--count", args->count, "count every match exactly (slower)");
    cmd->add_flag("--show-noise", args->show_noise, "do not down-weight duplicate or noisy text");
    cmd->callback([args, &context] { context.exit_code = run_search(*args); });
}

}  // namespace iskra::cli
