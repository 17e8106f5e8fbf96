#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "iskra/search/ranked_or.hpp"

namespace iskra::search {

/// MaxScore over windows of block-max bounds, the scheme of Lucene 9's MaxScoreBulkScorer
/// (after Chakrabarti et al., "Interval-based pruning for top-k processing over compressed lists",
/// ICDE 2011).
///
/// The doc-id space is cut into windows that end at the first block boundary of any list. Inside
/// a window each list is bounded by the score bound of its current block rather than of the whole
/// list, the lists are re-partitioned into essential and non-essential by those bounds, and a
/// window where even the sum of all block bounds cannot beat the threshold is skipped without
/// decoding a single block. Within a window it runs plain MaxScore. The hit count is a lower bound.
template <typename Cursor, DocGate G>
void block_max_maxscore(std::span<Cursor> cursors,
                        TopKQueue& queue,
                        G& gate,
                        std::uint32_t segment_idx,
                        EvalStats& stats) {
    stats.exact = false;
    const std::size_t n = cursors.size();
    if (n == 0) {
        return;
    }
    std::vector<std::pair<float, Cursor*>> lists(n);  // (window bound, cursor), ascending bound
    std::vector<float> upper(n);
    DocId window_start = 0;
    while (true) {
        DocId window_end = kEndOfPostings;
        for (Cursor& cursor : cursors) {
            cursor.advance_shallow(window_start);
            window_end = std::min(window_end, cursor.block_last_doc());
        }
        if (window_end == kEndOfPostings) {
            return;  // no list has a block at or after window_start
        }
        for (std::size_t i = 0; i < n; ++i) {
            Cursor& cursor = cursors[i];
            const bool empty_window =
                cursor.block_last_doc() == kEndOfPostings
                || (cursor.doc() >= window_start && cursor.doc() > window_end);
            lists[i] = {empty_window ? 0.0f : cursor.block_max_score(), &cursor};
        }
        std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) {
            return a.first < b.first;
        });
        float running = 0;
        for (std::size_t i = 0; i < n; ++i) {
            running += lists[i].first;
            upper[i] = running;
        }
        std::size_t first_essential = 0;
        while (first_essential < n && !queue.would_enter(upper[first_essential])) {
            ++first_essential;
        }
        DocId current = kEndOfPostings;
        for (std::size_t i = first_essential; i < n; ++i) {
            lists[i].second->advance(window_start);
            current = std::min(current, lists[i].second->doc());
        }
        while (first_essential < n && current <= window_end) {
            float score = 0;
            DocId next_doc = kEndOfPostings;
            for (std::size_t i = first_essential; i < n; ++i) {
                Cursor& cursor = *lists[i].second;
                if (cursor.doc() == current) {
                    score += cursor.score();
                    cursor.next();
                }
                next_doc = std::min(next_doc, cursor.doc());
            }
            bool alive = true;
            for (std::size_t i = first_essential; i-- > 0;) {
                if (!queue.would_enter(score + upper[i])) {
                    alive = false;
                    break;
                }
                Cursor& cursor = *lists[i].second;
                cursor.advance(current);
                if (cursor.doc() == current) {
                    score += cursor.score();
                }
            }
            if (alive && queue.would_enter(score)
                && offer(queue, gate, score, current, segment_idx, stats)) {
                while (first_essential < n && !queue.would_enter(upper[first_essential])) {
                    ++first_essential;
                }
            }
            current = next_doc;
        }
        window_start = window_end + 1;
    }
}

}  // namespace iskra::search
