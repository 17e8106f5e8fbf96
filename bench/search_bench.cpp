// Search module microbenchmark: top-k evaluation over a synthetic Zipfian collection indexed
// with the real IndexWriter in a temporary directory. Compares the disjunction algorithms
// (exhaustive, MaxScore, block-max WAND) on the same queries, plus conjunctions, phrases and the
// full Searcher path (stored documents, snippets), then prints per-query latency percentiles.
//
//     search_bench [--docs=N (default 50000)] [--seed=S] [google benchmark flags]

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "iskra/index/collection.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/search/query_evaluator.hpp"
#include "iskra/search/query_parser.hpp"
#include "iskra/search/searcher.hpp"
#include "iskra/util/stopwatch.hpp"

namespace fs = std::filesystem;
using namespace iskra;

namespace {

constexpr std::size_t kVocabulary = 40000;
constexpr std::size_t kQueryCount = 500;

/// Draws word ranks with probability ~ 1/rank (Zipf, s = 1), like natural text.
class ZipfWords {
  public:
    explicit ZipfWords(std::size_t vocabulary) : cumulative_(vocabulary) {
        double total = 0;
        for (std::size_t rank = 0; rank < vocabulary; ++rank) {
            total += 1.0 / static_cast<double>(rank + 1);
            cumulative_[rank] = total;
        }
        for (double& c : cumulative_) {
            c /= total;
        }
    }
    std::size_t draw(std::mt19937_64& rng) const {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        return static_cast<std::size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), u)
                                        - cumulative_.begin());
    }

  private:
    std::vector<double> cumulative_;
};

/// A pronounceable, stem-stable word for a rank: consonant-vowel syllables ending in a consonant.
std::string word(std::size_t rank) {
    static const char kConsonants[] = "bdfgklmnprtvz";
    static const char kVowels[] = "aeiou";
    std::string out;
    std::size_t value = rank + 1;
    while (value > 0) {
        out += kConsonants[value % 13];
        value /= 13;
        out += kVowels[value % 5];
        value /= 5;
    }
    out += 'k';
    return out;
}

index::DocumentRecord make_document(std::size_t doc_idx,
                                    const ZipfWords& zipf,
                                    std::mt19937_64& rng) {
    index::DocumentRecord record;
    record.external_id = "doc" + std::to_string(doc_idx);
    record.source_path = "/synthetic/" + record.external_id + ".txt";
    record.format = "text";
    for (int i = 0; i < 3; ++i) {
        record.title += (i ? " " : "") + word(zipf.draw(rng));
    }
    const std::size_t sentence_count = 3 + rng() % 14;
    for (std::size_t s = 0; s < sentence_count; ++s) {
        index::SentenceRecord sentence;
        sentence.text_begin = static_cast<std::uint32_t>(record.text.size());
        const std::size_t words = 6 + rng() % 16;
        for (std::size_t w = 0; w < words; ++w) {
            record.text += (w ? " " : "") + word(zipf.draw(rng));
        }
        record.text += '.';
        sentence.text_end = static_cast<std::uint32_t>(record.text.size());
        sentence.source_begin = sentence.text_begin;
        sentence.source_end = sentence.text_end;
        record.sentences.push_back(sentence);
        record.text += ' ';
    }
    return record;
}

struct Fixture {
    fs::path dir;
    std::shared_ptr<index::Collection> collection;
    std::shared_ptr<const index::Snapshot> snapshot;
    std::vector<std::string> disjunctions;  // 2-5 free-text terms
    std::vector<std::string> conjunctions;
    std::vector<std::string> phrases;
    std::vector<search::Query> parsed_disjunctions;
};

Fixture build(std::size_t doc_count, std::uint64_t seed) {
    Fixture fixture;
    fixture.dir = fs::temp_directory_path() / ("iskra-search-bench-" + std::to_string(seed));
    fs::remove_all(fixture.dir);
    index::CollectionOptions options;
    options.create_if_missing = true;
    options.threads = 2;
    auto collection = index::Collection::open(fixture.dir, options);
    if (!collection.ok()) {
        std::fprintf(stderr, "%s\n", collection.status().to_string().c_str());
        std::exit(1);
    }
    fixture.collection = collection.take();
    const ZipfWords zipf(kVocabulary);
    std::mt19937_64 rng(seed);
    const util::Stopwatch clock;
    {
        auto writer = fixture.collection->writer();
        for (std::size_t doc = 0; doc < doc_count; ++doc) {
            if (!(*writer)->add(make_document(doc, zipf, rng)).ok()) {
                std::exit(1);
            }
        }
        if (!(*writer)->optimize().ok()) {
            std::exit(1);
        }
    }
    fixture.snapshot = fixture.collection->snapshot();
    std::fprintf(stderr,
                 "indexed %zu synthetic docs in %.1f s (seed %llu)\n",
                 doc_count,
                 clock.elapsed_seconds(),
                 static_cast<unsigned long long>(seed));
    // Query terms skip the ~30 most frequent ranks (stop-word-like) as real query logs mostly do.
    const auto query_word = [&] {
        return word(std::min(kVocabulary - 1, 30 + zipf.draw(rng) % 5000));
    };
    text::Analyzer analyzer;
    for (std::size_t i = 0; i < kQueryCount; ++i) {
        std::string query;
        const std::size_t terms = 2 + rng() % 4;
        for (std::size_t t = 0; t < terms; ++t) {
            query += (t ? " " : "") + query_word();
        }
        fixture.disjunctions.push_back(query);
        fixture.parsed_disjunctions.push_back(search::parse_query(query, analyzer).take());
        fixture.conjunctions.push_back(query_word() + " AND " + query_word());
        fixture.phrases.push_back("\"" + word(rng() % 200) + " " + word(rng() % 200) + "\"");
    }
    return fixture;
}

void run_top_docs(benchmark::State& state,
                  const Fixture& fixture,
                  search::DisjunctionAlgorithm algorithm) {
    search::SearchOptions options;
    options.disjunction = algorithm;
    options.exact_count_max_docs = 0;
    const search::Searcher searcher(fixture.snapshot, options);
    std::size_t i = 0;
    for (auto _ : state) {
        const search::TopDocs top =
            searcher.top_docs(fixture.parsed_disjunctions[i++ % kQueryCount], 10);
        benchmark::DoNotOptimize(top.docs.data());
    }
    state.SetItemsProcessed(state.iterations());
}

void run_search(benchmark::State& state,
                const Fixture& fixture,
                const std::vector<std::string>& queries,
                search::HitDetail detail,
                bool snippets) {
    const search::Searcher searcher(fixture.snapshot);
    text::Analyzer analyzer;
    SearchRequest request;
    request.snippets = snippets;
    std::size_t i = 0;
    for (auto _ : state) {
        request.query = queries[i++ % queries.size()];
        auto response = searcher.search(request, analyzer, detail);
        benchmark::DoNotOptimize(response.ok());
    }
    state.SetItemsProcessed(state.iterations());
}

/// Times every query once (after one warm-up pass) and prints mean, p50, p99 in microseconds.
void latency_report(const char* name,
                    const Fixture& fixture,
                    search::DisjunctionAlgorithm algorithm) {
    search::SearchOptions options;
    options.disjunction = algorithm;
    options.exact_count_max_docs = 0;
    const search::Searcher searcher(fixture.snapshot, options);
    std::vector<double> micros;
    for (int pass = 0; pass < 2; ++pass) {
        micros.clear();
        for (const search::Query& query : fixture.parsed_disjunctions) {
            const util::Stopwatch clock;
            const search::TopDocs top = searcher.top_docs(query, 10);
            benchmark::DoNotOptimize(top.docs.data());
            micros.push_back(clock.elapsed_us());
        }
    }
    std::sort(micros.begin(), micros.end());
    double sum = 0;
    for (const double us : micros) {
        sum += us;
    }
    std::printf("latency_us %-14s mean=%.1f p50=%.1f p99=%.1f queries=%zu\n",
                name,
                sum / micros.size(),
                micros[micros.size() / 2],
                micros[micros.size() * 99 / 100],
                micros.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t doc_count = 50000;
    std::uint64_t seed = 42;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--docs=", 7) == 0) {
            doc_count = std::stoul(argv[i] + 7);
        } else if (std::strncmp(argv[i], "--seed=", 7) == 0) {
            seed = std::stoull(argv[i] + 7);
        } else {
            rest.push_back(argv[i]);
        }
    }
    int rest_count = static_cast<int>(rest.size());
    benchmark::Initialize(&rest_count, rest.data());
    const Fixture fixture = build(doc_count, seed);
    using search::DisjunctionAlgorithm;
    benchmark::RegisterBenchmark("or/exhaustive", [&](benchmark::State& s) {
        run_top_docs(s, fixture, DisjunctionAlgorithm::Exhaustive);
    });
    benchmark::RegisterBenchmark("or/maxscore", [&](benchmark::State& s) {
        run_top_docs(s, fixture, DisjunctionAlgorithm::MaxScore);
    });
    benchmark::RegisterBenchmark("or/block_max_wand", [&](benchmark::State& s) {
        run_top_docs(s, fixture, DisjunctionAlgorithm::BlockMaxWand);
    });
    benchmark::RegisterBenchmark("or/block_max_maxscore", [&](benchmark::State& s) {
        run_top_docs(s, fixture, DisjunctionAlgorithm::BlockMaxMaxScore);
    });
    benchmark::RegisterBenchmark("search/ids_only", [&](benchmark::State& s) {
        run_search(s, fixture, fixture.disjunctions, search::HitDetail::IdsOnly, false);
    });
    benchmark::RegisterBenchmark("search/full_snippets", [&](benchmark::State& s) {
        run_search(s, fixture, fixture.disjunctions, search::HitDetail::Full, true);
    });
    benchmark::RegisterBenchmark("and/ids_only", [&](benchmark::State& s) {
        run_search(s, fixture, fixture.conjunctions, search::HitDetail::IdsOnly, false);
    });
    benchmark::RegisterBenchmark("phrase/ids_only", [&](benchmark::State& s) {
        run_search(s, fixture, fixture.phrases, search::HitDetail::IdsOnly, false);
    });
    benchmark::RunSpecifiedBenchmarks();
    latency_report("exhaustive", fixture, DisjunctionAlgorithm::Exhaustive);
    latency_report("maxscore", fixture, DisjunctionAlgorithm::MaxScore);
    latency_report("block_max_wand", fixture, DisjunctionAlgorithm::BlockMaxWand);
    latency_report("bm_maxscore", fixture, DisjunctionAlgorithm::BlockMaxMaxScore);
    std::error_code ignored;
    fs::remove_all(fixture.dir, ignored);
    return 0;
}
