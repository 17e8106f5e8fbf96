#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "iskra/search/ranked_or.hpp"

namespace iskra::search {

/// Ranked conjunction: every term must occur. Leapfrog intersection driven by the rarest list
/// (each other list only advances to the current candidate), scoring the documents in all
/// lists. Counts every match exactly.
template <typename Cursor, DocGate G>
void ranked_and(std::span<Cursor> cursors,
                TopKQueue& queue,
                G& gate,
                std::uint32_t segment_idx,
                EvalStats& stats) {
    const std::size_t n = cursors.size();
    if (n == 0) {
        return;
    }
    std::vector<Cursor*> ordered;
    ordered.reserve(n);
    for (Cursor& cursor : cursors) {
        ordered.push_back(&cursor);
    }
    std::sort(ordered.begin(), ordered.end(), [](const Cursor* a, const Cursor* b) {
        return a->doc_freq() < b->doc_freq();
    });
    DocId candidate = ordered[0]->doc();
    while (candidate != kEndOfPostings) {
        std::size_t i = 1;
        for (; i < n; ++i) {
            ordered[i]->advance(candidate);
            if (ordered[i]->doc() != candidate) {
                break;
            }
        }
        if (i == n) {
            float score = 0;
            for (Cursor* cursor : ordered) {
                score += cursor->score();
            }
            offer(queue, gate, score, candidate, segment_idx, stats);
            ordered[0]->next();
        } else {
            const DocId target = ordered[i]->doc();
            if (target == kEndOfPostings) {
                return;
            }
            ordered[0]->advance(target);
        }
        candidate = ordered[0]->doc();
    }
}

}  // namespace iskra::search
