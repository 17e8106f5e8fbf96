#include "iskra/search/snippet_builder.hpp"

#include <algorithm>
#include <bit>

#include "iskra/search/sentence_ref.hpp"

namespace iskra::search {

SnippetBuilder::SnippetBuilder(const Query& query, std::uint32_t max_snippets, bool show_noise)
    : max_snippets_(max_snippets), show_noise_(show_noise) {
    for (QueryTerm& term : positive_terms(query)) {
        if (terms_.size() < 64
            && std::find(terms_.begin(), terms_.end(), term.term) == terms_.end()) {
            terms_.push_back(std::move(term.term));
        }
    }
}

std::vector<SnippetBuilder::SentenceHits> SnippetBuilder::collect_hits(
    const index::SegmentReader& reader, index::DocId doc) const {
    struct Occurrence {
        std::uint32_t sentence;
        std::uint32_t position;
        std::uint32_t term_idx;
    };
    std::vector<Occurrence> occurrences;
    for (std::uint32_t term_idx = 0; term_idx < terms_.size(); ++term_idx) {
        std::optional<index::SegmentPostingCursor> cursor =
            reader.postings(index::Field::All, terms_[term_idx]);
        if (!cursor) {
            continue;
        }
        cursor->advance(doc);
        if (cursor->doc() != doc) {
            continue;
        }
        for (const std::uint32_t position : cursor->positions()) {
            const std::optional<std::uint32_t> sentence =
                reader.sentence_of_position(doc, position);
            if (sentence) {
                occurrences.push_back({*sentence, position, term_idx});
            }
        }
    }
    std::sort(occurrences.begin(), occurrences.end(), [](const auto& a, const auto& b) {
        return a.position < b.position;  // positions grow with sentences
    });
    std::vector<SentenceHits> hits;
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const Occurrence& occurrence = occurrences[i];
        if (hits.empty() || hits.back().sentence != occurrence.sentence) {
            hits.push_back({occurrence.sentence, 0, 0, 0});
        }
        SentenceHits& hit = hits.back();
        hit.term_mask |= std::uint64_t{1} << occurrence.term_idx;
        ++hit.occurrences;
        // Query terms next to each other in query order read as the phrase the user typed.
        if (i > 0 && occurrences[i - 1].position + 1 == occurrence.position
            && occurrences[i - 1].term_idx + 1 == occurrence.term_idx) {
            ++hit.adjacent_pairs;
        }
    }
    return hits;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> SnippetBuilder::highlight(
    std::string_view sentence, text::Analyzer& analyzer) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    for (const text::Token& token : analyzer.analyze(sentence)) {
        if (std::find(terms_.begin(), terms_.end(), token.term) != terms_.end()) {
            ranges.emplace_back(token.begin, token.end);
        }
    }
    return ranges;
}

std::vector<Snippet> SnippetBuilder::build(const index::SegmentReader& reader,
                                           index::DocId doc,
                                           const index::StoredDocument& document,
                                           text::Analyzer& analyzer) const {
    std::vector<Snippet> snippets;
    if (document.sentences.empty() || max_snippets_ == 0) {
        return snippets;
    }
    std::vector<SentenceHits> hits = collect_hits(reader, doc);
    std::vector<std::pair<float, std::uint32_t>> ranked;  // (score, sentence)
    for (const SentenceHits& hit : hits) {
        if (hit.sentence >= document.sentences.size()) {
            continue;
        }
        float score = static_cast<float>(std::popcount(hit.term_mask))
                      + 0.1f * static_cast<float>(std::min<std::uint32_t>(hit.occurrences, 10))
                      + 0.5f * static_cast<float>(std::min<std::uint32_t>(hit.adjacent_pairs, 4));
        if (!show_noise_) {
            score *= sentence_prior(document.sentences[hit.sentence]);
        }
        ranked.emplace_back(score, hit.sentence);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (ranked.empty()) {
        ranked.emplace_back(0.0f, 0u);
    }
    ranked.resize(std::min<std::size_t>(ranked.size(), max_snippets_));
    for (const auto& [score, sentence_idx] : ranked) {
        Snippet snippet;
        snippet.sentence = make_sentence_ref(document, sentence_idx);
        if (score > 0) {
            snippet.highlights = highlight(snippet.sentence.text, analyzer);
        }
        snippets.push_back(std::move(snippet));
    }
    return snippets;
}

}  // namespace iskra::search
