#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "iskra/search/ranked_or.hpp"

namespace iskra::search {

/// MaxScore (Turtle & Flood, "Query evaluation: strategies and optimizations", IP&M 1995), in the
/// document-at-a-time form of PISA's maxscore_query.
///
/// Lists are ordered by their score upper bound; the shortest prefix whose bounds sum to at most
/// the queue threshold is "non-essential": a document appearing only there cannot enter the top
/// k, so candidates come from the essential lists alone and the non-essential ones are probed
/// (advance) only while the running score plus their remaining bounds can still beat the
/// threshold. The hit count is a lower bound.
template <typename Cursor, DocGate G>
void maxscore(std::span<Cursor> cursors,
              TopKQueue& queue,
              G& gate,
              std::uint32_t segment_idx,
              EvalStats& stats) {
    stats.exact = false;
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
        return a->max_score() < b->max_score();
    });
    // upper[i]: sum of the bounds of ordered[0..i].
    std::vector<float> upper(n);
    float running = 0;
    for (std::size_t i = 0; i < n; ++i) {
        running += ordered[i]->max_score();
        upper[i] = running;
    }
    std::size_t first_essential = 0;
    const auto update_essential = [&] {
        while (first_essential < n && !queue.would_enter(upper[first_essential])) {
            ++first_essential;
        }
    };
    update_essential();
    DocId current = kEndOfPostings;
    for (std::size_t i = first_essential; i < n; ++i) {
        current = std::min(current, ordered[i]->doc());
    }
    while (first_essential < n && current != kEndOfPostings) {
        float score = 0;
        DocId next_doc = kEndOfPostings;
        for (std::size_t i = first_essential; i < n; ++i) {
            Cursor& cursor = *ordered[i];
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
            Cursor& cursor = *ordered[i];
            cursor.advance(current);
            if (cursor.doc() == current) {
                score += cursor.score();
            }
        }
        if (alive && queue.would_enter(score)
            && offer(queue, gate, score, current, segment_idx, stats)) {
            update_essential();
        }
        current = next_doc;
    }
}

}  // namespace iskra::search
