#pragma once

#include <algorithm>
#include <cstdint>
#include <span>

#include "iskra/search/scored_cursor.hpp"
#include "iskra/search/top_k_queue.hpp"

namespace iskra::search {

/// Offers a fully scored document to the queue through the gate. Returns whether it entered.
template <DocGate G>
inline bool offer(TopKQueue& queue,
                  G& gate,
                  float score,
                  DocId doc,
                  std::uint32_t segment_idx,
                  EvalStats& stats) {
    const float factor = gate(doc);
    if (factor <= 0.0f) {
        return false;
    }
    ++stats.matches;
    return queue.insert(score * factor, make_doc_key(segment_idx, doc));
}

/// Exhaustive document-at-a-time disjunction: scores every document that contains any of the
/// terms. The reference the pruning algorithms are tested against, and the evaluator used when
/// an exact hit count is wanted.
template <typename Cursor, DocGate G>
void ranked_or(std::span<Cursor> cursors,
               TopKQueue& queue,
               G& gate,
               std::uint32_t segment_idx,
               EvalStats& stats) {
    DocId current = kEndOfPostings;
    for (const Cursor& cursor : cursors) {
        current = std::min(current, cursor.doc());
    }
    while (current != kEndOfPostings) {
        float score = 0;
        DocId next_doc = kEndOfPostings;
        for (Cursor& cursor : cursors) {
            if (cursor.doc() == current) {
                score += cursor.score();
                cursor.next();
            }
            next_doc = std::min(next_doc, cursor.doc());
        }
        offer(queue, gate, score, current, segment_idx, stats);
        current = next_doc;
    }
}

}  // namespace iskra::search
