#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iskra/index/posting_cursor_concept.hpp"
#include "iskra/search/bm25.hpp"

#include "test_norms.hpp"
#include "vector_cursor.hpp"

namespace iskra::search::testing {

/// An in-memory positional index of pre-tokenized documents laid out like the real one
/// (kSentencePositionGap positions between sentences), for the phrase and boolean evaluators.
struct TinyIndex {
    std::map<std::string, VectorList> lists;
    std::vector<std::uint32_t> lengths;
    Bm25 bm25;
    VectorNorms norms;

    /// docs[doc][sentence][token]
    explicit TinyIndex(const std::vector<std::vector<std::vector<std::string>>>& docs) {
        double total = 0;
        for (index::DocId doc = 0; doc < docs.size(); ++doc) {
            std::uint32_t position = 0;
            std::uint32_t length = 0;
            for (const auto& sentence : docs[doc]) {
                for (const std::string& token : sentence) {
                    auto& postings = lists[token].postings;
                    if (postings.empty() || postings.back().doc != doc) {
                        postings.push_back({doc, 0, {}});
                    }
                    ++postings.back().freq;
                    postings.back().positions.push_back(position++);
                    ++length;
                }
                position += index::kSentencePositionGap;
            }
            lengths.push_back(length);
            total += length;
        }
        bm25 = Bm25(Bm25Params{}, docs.empty() ? 0.0 : total / docs.size());
        norms = VectorNorms{&lengths, bm25};
    }

    std::optional<VectorCursor> cursor(const std::string& term) const {
        const auto it = lists.find(term);
        if (it == lists.end()) {
            return std::nullopt;
        }
        return VectorCursor(it->second, lengths, 2);
    }
    float weight(const std::string& term) const {
        const auto it = lists.find(term);
        const std::size_t df = it == lists.end() ? 0 : it->second.postings.size();
        return bm25.term_weight(bm25_idf(lengths.size(), df));
    }
};

}  // namespace iskra::search::testing
