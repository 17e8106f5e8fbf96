// Engine::ask, timeline, entities, entity, quiz: everything that reads the extraction tables.
#include <algorithm>
#include <map>
#include <optional>

#include "iskra/answer/answerer.hpp"
#include "iskra/engine.hpp"
#include "iskra/engine/engine_impl.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/search/sentence_ref.hpp"
#include "iskra/util/stopwatch.hpp"

namespace iskra {

namespace {

// The extraction tables know a sentence by document and index; citations also carry the byte
// offsets into the original file, its quality and flags, which live in the document store.
class CitationFiller {
  public:
    explicit CitationFiller(const index::Snapshot& snapshot) : snapshot_(snapshot) {}

    void fill(SentenceRef& ref) {
        const auto* doc = load(ref.doc_id);
        if (doc == nullptr || ref.sentence_index >= doc->sentences.size()) {
            return;
        }
        auto full = search::make_sentence_ref(*doc, ref.sentence_index);
        ref.source_begin = full.source_begin;
        ref.source_end = full.source_end;
        ref.text_begin = full.text_begin;
        ref.text_end = full.text_end;
        ref.quality = full.quality;
        ref.flags = std::move(full.flags);
        if (ref.text.empty()) {
            ref.text = std::move(full.text);
        }
    }

    void fill(TimelineEvent& event) {
        for (auto& source : event.sources) {
            fill(source);
        }
    }

  private:
    const index::StoredDocument* load(const std::string& doc_id) {
        auto [it, inserted] = cache_.try_emplace(doc_id);
        if (inserted) {
            if (auto location = snapshot_.find(doc_id)) {
                auto stored = snapshot_.document(*location);
                if (stored.ok()) {
                    it->second = stored.take();
                }
            }
        }
        return it->second ? &*it->second : nullptr;
    }

    const index::Snapshot& snapshot_;
    std::map<std::string, std::optional<index::StoredDocument>, std::less<>> cache_;
};

}  // namespace

Result<AskResponse> Engine::ask(const AskRequest& request) const {
    auto snapshot = impl_->snapshot();
    auto knowledge = impl_->knowledge.get(*snapshot);
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto analyzer = impl_->analyzers.borrow();
    answer::AnswererOptions options;
    options.retrieval.document_cache = &impl_->answer_documents;
    options.retrieval.sentence_cache = &impl_->answer_sentences;
    answer::Answerer answerer(snapshot, knowledge->get(), options);
    return answerer.ask(request, *analyzer);
}

Result<TimelineResponse> Engine::timeline(const TimelineRequest& request) const {
    util::Stopwatch clock;
    auto snapshot = impl_->snapshot();
    auto knowledge = impl_->knowledge.get(*snapshot);
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    TimelineResponse response;
    response.events = (*knowledge)->timeline(request);
    CitationFiller citations(*snapshot);
    for (auto& event : response.events) {
        citations.fill(event);
    }
    response.took_ms = clock.elapsed_ms();
    return response;
}

Result<std::vector<Entity>> Engine::entities(const std::string& type, std::uint32_t limit) const {
    auto knowledge = impl_->knowledge.get(*impl_->snapshot());
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto entities = (*knowledge)->entities(type);
    if (limit > 0 && entities.size() > limit) {
        entities.resize(limit);
    }
    return entities;
}

Result<EntityDetail> Engine::entity(const std::string& name) const {
    auto snapshot = impl_->snapshot();
    auto knowledge = impl_->knowledge.get(*snapshot);
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto detail = (*knowledge)->entity(name);
    if (!detail) {
        return Status::not_found("no entity named '" + name + "' in this collection");
    }
    CitationFiller citations(*snapshot);
    for (auto& event : detail->events) {
        citations.fill(event);
    }
    for (auto& mention : detail->mentions) {
        citations.fill(mention);
    }
    for (auto& office : detail->offices) {
        if (office.source) {
            citations.fill(*office.source);
        }
    }
    return *std::move(detail);
}

Result<std::vector<QuizQuestion>> Engine::quiz(std::uint32_t count, std::uint64_t seed) const {
    auto snapshot = impl_->snapshot();
    auto knowledge = impl_->knowledge.get(*snapshot);
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    auto questions = (*knowledge)->quiz(count, seed);
    CitationFiller citations(*snapshot);
    for (auto& question : questions) {
        citations.fill(question.source);
    }
    return questions;
}

}  // namespace iskra
