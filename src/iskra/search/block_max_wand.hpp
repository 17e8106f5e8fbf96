#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "iskra/search/ranked_or.hpp"

namespace iskra::search {

/// Block-max WAND (Ding & Suel, "Faster top-k document retrieval using block-max indexes",
/// SIGIR 2011), following PISA's block_max_wand_query.
///
/// Cursors are kept sorted by current doc. The pivot is the first cursor where the sum of list
/// bounds beats the threshold; the pivot doc is then checked against the (tighter) sum of the
/// bounds of the blocks holding it, found with advance_shallow without decoding. Below the
/// threshold, the cursor with the largest bound jumps past the end of the shortest block.
/// The hit count is a lower bound.
template <typename Cursor, DocGate G>
void block_max_wand(std::span<Cursor> cursors,
                    TopKQueue& queue,
                    G& gate,
                    std::uint32_t segment_idx,
                    EvalStats& stats) {
    stats.exact = false;
    const std::size_t n = cursors.size();
    std::vector<Cursor*> ordered;
    ordered.reserve(n);
    for (Cursor& cursor : cursors) {
        ordered.push_back(&cursor);
    }
    const auto by_doc = [](const Cursor* a, const Cursor* b) {
        return a->doc() < b->doc();
    };
    const auto bubble_down = [&](std::size_t from) {
        for (std::size_t i = from + 1; i < n && ordered[i]->doc() < ordered[i - 1]->doc(); ++i) {
            std::swap(ordered[i], ordered[i - 1]);
        }
    };
    std::sort(ordered.begin(), ordered.end(), by_doc);
    while (true) {
        float upper_bound = 0;
        std::size_t pivot = 0;
        bool found_pivot = false;
        DocId pivot_doc = kEndOfPostings;
        for (; pivot < n && ordered[pivot]->doc() != kEndOfPostings; ++pivot) {
            upper_bound += ordered[pivot]->max_score();
            if (queue.would_enter(upper_bound)) {
                found_pivot = true;
                pivot_doc = ordered[pivot]->doc();
                while (pivot + 1 < n && ordered[pivot + 1]->doc() == pivot_doc) {
                    ++pivot;
                }
                break;
            }
        }
        if (!found_pivot) {
            return;
        }
        float block_bound = 0;
        for (std::size_t i = 0; i <= pivot; ++i) {
            if (ordered[i]->block_last_doc() < pivot_doc) {
                ordered[i]->advance_shallow(pivot_doc);
            }
            block_bound += ordered[i]->block_max_score();
        }
        if (queue.would_enter(block_bound)) {
            if (ordered[0]->doc() == pivot_doc) {
                float score = 0;
                bool alive = true;
                for (std::size_t i = 0; i < n && ordered[i]->doc() == pivot_doc; ++i) {
                    const float part = ordered[i]->score();
                    score += part;
                    if (i <= pivot) {
                        block_bound -= ordered[i]->block_max_score() - part;
                        if (!queue.would_enter(block_bound)) {
                            alive = false;
                            break;
                        }
                    }
                }
                for (std::size_t i = 0; i < n && ordered[i]->doc() == pivot_doc; ++i) {
                    ordered[i]->next();
                }
                if (alive && queue.would_enter(score)) {
                    offer(queue, gate, score, pivot_doc, segment_idx, stats);
                }
                std::sort(ordered.begin(), ordered.end(), by_doc);
            } else {
                std::size_t next_list = pivot;
                while (ordered[next_list]->doc() == pivot_doc) {
                    --next_list;
                }
                ordered[next_list]->advance(pivot_doc);
                bubble_down(next_list);
            }
            continue;
        }
        std::size_t next_list = pivot;
        float max_weight = ordered[next_list]->max_score();
        for (std::size_t i = 0; i < pivot; ++i) {
            if (ordered[i]->max_score() > max_weight) {
                next_list = i;
                max_weight = ordered[i]->max_score();
            }
        }
        std::uint64_t next_doc = kEndOfPostings;
        for (std::size_t i = 0; i <= pivot; ++i) {
            next_doc = std::min<std::uint64_t>(next_doc, ordered[i]->block_last_doc());
        }
        next_doc += 1;
        if (pivot + 1 < n && ordered[pivot + 1]->doc() < next_doc) {
            next_doc = ordered[pivot + 1]->doc();
        }
        if (next_doc <= pivot_doc) {
            next_doc = static_cast<std::uint64_t>(pivot_doc) + 1;
        }
        ordered[next_list]->advance(
            static_cast<DocId>(std::min<std::uint64_t>(next_doc, kEndOfPostings)));
        bubble_down(next_list);
    }
}

}  // namespace iskra::search
