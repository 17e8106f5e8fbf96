#include "iskra/answer/sentence_retriever.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "iskra/extract/document_facts.hpp"
#include "iskra/search/bm25.hpp"
#include "iskra/search/sentence_ref.hpp"
#include "iskra/search/top_k_queue.hpp"

namespace iskra::answer {
namespace {

struct SentenceHit {
    std::uint64_t doc_key = 0;
    std::uint32_t sentence = 0;
    double score = 0;
    std::size_t doc_rank = 0;
};

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

search::Query build_query(const Question& question) {
    search::Query query;
    search::QueryNode root;
    root.kind = search::QueryNode::Kind::Boolean;
    std::set<std::string> seen;
    for (const KeyTerm& key : question.terms) {
        for (const std::string& term : key.terms) {
            if (term.empty() || !seen.insert(term).second) {
                continue;
            }
            search::QueryNode leaf;
            leaf.kind = search::QueryNode::Kind::Term;
            leaf.terms = {term};
            root.should.push_back(static_cast<std::uint32_t>(query.nodes.size()));
            query.nodes.push_back(std::move(leaf));
        }
    }
    query.root = static_cast<std::uint32_t>(query.nodes.size());
    query.nodes.push_back(std::move(root));
    return query;
}

// Scores the sentences of one document from the positions of the key terms.
void score_document_sentences(const index::SegmentView& view,
                              index::DocId doc,
                              std::uint64_t key,
                              std::size_t doc_rank,
                              const Question& question,
                              std::vector<SentenceHit>& hits) {
    std::map<std::uint32_t, std::set<std::size_t>> found;  // sentence -> key-term indices
    for (std::size_t term_idx = 0; term_idx < question.terms.size(); ++term_idx) {
        for (const std::string& term : question.terms[term_idx].terms) {
            auto cursor = view.reader->postings(index::Field::All, term);
            if (!cursor) {
                continue;
            }
            cursor->advance(doc);
            if (cursor->doc() != doc) {
                continue;
            }
            for (std::uint32_t pos : cursor->positions()) {
                if (auto s = view.reader->sentence_of_position(doc, pos)) {
                    found[*s].insert(term_idx);
                }
            }
        }
    }
    for (const auto& [sentence, terms] : found) {
        double score = 0;
        for (std::size_t t : terms) {
            score += question.terms[t].weight;
        }
        hits.push_back({key, sentence, score, doc_rank});
    }
}

bool mostly_lower_case(const std::string& text) {
    return extract::looks_lower_case(text);
}

}  // namespace

Result<std::vector<Passage>> retrieve_passages(const search::Searcher& searcher,
                                               Question& question,
                                               const RetrievalOptions& options) {
    const index::Snapshot& snapshot = searcher.snapshot();
    weigh_terms(snapshot, question);
    std::vector<Passage> passages;
    const search::Query query = build_query(question);
    if (query.nodes.size() <= 1) {
        return passages;
    }
    const search::TopDocs top = searcher.top_docs(query, options.documents);
    std::vector<SentenceHit> hits;
    for (std::size_t rank = 0; rank < top.docs.size(); ++rank) {
        const std::uint64_t key = top.docs[rank].key;
        const auto& view = snapshot.segments()[search::key_segment(key)];
        score_document_sentences(view, search::key_doc(key), key, rank, question, hits);
    }
    // Sentences of better documents win ties; a small document-rank decay keeps the order stable.
    std::stable_sort(hits.begin(), hits.end(), [](const SentenceHit& a, const SentenceHit& b) {
        return a.score != b.score ? a.score > b.score : a.doc_rank < b.doc_rank;
    });
    if (hits.size() > options.sentences) {
        hits.resize(options.sentences);
    }
    std::map<std::uint64_t, std::pair<index::StoredDocument, bool>> docs;
    std::map<std::uint64_t, std::uint32_t> ordinals;
    for (const SentenceHit& hit : hits) {
        auto it = docs.find(hit.doc_key);
        if (it == docs.end()) {
            auto doc =
                snapshot.document(search::key_segment(hit.doc_key), search::key_doc(hit.doc_key));
            if (!doc.ok()) {
                return doc.status().with_context("reading a document for sentence retrieval");
            }
            const bool lower = mostly_lower_case(doc->text);
            it = docs.emplace(hit.doc_key, std::make_pair(doc.take(), lower)).first;
            ordinals.emplace(hit.doc_key, static_cast<std::uint32_t>(ordinals.size()));
        }
        const index::StoredDocument& d = it->second.first;
        if (hit.sentence >= d.sentences.size()) {
            continue;
        }
        Passage p;
        p.ref = search::make_sentence_ref(d, hit.sentence);
        p.flags = d.sentences[hit.sentence].flags;
        p.doc_flags = d.flags;
        p.doc_quality = d.quality;
        p.retrieval_score = hit.score;
        if (hit.sentence > 0) {
            p.before = std::string(search::sentence_text(d, hit.sentence - 1));
        }
        if (hit.sentence + 1 < d.sentences.size()) {
            p.after = std::string(search::sentence_text(d, hit.sentence + 1));
        }
        p.lower_case = it->second.second;
        p.doc_ordinal = ordinals[hit.doc_key];
        passages.push_back(std::move(p));
    }
    return passages;
}

}  // namespace iskra::answer
