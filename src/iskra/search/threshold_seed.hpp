#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

#include "iskra/search/ranked_or.hpp"

namespace iskra::search {

/// Postings the cheapest lists of a query may cost the seeding pass at most.
inline constexpr std::uint64_t kSeedMaxPostings = 16384;
/// Seeding runs only when the other lists hold at least this many times more postings.
inline constexpr std::uint64_t kSeedMinGain = 8;
/// Lowers a seeded threshold slightly: scores summed in another order may round differently,
/// and a document scoring exactly the seed must still be able to enter.
inline constexpr float kSeedThresholdMargin = 1.0f - 1e-5f;

/// Raises the queue threshold before a pruned disjunction runs, from the query's rarest lists.
///
/// Document-at-a-time pruning starts with a threshold of 0, so a query mixing a rare word with
/// a common one walks the common list until the rare word's documents have been met and filled
/// the queue. Instead, copies of the cheapest lists (whose summed cost() is small against the
/// rest) are scored exhaustively first into a scratch queue. Each of those partial scores is a
/// lower bound of its document's full score, so when k live documents were seen the k-th best of
/// them is at most the true k-th best score: a safe threshold that lets MaxScore or WAND treat the
/// common lists as non-essential from the first document on. The results do not change.
///
/// `cursors` are copied, not moved; `live(doc)` says whether a document may be returned.
template <typename Cursor, typename Live>
void seed_threshold(std::span<const Cursor> cursors, TopKQueue& queue, const Live& live) {
    const std::size_t n = cursors.size();
    if (n < 2 || queue.capacity() == 0) {
        return;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return cursors[a].cost() < cursors[b].cost();
    });
    std::uint64_t total = 0;
    for (const Cursor& cursor : cursors) {
        total += cursor.cost();
    }
    std::uint64_t seed_cost = 0;
    std::size_t taken = 0;
    while (taken + 1 < n && seed_cost + cursors[order[taken]].cost() <= kSeedMaxPostings
           && (seed_cost + cursors[order[taken]].cost()) * kSeedMinGain <= total) {
        seed_cost += cursors[order[taken]].cost();
        ++taken;
    }
    if (taken == 0) {
        return;
    }
    std::vector<Cursor> probes;
    probes.reserve(taken);
    for (std::size_t i = 0; i < taken; ++i) {
        probes.push_back(cursors[order[i]]);
    }
    TopKQueue seeds(queue.capacity());
    const auto gate = [&live](DocId doc) {
        return live(doc) ? 1.0f : 0.0f;
    };
    EvalStats stats;
    ranked_or(std::span<Cursor>(probes), seeds, gate, 0, stats);
    if (seeds.size() == seeds.capacity()) {
        queue.raise_threshold(seeds.threshold() * kSeedThresholdMargin);
    }
}

}  // namespace iskra::search
