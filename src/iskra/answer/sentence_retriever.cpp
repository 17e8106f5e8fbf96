#include "iskra/answer/sentence_retriever.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "iskra/extract/document_facts.hpp"
#include "iskra/search/bm25.hpp"
#include "iskra/search/sentence_retriever.hpp"

namespace iskra::answer {
namespace {

// idf per key term (the best of its variants), and the key's weight scaled by it.
void weigh_terms(const index::Snapshot& snapshot, Question& question) {
    const std::uint64_t n = std::max<std::uint64_t>(1, snapshot.live_doc_count());
    for (KeyTerm& key : question.terms) {
        double idf = 0;
        bool found = false;
        for (const std::string& term : key.terms) {
            const std::uint64_t df = snapshot.doc_freq(index::Field::All, term);
            if (df > 0) {
                idf = std::max(idf, static_cast<double>(search::bm25_idf(n, df)));
                found = true;
            }
        }
        if (!found) {
            idf = search::bm25_idf(n, 0);  // absent from the collection: as rare as can be
        }
        key.weight *= std::max(0.15, idf);
    }
}

search::SentenceQuery build_query(const Question& question, const RetrievalOptions& options) {
    search::SentenceQuery query;
    query.max_sentences = static_cast<std::uint32_t>(options.sentences);
    query.max_documents = static_cast<std::uint32_t>(options.documents);
    std::set<std::string> seen;
    for (const KeyTerm& key : question.terms) {
        for (std::size_t v = 0; v < key.terms.size(); ++v) {
            if (key.terms[v].empty() || !seen.insert(key.terms[v]).second) {
                continue;
            }
            // Synonyms and aliases count a little less than the word the user typed.
            const double weight = (v == 0 ? 1.0 : 0.7) * (key.focus ? 0.5 : 1.0);
            query.terms.push_back({key.terms[v], static_cast<float>(weight), false});
        }
    }
    return query;
}

}  // namespace

Result<std::vector<Passage>> retrieve_passages(const search::Searcher& searcher,
                                               Question& question,
                                               const RetrievalOptions& options) {
    const index::Snapshot& snapshot = searcher.snapshot();
    weigh_terms(snapshot, question);
    std::vector<Passage> passages;
    const search::SentenceQuery query = build_query(question, options);
    if (query.terms.empty()) {
        return passages;
    }
    auto hits = search::retrieve_sentences(snapshot, query, searcher.options());
    if (!hits.ok()) {
        return hits.status().with_context("sentence retrieval");
    }
    std::map<const index::StoredDocument*, std::pair<std::uint32_t, bool>> docs;  // ordinal, lower
    for (const search::ScoredSentence& hit : *hits) {
        auto it = docs.find(hit.document.get());
        if (it == docs.end()) {
            const bool lower = extract::looks_lower_case(hit.document->text);
            it = docs.emplace(hit.document.get(),
                              std::make_pair(static_cast<std::uint32_t>(docs.size()), lower))
                     .first;
        }
        const index::SentenceRecord& record = hit.record();
        Passage p;
        p.ref = hit.ref();
        p.flags = record.flags;
        p.doc_flags = hit.document->flags;
        p.doc_quality = hit.document->quality;
        p.retrieval_score = hit.score;
        p.before = std::string(hit.neighbour_text(-1));
        p.after = std::string(hit.neighbour_text(1));
        p.lower_case = it->second.second;
        p.doc_ordinal = it->second.first;
        passages.push_back(std::move(p));
    }
    return passages;
}

}  // namespace iskra::answer
