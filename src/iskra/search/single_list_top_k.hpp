#pragma once

#include <cstdint>

#include "iskra/search/ranked_or.hpp"

namespace iskra::search {

/// The top k of a single scored list (a one-word query), skipping every block whose block-max
/// bound cannot beat the queue threshold: such blocks are passed over with advance_shallow,
/// without decoding them. Once the queue holds k good documents most of a long list is skipped.
/// The hit count is a lower bound.
template <typename Cursor, DocGate G>
void single_list_top_k(
    Cursor& cursor, TopKQueue& queue, G& gate, std::uint32_t segment_idx, EvalStats& stats) {
    stats.exact = false;
    while (cursor.doc() != kEndOfPostings) {
        if (!queue.would_enter(cursor.block_max_score())) {
            // Find the next block that can hold a better document, reading only skip data.
            DocId last = cursor.block_last_doc();
            while (true) {
                if (last == kEndOfPostings) {
                    return;
                }
                cursor.advance_shallow(last + 1);
                if (cursor.block_last_doc() == kEndOfPostings) {
                    return;
                }
                if (queue.would_enter(cursor.block_max_score())) {
                    break;
                }
                last = cursor.block_last_doc();
            }
            cursor.advance(last + 1);
            continue;
        }
        const DocId block_end = cursor.block_last_doc();
        while (cursor.doc() <= block_end) {
            const float score = cursor.score();
            if (queue.would_enter(score)) {
                offer(queue, gate, score, cursor.doc(), segment_idx, stats);
            }
            cursor.next();
        }
    }
}

}  // namespace iskra::search
