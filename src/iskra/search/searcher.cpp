#include "iskra/search/searcher.hpp"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

#include "iskra/search/query_parser.hpp"
#include "iskra/search/snippet_builder.hpp"
#include "iskra/util/stopwatch.hpp"

namespace iskra::search {
namespace {

// A page deeper than this is not a search, it is an export.
constexpr std::size_t kMaxPageEnd = 100000;

struct Candidate {
    float score = 0;
    std::uint64_t key = 0;
    std::shared_ptr<const index::StoredDocument> document;  // null for skipped page entries
};

}  // namespace

Searcher::Searcher(std::shared_ptr<const index::Snapshot> snapshot,
                   SearchOptions options,
                   DocumentLoader load_document)
    : snapshot_(std::move(snapshot)), options_(options), load_document_(std::move(load_document)) {}

Result<std::shared_ptr<const index::StoredDocument>> Searcher::document(std::uint64_t key) const {
    const index::DocLocation location{key_segment(key), key_doc(key)};
    if (load_document_) {
        return load_document_(location);
    }
    Result<index::StoredDocument> stored = snapshot_->document(location);
    if (!stored.ok()) {
        return stored.status();
    }
    return std::make_shared<const index::StoredDocument>(stored.take());
}

TopDocs Searcher::top_docs(const Query& query, std::size_t k, bool exact_count) const {
    return evaluate_query(*snapshot_, query, k, exact_count, options_);
}

float Searcher::document_prior(const index::StoredDocument& document) const {
    float factor = 1.0f;
    if ((document.flags & index::kDocumentDuplicate) != 0) {
        factor *= options_.duplicate_document_factor;
    }
    if ((document.flags & index::kDocumentLowQuality) != 0) {
        factor *= options_.low_quality_document_factor;
    }
    return factor;
}

Result<SearchResponse> Searcher::search(const SearchRequest& request,
                                        text::Analyzer& analyzer,
                                        HitDetail detail) const {
    const util::Stopwatch stopwatch;
    SearchResponse response;
    response.query = request.query;
    Result<Query> query = parse_query(request.query, analyzer);
    if (!query.ok()) {
        return query.status().with_context("query");
    }
    const std::size_t page_end =
        std::min<std::size_t>(static_cast<std::size_t>(request.offset) + request.k, kMaxPageEnd);
    const bool rerank = !request.show_noise && detail == HitDetail::Full;
    const std::size_t wanted = rerank ? page_end + options_.prior_rerank_margin : page_end;
    const TopDocs top = top_docs(*query, wanted, request.exact_count);
    response.total_hits = top.total_hits;
    response.total_is_exact = top.total_is_exact;
    if (detail == HitDetail::IdsOnly) {
        for (std::size_t i = request.offset; i < top.docs.size(); ++i) {
            SearchHit hit;
            hit.doc_id =
                snapshot_->external_id({key_segment(top.docs[i].key), key_doc(top.docs[i].key)});
            hit.score = top.docs[i].score;
            response.hits.push_back(std::move(hit));
        }
        response.took_ms = stopwatch.elapsed_ms();
        return response;
    }

    // Documents are read in score order. Priors only lower scores, so reading can stop once the
    // page's worst prior-adjusted score is at least the next unread raw score: without flagged
    // documents that is after page_end reads, and the margin is only read when needed.
    std::vector<Candidate> candidates;
    candidates.reserve(std::min(top.docs.size(), wanted));
    std::vector<float> adjusted;
    for (std::size_t i = 0; i < top.docs.size(); ++i) {
        const ScoredDoc& hit = top.docs[i];
        if (candidates.size() >= page_end) {
            if (page_end == 0) {
                break;
            }
            adjusted.clear();
            for (const Candidate& candidate : candidates) {
                adjusted.push_back(candidate.score);
            }
            std::nth_element(adjusted.begin(),
                             adjusted.begin() + static_cast<std::ptrdiff_t>(page_end - 1),
                             adjusted.end(),
                             std::greater<>());
            if (adjusted[page_end - 1] >= hit.score) {
                break;
            }
        }
        if (request.show_noise && i < request.offset) {
            candidates.push_back({hit.score, hit.key, {}});
            continue;
        }
        auto document = this->document(hit.key);
        if (!document.ok()) {
            return document.status().with_context("reading a search hit");
        }
        const float prior = request.show_noise ? 1.0f : document_prior(**document);
        candidates.push_back({hit.score * prior, hit.key, document.take()});
    }
    std::stable_sort(candidates.begin(),
                     candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });

    const SnippetBuilder snippets(*query, options_.max_snippets, request.show_noise);
    const index::StoredDocument not_read;  // a skipped entry of an earlier page
    for (std::size_t i = request.offset; i < std::min(candidates.size(), page_end); ++i) {
        Candidate& candidate = candidates[i];
        SearchHit hit;
        const index::StoredDocument& document = candidate.document ? *candidate.document : not_read;
        hit.doc_id = document.external_id;
        hit.title = document.title;
        hit.source_path = document.source_path;
        hit.score = candidate.score;
        if (request.snippets) {
            const index::SegmentView& view = snapshot_->segments()[key_segment(candidate.key)];
            hit.snippets = snippets.build(*view.reader, key_doc(candidate.key), document, analyzer);
        }
        response.hits.push_back(std::move(hit));
    }
    response.took_ms = stopwatch.elapsed_ms();
    return response;
}

}  // namespace iskra::search
