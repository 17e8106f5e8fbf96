#include "iskra/search/sentence_retriever.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "iskra/search/query_evaluator.hpp"
#include "iskra/search/sentence_ref.hpp"

namespace iskra::search {
namespace {

constexpr std::size_t kMaxSentenceTerms = 64;
// Candidates re-ranked with the sentence prior, per sentence asked for.
constexpr std::size_t kPriorRerankFactor = 3;

/// A sentence candidate before its document is read.
struct Candidate {
    index::DocLocation location;
    std::uint32_t sentence = 0;
    float bm25 = 0;
    float document_score = 0;
    std::uint32_t length = 0;
    std::uint64_t term_mask = 0;
};

/// One (sentence, term) occurrence count inside a document.
struct SentenceTermFreq {
    std::uint32_t sentence = 0;
    std::uint32_t term = 0;
    std::uint32_t freq = 0;
};

std::vector<WeightedTerm> distinct_terms(const SentenceQuery& query) {
    std::vector<WeightedTerm> terms;
    for (const WeightedTerm& term : query.terms) {
        if (term.term.empty() || !(term.weight > 0)) {
            continue;
        }
        auto it = std::find_if(
            terms.begin(), terms.end(), [&](const WeightedTerm& t) { return t.term == term.term; });
        if (it != terms.end()) {
            it->weight = std::max(it->weight, term.weight);
            it->required = it->required || term.required;
        } else if (terms.size() < kMaxSentenceTerms) {
            terms.push_back(term);
        }
    }
    return terms;
}

Query make_document_query(const std::vector<WeightedTerm>& terms) {
    Query query;
    QueryNode root;
    root.kind = QueryNode::Kind::Boolean;
    for (const WeightedTerm& term : terms) {
        QueryNode leaf;
        leaf.terms.push_back(term.term);
        leaf.boost = term.weight;
        query.nodes.push_back(std::move(leaf));
        const auto idx = static_cast<std::uint32_t>(query.nodes.size() - 1);
        (term.required ? root.must : root.should).push_back(idx);
    }
    query.nodes.push_back(std::move(root));
    query.root = static_cast<std::uint32_t>(query.nodes.size() - 1);
    return query;
}

/// Token counts of each sentence of `doc`, from the sentence start positions (sentences are
/// kSentencePositionGap positions apart) and the body length.
std::vector<std::uint32_t> sentence_lengths(const index::SegmentReader& reader, index::DocId doc) {
    const std::span<const std::uint32_t> starts = reader.sentence_starts(doc);
    std::vector<std::uint32_t> lengths(starts.size(), 0);
    const std::uint32_t all = reader.length(index::Field::All, doc);
    const std::uint32_t title = reader.length(index::Field::Title, doc);
    const std::uint32_t body =
        all >= index::kTitleWeight * title ? all - index::kTitleWeight * title : 0;
    std::uint32_t counted = 0;
    for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
        const std::uint32_t span = starts[i + 1] - starts[i];
        lengths[i] = span > index::kSentencePositionGap ? span - index::kSentencePositionGap : 0;
        counted += lengths[i];
    }
    if (!starts.empty()) {
        lengths.back() = body > counted ? body - counted : 0;
    }
    return lengths;
}

struct SentenceScorer {
    Bm25 bm25;
    std::vector<float> weights;  // per term: idf * (k1 + 1) * term weight
    std::uint64_t required_mask = 0;
    bool required_in_sentence = false;
};

SentenceScorer make_scorer(const index::Snapshot& snapshot,
                           const std::vector<WeightedTerm>& terms,
                           const SentenceQuery& query) {
    std::uint64_t body_tokens = 0;
    std::uint64_t sentences = 0;
    for (const index::SegmentView& view : snapshot.segments()) {
        const index::SegmentInfo& info = view.reader->info();
        body_tokens += info.total_length_all - index::kTitleWeight * info.total_length_title;
        sentences += info.sentence_count;
    }
    SentenceScorer scorer;
    scorer.bm25 = Bm25(query.sentence_bm25,
                       sentences == 0 ? 0.0 : static_cast<double>(body_tokens) / sentences);
    const std::uint64_t doc_count = snapshot.field_stats(index::Field::All).doc_count;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const float idf = bm25_idf(doc_count, snapshot.doc_freq(index::Field::All, terms[i].term));
        scorer.weights.push_back(scorer.bm25.term_weight(idf, terms[i].weight));
        if (terms[i].required) {
            scorer.required_mask |= std::uint64_t{1} << i;
        }
    }
    scorer.required_in_sentence = query.required_in_sentence;
    return scorer;
}

/// Scores the sentences of one document from its (sentence, term, freq) counts.
void score_document(const SentenceScorer& scorer,
                    std::vector<SentenceTermFreq>& counts,
                    const std::vector<std::uint32_t>& lengths,
                    index::DocLocation location,
                    float document_score,
                    std::vector<Candidate>& out) {
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.sentence != b.sentence ? a.sentence < b.sentence : a.term < b.term;
    });
    for (std::size_t begin = 0; begin < counts.size();) {
        const std::uint32_t sentence = counts[begin].sentence;
        Candidate candidate{location, sentence, 0, document_score, 0, 0};
        candidate.length = sentence < lengths.size() ? lengths[sentence] : 0;
        const float norm = scorer.bm25.length_norm(candidate.length);
        std::size_t end = begin;
        for (; end < counts.size() && counts[end].sentence == sentence; ++end) {
            const auto freq = static_cast<float>(counts[end].freq);
            candidate.bm25 += Bm25::score(scorer.weights[counts[end].term], freq, norm);
            candidate.term_mask |= std::uint64_t{1} << counts[end].term;
        }
        begin = end;
        const bool has_required =
            (candidate.term_mask & scorer.required_mask) == scorer.required_mask;
        if (!scorer.required_in_sentence || has_required) {
            out.push_back(candidate);
        }
    }
}

/// Scores every sentence of the given documents of one segment (ascending doc ids).
void score_segment(const index::SegmentReader& reader,
                   std::uint32_t segment_idx,
                   const std::vector<std::pair<index::DocId, float>>& docs,
                   const std::vector<WeightedTerm>& terms,
                   const SentenceScorer& scorer,
                   std::vector<Candidate>& out) {
    std::vector<std::optional<index::SegmentPostingCursor>> cursors;
    cursors.reserve(terms.size());
    for (const WeightedTerm& term : terms) {
        cursors.push_back(reader.postings(index::Field::All, term.term));
    }
    std::vector<SentenceTermFreq> counts;
    for (const auto& [doc, document_score] : docs) {
        counts.clear();
        for (std::uint32_t term_idx = 0; term_idx < cursors.size(); ++term_idx) {
            std::optional<index::SegmentPostingCursor>& cursor = cursors[term_idx];
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
                if (!sentence) {
                    continue;
                }
                if (!counts.empty() && counts.back().sentence == *sentence
                    && counts.back().term == term_idx) {
                    ++counts.back().freq;
                } else {
                    counts.push_back({*sentence, term_idx, 1});
                }
            }
        }
        score_document(
            scorer, counts, sentence_lengths(reader, doc), {segment_idx, doc}, document_score, out);
    }
}

Result<std::shared_ptr<const index::StoredDocument>> load_document(const index::Snapshot& snapshot,
                                                                   const SentenceQuery& query,
                                                                   index::DocLocation location) {
    if (query.load_document) {
        return query.load_document(location);
    }
    Result<index::StoredDocument> stored = snapshot.document(location);
    if (!stored.ok()) {
        return stored.status();
    }
    return std::make_shared<const index::StoredDocument>(stored.take());
}

}  // namespace

std::string_view ScoredSentence::text() const {
    return sentence_text(*document, sentence_index);
}

std::string_view ScoredSentence::neighbour_text(int delta) const {
    const std::int64_t idx = static_cast<std::int64_t>(sentence_index) + delta;
    if (idx < 0 || idx >= static_cast<std::int64_t>(document->sentences.size())) {
        return {};
    }
    return sentence_text(*document, static_cast<std::uint32_t>(idx));
}

SentenceRef ScoredSentence::ref() const {
    return make_sentence_ref(*document, sentence_index);
}

Result<std::vector<ScoredSentence>> retrieve_sentences(const index::Snapshot& snapshot,
                                                       const SentenceQuery& query,
                                                       const SearchOptions& options) {
    std::vector<ScoredSentence> result;
    const std::vector<WeightedTerm> terms = distinct_terms(query);
    if (terms.empty() || query.max_sentences == 0) {
        return result;
    }
    const TopDocs top =
        evaluate_query(snapshot, make_document_query(terms), query.max_documents, false, options);
    std::map<std::uint32_t, std::vector<std::pair<index::DocId, float>>> by_segment;
    for (const ScoredDoc& hit : top.docs) {
        by_segment[key_segment(hit.key)].emplace_back(key_doc(hit.key), hit.score);
    }
    const SentenceScorer scorer = make_scorer(snapshot, terms, query);
    std::vector<Candidate> candidates;
    for (auto& [segment_idx, docs] : by_segment) {
        std::sort(docs.begin(), docs.end());
        score_segment(
            *snapshot.segments()[segment_idx].reader, segment_idx, docs, terms, scorer, candidates);
    }
    const auto better = [](const Candidate& a, const Candidate& b) {
        if (a.bm25 != b.bm25) {
            return a.bm25 > b.bm25;
        }
        return a.location.segment != b.location.segment ? a.location.segment < b.location.segment
               : a.location.doc != b.location.doc       ? a.location.doc < b.location.doc
                                                        : a.sentence < b.sentence;
    };
    std::sort(candidates.begin(), candidates.end(), better);
    candidates.resize(std::min(candidates.size(), query.max_sentences * kPriorRerankFactor));

    std::map<std::uint64_t, std::shared_ptr<const index::StoredDocument>> documents;
    for (const Candidate& candidate : candidates) {
        const std::uint64_t key = make_doc_key(candidate.location.segment, candidate.location.doc);
        auto& document = documents[key];
        if (!document) {
            auto loaded = load_document(snapshot, query, candidate.location);
            if (!loaded.ok()) {
                return loaded.status().with_context("reading a retrieved sentence");
            }
            document = loaded.take();
        }
        if (candidate.sentence >= document->sentences.size()) {
            continue;
        }
        ScoredSentence sentence;
        sentence.location = candidate.location;
        sentence.sentence_index = candidate.sentence;
        sentence.bm25 = candidate.bm25;
        sentence.document_score = candidate.document_score;
        sentence.length = candidate.length;
        sentence.document = document;
        sentence.score =
            query.show_noise ? candidate.bm25 : candidate.bm25 * sentence_prior(sentence.record());
        for (std::uint32_t i = 0; i < query.terms.size(); ++i) {
            const auto it = std::find_if(terms.begin(), terms.end(), [&](const WeightedTerm& t) {
                return t.term == query.terms[i].term;
            });
            if (it != terms.end() && ((candidate.term_mask >> (it - terms.begin())) & 1u) != 0) {
                sentence.matched_terms.push_back(i);
            }
        }
        result.push_back(std::move(sentence));
    }
    std::stable_sort(
        result.begin(), result.end(), [](const ScoredSentence& a, const ScoredSentence& b) {
            return a.score > b.score;
        });
    result.resize(std::min<std::size_t>(result.size(), query.max_sentences));
    return result;
}

}  // namespace iskra::search
