// Index-time cleaning and fact extraction alone (issue 7): reads documents the way `iskra index`
// does, splits them into sentences, then times extract_document + serialize and the cleaner's
// analyze_document + clean_analyzed (in batches of 512, as the add pipeline does). With --dump
// FILE it writes every document's facts blob, sentence flags and qualities, document verdict and
// fingerprints as hex, one document a line, so that two builds can be compared byte for byte.
//
//   clean_extract_bench CORPUS.jsonl [--dump FILE] [--repeat N]

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "iskra/clean/cleaner.hpp"
#include "iskra/extract/document_facts.hpp"
#include "iskra/ingest/reader.hpp"
#include "iskra/text/sentence_splitter.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Doc {
    std::string id;
    std::string text;
    std::vector<iskra::text::SentenceSpan> sentences;
};

void put_hex(std::FILE* out, std::string_view bytes) {
    for (unsigned char c : bytes) {
        std::fprintf(out, "%02x", c);
    }
}

void put_float(std::FILE* out, float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    std::fprintf(out, "%08" PRIx32, bits);
}

void dump(std::FILE* out,
          const Doc& doc,
          const std::string& facts,
          const iskra::clean::DocumentVerdict& verdict) {
    std::fprintf(out, "%s\tfacts=", doc.id.c_str());
    put_hex(out, facts);
    std::fprintf(out, "\tflags=%u\tquality=", verdict.flags);
    put_float(out, verdict.quality);
    std::fprintf(out, "\tsentences=");
    for (const auto& s : verdict.sentences) {
        std::fprintf(out, "%u:", s.flags);
        put_float(out, s.quality);
        std::fprintf(out, ",");
    }
    std::fprintf(out, "\tfp=");
    put_hex(out, verdict.fingerprints);
    std::fprintf(out, "\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: clean_extract_bench CORPUS [--dump FILE] [--repeat N]\n");
        return 2;
    }
    const char* dump_path = nullptr;
    int repeat = 1;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--dump") == 0) {
            dump_path = argv[i + 1];
        } else if (std::strcmp(argv[i], "--repeat") == 0) {
            repeat = std::atoi(argv[i + 1]);
        }
    }
    std::vector<Doc> docs;
    std::uint64_t text_bytes = 0;
    auto status = iskra::ingest::read_path(
        argv[1],
        {},
        [&](iskra::ingest::Document&& d) -> iskra::Status {
            Doc doc;
            doc.id = d.id;
            doc.text = std::move(d.text);
            doc.sentences = iskra::text::split_sentences(doc.text);
            text_bytes += doc.text.size();
            docs.push_back(std::move(doc));
            return {};
        },
        [](const iskra::ingest::Skipped&) {});
    if (!status.ok()) {
        std::fprintf(stderr, "%s\n", status.to_string().c_str());
        return 1;
    }
    std::vector<std::string> facts(docs.size());
    std::vector<iskra::clean::DocumentVerdict> verdicts;
    double extract_s = 0;
    double analyze_s = 0;
    double clean_s = 0;
    for (int round = 0; round < repeat; ++round) {
        auto start = Clock::now();
        for (std::size_t i = 0; i < docs.size(); ++i) {
            facts[i] = iskra::extract::serialize(
                iskra::extract::extract_document(docs[i].text, docs[i].sentences));
        }
        extract_s += seconds_since(start);
        iskra::clean::Cleaner cleaner(0);
        verdicts.clear();
        constexpr std::size_t kBatch = 512;
        for (std::size_t first = 0; first < docs.size(); first += kBatch) {
            const std::size_t last = std::min(docs.size(), first + kBatch);
            start = Clock::now();
            std::vector<iskra::clean::DocumentAnalysis> analyses;
            for (std::size_t i = first; i < last; ++i) {
                analyses.push_back(
                    iskra::clean::analyze_document({docs[i].text, docs[i].sentences}));
            }
            analyze_s += seconds_since(start);
            start = Clock::now();
            auto result = cleaner.clean_analyzed(analyses);
            clean_s += seconds_since(start);
            for (auto& v : result.documents) {
                verdicts.push_back(std::move(v));
            }
        }
    }
    const double mb = static_cast<double>(text_bytes) / 1e6 * repeat;
    std::printf("docs %zu, text %.1f MB, rounds %d\n", docs.size(), mb / repeat, repeat);
    std::printf("extract  %.3f s  %.1f MB/s\n", extract_s, mb / extract_s);
    std::printf("analyze  %.3f s  %.1f MB/s\n", analyze_s, mb / analyze_s);
    std::printf("clean    %.3f s  %.1f MB/s\n", clean_s, mb / clean_s);
    if (dump_path != nullptr) {
        std::FILE* out = std::fopen(dump_path, "w");
        if (out == nullptr) {
            std::perror(dump_path);
            return 1;
        }
        for (std::size_t i = 0; i < docs.size(); ++i) {
            dump(out, docs[i], facts[i], verdicts[i]);
        }
        std::fclose(out);
    }
    return 0;
}
