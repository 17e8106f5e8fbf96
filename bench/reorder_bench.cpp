// What document reordering would buy iskra's postings (issue 7: "optional document reordering for
// compression, say what it buys"). Reads every segment of a collection, keeps each term's
// (doc, freq) list of Field::All, renumbers the documents under several orders and re-encodes the
// doc-id gaps and freqs exactly as postings.doc does (blocks of 128, PFor), then prints the bytes
// under each order. Positions do not depend on the document order, so they are left out.
//
//     reorder_bench COLLECTION [--bp-iterations N] [--bp-min-docs N] [--no-bp]
//
// Orders: the index's own (the order documents were added), random (what an order without any
// locality costs), by external id (the "sort by URL" heuristic of Silvestri, ECIR 2007), by two
// min-hashes of each document's terms (a cheap clustering), and recursive graph bisection (BP:
// Dhulipala et al., KDD 2016, as in PISA's and Lucene's reorderers), which splits the documents in
// halves and swaps documents between the halves while that lowers the estimated log-gap cost.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "iskra/index/collection.hpp"
#include "iskra/index/pfor_codec.hpp"
#include "iskra/index/postings_writer.hpp"
#include "iskra/index/segment_reader.hpp"
#include "iskra/index/snapshot.hpp"

namespace {

using iskra::index::DocId;
namespace index = iskra::index;

struct Arguments {
    std::string collection;
    std::uint32_t bp_iterations = 20;
    std::uint32_t bp_min_docs = 16;
    bool bp = true;
};

/// A segment's postings of Field::All as compressed-sparse rows: term t has the documents
/// docs[term_begin[t] .. term_begin[t + 1]) with their freqs.
struct InvertedLists {
    DocId doc_count = 0;
    std::vector<std::uint64_t> term_begin{0};
    std::vector<DocId> docs;
    std::vector<std::uint32_t> freqs;
    std::uint32_t term_count() const { return static_cast<std::uint32_t>(term_begin.size() - 1); }
};

InvertedLists read_lists(const index::SegmentReader& segment) {
    InvertedLists lists;
    lists.doc_count = segment.doc_count();
    index::TermIterator terms = segment.terms(index::Field::All);
    while (terms.next()) {
        index::SegmentPostingCursor cursor = segment.postings(terms.info());
        for (; cursor.doc() != index::kEndOfPostings; cursor.next()) {
            lists.docs.push_back(cursor.doc());
            lists.freqs.push_back(cursor.freq());
        }
        lists.term_begin.push_back(lists.docs.size());
    }
    return lists;
}

/// Bytes of the doc-gap and freq blocks of every list once document d is renumbered new_id[d].
std::uint64_t encoded_bytes(const InvertedLists& lists, const std::vector<DocId>& new_id) {
    std::vector<std::pair<DocId, std::uint32_t>> postings;
    std::vector<std::uint32_t> gaps;
    std::vector<std::uint32_t> freqs;
    std::string out;
    std::uint64_t bytes = 0;
    for (std::uint32_t t = 0; t < lists.term_count(); ++t) {
        postings.clear();
        for (std::uint64_t i = lists.term_begin[t]; i < lists.term_begin[t + 1]; ++i) {
            postings.emplace_back(new_id[lists.docs[i]], lists.freqs[i]);
        }
        std::sort(postings.begin(), postings.end());
        DocId previous = 0;
        bool first = true;
        for (std::size_t begin = 0; begin < postings.size(); begin += index::kPostingBlockSize) {
            const std::size_t end = std::min(postings.size(), begin + index::kPostingBlockSize);
            gaps.clear();
            freqs.clear();
            for (std::size_t i = begin; i < end; ++i) {
                gaps.push_back(first ? postings[i].first : postings[i].first - previous - 1);
                freqs.push_back(postings[i].second - 1);
                previous = postings[i].first;
                first = false;
            }
            out.clear();
            index::pfor_encode(gaps.data(), static_cast<std::uint32_t>(gaps.size()), out);
            index::pfor_encode(freqs.data(), static_cast<std::uint32_t>(freqs.size()), out);
            bytes += out.size();
        }
    }
    return bytes;
}

/// new_id[d] for the documents listed in their new order.
std::vector<DocId> ids_from_order(const std::vector<DocId>& order) {
    std::vector<DocId> new_id(order.size());
    for (DocId position = 0; position < order.size(); ++position) {
        new_id[order[position]] = position;
    }
    return new_id;
}

std::vector<DocId> identity_order(DocId n) {
    std::vector<DocId> order(n);
    std::iota(order.begin(), order.end(), DocId{0});
    return order;
}

std::vector<DocId> random_order(DocId n) {
    std::vector<DocId> order = identity_order(n);
    std::mt19937_64 random(42);
    std::shuffle(order.begin(), order.end(), random);
    return order;
}

std::vector<DocId> external_id_order(const index::SegmentReader& segment) {
    std::vector<DocId> order = identity_order(segment.doc_count());
    std::stable_sort(order.begin(), order.end(), [&](DocId a, DocId b) {
        return segment.external_id(a) < segment.external_id(b);
    });
    return order;
}

/// Forward index (documents -> term ids) of the lists, for min-hashing and bisection.
struct ForwardIndex {
    std::vector<std::uint64_t> doc_begin;
    std::vector<std::uint32_t> terms;
};

ForwardIndex forward_index(const InvertedLists& lists, std::uint32_t min_doc_freq) {
    ForwardIndex forward;
    std::vector<std::uint64_t> counts(lists.doc_count + 1, 0);
    const auto keep = [&](std::uint32_t t) {
        return lists.term_begin[t + 1] - lists.term_begin[t] >= min_doc_freq;
    };
    for (std::uint32_t t = 0; t < lists.term_count(); ++t) {
        if (keep(t)) {
            for (std::uint64_t i = lists.term_begin[t]; i < lists.term_begin[t + 1]; ++i) {
                ++counts[lists.docs[i] + 1];
            }
        }
    }
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    forward.doc_begin = counts;
    forward.terms.resize(counts.back());
    for (std::uint32_t t = 0; t < lists.term_count(); ++t) {
        if (keep(t)) {
            for (std::uint64_t i = lists.term_begin[t]; i < lists.term_begin[t + 1]; ++i) {
                forward.terms[counts[lists.docs[i]]++] = t;
            }
        }
    }
    return forward;
}

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

std::vector<DocId> minhash_order(const ForwardIndex& forward, DocId n) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keys(n, {~0ULL, ~0ULL});
    for (DocId d = 0; d < n; ++d) {
        for (std::uint64_t i = forward.doc_begin[d]; i < forward.doc_begin[d + 1]; ++i) {
            keys[d].first = std::min(keys[d].first, mix(forward.terms[i]));
            keys[d].second =
                std::min(keys[d].second, mix(forward.terms[i] ^ 0x9e3779b97f4a7c15ULL));
        }
    }
    std::vector<DocId> order = identity_order(n);
    std::stable_sort(
        order.begin(), order.end(), [&](DocId a, DocId b) { return keys[a] < keys[b]; });
    return order;
}

/// Recursive graph bisection over the forward index; reorders `order` in place.
class Bisection {
  public:
    Bisection(const ForwardIndex& forward, std::uint32_t term_count, const Arguments& args)
        : forward_(forward),
          args_(args),
          left_degree_(term_count, 0),
          right_degree_(term_count, 0),
          move_left_gain_(term_count, 0.0),
          move_right_gain_(term_count, 0.0),
          seen_(term_count, 0) {}

    void run(std::vector<DocId>& order) { bisect(order.data(), order.size(), 0); }

  private:
    // Estimated bits of a list with `degree` documents in a part of `size` documents: log-gap cost.
    static double cost(double degree, double size) {
        return degree > 0 ? degree * std::log2(size / (degree + 1)) : 0.0;
    }

    void bisect(DocId* docs, std::size_t n, std::uint32_t depth) {
        if (n < args_.bp_min_docs || depth > 40) {
            return;
        }
        const std::size_t half = n / 2;
        for (std::uint32_t iteration = 0; iteration < args_.bp_iterations; ++iteration) {
            if (swap_once(docs, half, n) == 0) {
                break;
            }
        }
        bisect(docs, half, depth + 1);
        bisect(docs + half, n - half, depth + 1);
    }

    // One round: degrees, per-term gains, then swap the best pairs while the pair's gain > 0.
    std::size_t swap_once(DocId* docs, std::size_t half, std::size_t n) {
        touched_.clear();
        for (std::size_t i = 0; i < n; ++i) {
            for_terms(docs[i], [&](std::uint32_t t) {
                if (!seen_[t]) {
                    seen_[t] = 1;
                    touched_.push_back(t);
                }
                ++(i < half ? left_degree_ : right_degree_)[t];
            });
        }
        const double left_size = static_cast<double>(half);
        const double right_size = static_cast<double>(n - half);
        for (std::uint32_t t : touched_) {
            const double l = left_degree_[t];
            const double r = right_degree_[t];
            const double now = cost(l, left_size) + cost(r, right_size);
            move_right_gain_[t] = now - (cost(l - 1, left_size) + cost(r + 1, right_size));
            move_left_gain_[t] = now - (cost(l + 1, left_size) + cost(r - 1, right_size));
        }
        gains_.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::vector<double>& gain = i < half ? move_right_gain_ : move_left_gain_;
            double sum = 0;
            for_terms(docs[i], [&](std::uint32_t t) { sum += gain[t]; });
            gains_[i] = {sum, docs[i]};
        }
        const auto by_gain = [](const auto& a, const auto& b) {
            return a.first > b.first;
        };
        std::sort(gains_.begin(), gains_.begin() + half, by_gain);
        std::sort(gains_.begin() + half, gains_.end(), by_gain);
        std::size_t swaps = 0;
        while (swaps < half && half + swaps < n
               && gains_[swaps].first + gains_[half + swaps].first > 0) {
            ++swaps;
        }
        for (std::size_t i = 0; i < n; ++i) {
            docs[i] = gains_[i].second;
        }
        for (std::size_t i = 0; i < swaps; ++i) {
            std::swap(docs[i], docs[half + i]);
        }
        for (std::uint32_t t : touched_) {
            left_degree_[t] = right_degree_[t] = 0;
            seen_[t] = 0;
        }
        return swaps;
    }

    template <typename Visit>
    void for_terms(DocId doc, Visit visit) const {
        for (std::uint64_t i = forward_.doc_begin[doc]; i < forward_.doc_begin[doc + 1]; ++i) {
            visit(forward_.terms[i]);
        }
    }

    const ForwardIndex& forward_;
    const Arguments& args_;
    std::vector<std::uint32_t> left_degree_;
    std::vector<std::uint32_t> right_degree_;
    std::vector<double> move_left_gain_;
    std::vector<double> move_right_gain_;
    std::vector<std::uint8_t> seen_;
    std::vector<std::uint32_t> touched_;
    std::vector<std::pair<double, DocId>> gains_;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Arguments parse_arguments(int argc, char** argv) {
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--bp-iterations" && has_value) {
            args.bp_iterations = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--bp-min-docs" && has_value) {
            args.bp_min_docs = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--no-bp") {
            args.bp = false;
        } else if (args.collection.empty() && !arg.starts_with("-")) {
            args.collection = arg;
        } else {
            std::fprintf(stderr,
                         "usage: reorder_bench COLLECTION [--bp-iterations N] [--bp-min-docs N] "
                         "[--no-bp]\n");
            std::exit(2);
        }
    }
    if (args.collection.empty()) {
        std::fprintf(stderr, "reorder_bench: give a collection directory\n");
        std::exit(2);
    }
    return args;
}

struct Totals {
    std::uint64_t postings = 0;
    std::uint64_t current = 0;
    std::uint64_t random = 0;
    std::uint64_t external_id = 0;
    std::uint64_t minhash = 0;
    std::uint64_t bisection = 0;
    double bisection_seconds = 0;
};

void measure_segment(const index::SegmentReader& segment, const Arguments& args, Totals& totals) {
    const InvertedLists lists = read_lists(segment);
    const DocId n = lists.doc_count;
    totals.postings += lists.docs.size();
    totals.current += encoded_bytes(lists, ids_from_order(identity_order(n)));
    totals.random += encoded_bytes(lists, ids_from_order(random_order(n)));
    totals.external_id += encoded_bytes(lists, ids_from_order(external_id_order(segment)));
    // Terms in a single document cannot gain from any order: leave them out of the clustering.
    const ForwardIndex forward = forward_index(lists, 2);
    totals.minhash += encoded_bytes(lists, ids_from_order(minhash_order(forward, n)));
    if (args.bp) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<DocId> order = identity_order(n);
        Bisection(forward, lists.term_count(), args).run(order);
        totals.bisection_seconds += seconds_since(start);
        totals.bisection += encoded_bytes(lists, ids_from_order(order));
    }
}

void print_row(const char* name, std::uint64_t bytes, const Totals& totals) {
    std::printf("%-28s %14llu %9.3f %+8.1f%%\n",
                name,
                static_cast<unsigned long long>(bytes),
                8.0 * static_cast<double>(bytes) / static_cast<double>(totals.postings),
                100.0 * (static_cast<double>(bytes) / static_cast<double>(totals.current) - 1.0));
}

}  // namespace

int main(int argc, char** argv) {
    const Arguments args = parse_arguments(argc, argv);
    index::CollectionOptions options;
    options.read_only = true;
    auto collection = index::Collection::open(args.collection, options);
    if (!collection.ok()) {
        std::fprintf(stderr, "%s\n", collection.status().message().c_str());
        return 1;
    }
    const auto snapshot = (*collection)->snapshot();
    Totals totals;
    for (const index::SegmentView& view : snapshot->segments()) {
        measure_segment(*view.reader, args, totals);
    }
    std::printf("%s: %zu segments, %llu postings (Field::All)\n",
                args.collection.c_str(),
                snapshot->segments().size(),
                static_cast<unsigned long long>(totals.postings));
    std::printf("%-28s %14s %9s %9s\n", "order", "doc+freq bytes", "bits/post", "vs index");
    print_row("index order (as added)", totals.current, totals);
    print_row("random", totals.random, totals);
    print_row("external id (URL sort)", totals.external_id, totals);
    print_row("2 min-hashes", totals.minhash, totals);
    if (args.bp) {
        print_row("recursive graph bisection", totals.bisection, totals);
        std::printf("bisection: %.1f s, %u iterations a level, parts down to %u documents\n",
                    totals.bisection_seconds,
                    args.bp_iterations,
                    args.bp_min_docs);
    }
    return 0;
}
