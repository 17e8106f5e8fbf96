#include "iskra/answer/sentence_retriever.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "iskra/answer/spelling_correction.hpp"
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

constexpr std::uint8_t kQuestionFlag = 1u << 5;  // clean's SentenceFlag question
constexpr std::uint32_t kFaqAnswerSentences = 3;

// True when a blank line separates sentence `index` from the one before it.
bool paragraph_break(const index::StoredDocument& doc, std::uint32_t index) {
    if (index == 0) {
        return true;
    }
    const std::uint32_t from = doc.sentences[index - 1].text_end;
    const std::uint32_t to = doc.sentences[index].text_begin;
    if (to <= from || to > doc.text.size()) {
        return false;
    }
    const std::string_view gap = std::string_view(doc.text).substr(from, to - from);
    return gap.find("\n\n") != std::string_view::npos
           || gap.find("\n\r\n") != std::string_view::npos;
}

Passage make_passage(const search::ScoredSentence& hit,
                     std::uint32_t ordinal,
                     bool lower_case,
                     AnalyzedTextCache* analyzed) {
    const index::SentenceRecord& record = hit.record();
    Passage p;
    p.ref = hit.ref();
    p.flags = record.flags;
    p.doc_flags = hit.document->flags;
    p.doc_quality = hit.document->quality;
    p.retrieval_score = hit.score;
    p.before = std::string(hit.neighbour_text(-1));
    p.after = std::string(hit.neighbour_text(1));
    p.lower_case = lower_case;
    p.doc_ordinal = ordinal;
    if (analyzed != nullptr) {
        p.tokens = analyzed->tokens(p.ref.text);
        p.before_tokens = analyzed->tokens(p.before);
        p.after_tokens = analyzed->tokens(p.after);
    }
    return p;
}

// Reads retrieved documents through `cache`, remembering which look lower-cased.
class CachedDocuments {
  public:
    CachedDocuments(DocumentCache& cache, const index::Snapshot& snapshot)
        : cache_(cache), snapshot_(snapshot) {}

    Result<std::shared_ptr<const index::StoredDocument>> load(index::DocLocation location) {
        auto document = cache_.get(snapshot_, location);
        if (!document.ok()) {
            return document.status();
        }
        std::shared_ptr<const DocumentCache::Document> shared = document.take();
        lower_case_[&shared->stored] = shared->lower_case;
        return std::shared_ptr<const index::StoredDocument>(shared, &shared->stored);
    }

    /// Whether `doc` looks lower-cased, if this loaded it.
    std::optional<bool> lower_case(const index::StoredDocument* doc) const {
        auto it = lower_case_.find(doc);
        return it == lower_case_.end() ? std::nullopt : std::optional<bool>(it->second);
    }

  private:
    DocumentCache& cache_;
    const index::Snapshot& snapshot_;
    std::map<const index::StoredDocument*, bool> lower_case_;
};

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
    add_collection_spellings(snapshot, question);
    weigh_terms(snapshot, question);
    std::vector<Passage> passages;
    search::SentenceQuery query = build_query(question, options);
    if (query.terms.empty()) {
        return passages;
    }
    std::optional<CachedDocuments> cached;
    if (options.document_cache != nullptr) {
        cached.emplace(*options.document_cache, snapshot);
        query.load_document = [&cached](index::DocLocation location) {
            return cached->load(location);
        };
    }
    auto hits = search::retrieve_sentences(snapshot, query, searcher.options());
    if (!hits.ok()) {
        return hits.status().with_context("sentence retrieval");
    }
    std::map<const index::StoredDocument*, std::pair<std::uint32_t, bool>> docs;  // ordinal, lower
    std::map<std::pair<const index::StoredDocument*, std::uint32_t>, std::size_t> taken;
    auto add = [&](const search::ScoredSentence& hit, std::string_view faq_question) {
        const auto [at, fresh] =
            taken.emplace(std::make_pair(hit.document.get(), hit.sentence_index), passages.size());
        if (!fresh) {
            if (passages[at->second].faq_question.empty()) {
                passages[at->second].faq_question = std::string(faq_question);
            }
            return;
        }
        auto it = docs.find(hit.document.get());
        if (it == docs.end()) {
            const std::optional<bool> known =
                cached ? cached->lower_case(hit.document.get()) : std::nullopt;
            const bool lower = known ? *known : extract::looks_lower_case(hit.document->text);
            it = docs.emplace(hit.document.get(),
                              std::make_pair(static_cast<std::uint32_t>(docs.size()), lower))
                     .first;
        }
        passages.push_back(
            make_passage(hit, it->second.first, it->second.second, options.sentence_cache));
        passages.back().faq_question = std::string(faq_question);
    };
    for (const search::ScoredSentence& hit : *hits) {
        add(hit, {});
    }
    // A question in the collection is followed by its answer (FAQ pages, "people also ask"):
    // the sentences after a retrieved question join the passages, tagged with that question.
    for (const search::ScoredSentence& hit : *hits) {
        if ((hit.record().flags & kQuestionFlag) == 0) {
            continue;
        }
        search::ScoredSentence next = hit;
        for (std::uint32_t step = 1; step <= kFaqAnswerSentences; ++step) {
            next.sentence_index = hit.sentence_index + step;
            if (next.sentence_index >= hit.sentence_count()
                || (next.record().flags & kQuestionFlag) != 0
                || (step > 1 && paragraph_break(*hit.document, next.sentence_index))) {
                break;
            }
            add(next, hit.text());
        }
    }
    return passages;
}

}  // namespace iskra::answer
