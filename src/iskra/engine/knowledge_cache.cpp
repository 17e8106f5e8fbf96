#include "iskra/engine/knowledge_cache.hpp"

#include <utility>
#include <vector>

#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/index/segment_reader.hpp"

namespace iskra::engine {

Result<std::shared_ptr<const extract::Knowledge>> KnowledgeCache::get(
    const index::Snapshot& snapshot) {
    std::lock_guard lock(mutex_);
    if (knowledge_ && generation_ == snapshot.generation()) {
        return knowledge_;
    }
    auto built = build_knowledge(snapshot);
    if (!built.ok()) {
        return built.status();
    }
    knowledge_ = *built;
    generation_ = snapshot.generation();
    return knowledge_;
}

namespace {

// What Knowledge::build reads from one stored document; DocumentInput holds views into it.
struct LoadedDocument {
    index::StoredDocument stored;
    std::vector<text::SentenceSpan> sentences;
    std::vector<std::uint8_t> flags;
    extract::DocumentFacts facts;
};

Result<LoadedDocument> load(const index::SegmentReader& reader, index::DocId doc) {
    auto stored = reader.document(doc);
    if (!stored.ok()) {
        return stored.status();
    }
    LoadedDocument loaded;
    loaded.stored = stored.take();
    for (const auto& sentence : loaded.stored.sentences) {
        loaded.sentences.push_back({sentence.text_begin, sentence.text_end});
        loaded.flags.push_back(sentence.flags);
    }
    for (const auto& [name, blob] : loaded.stored.annotations) {
        if (name == "facts") {
            auto facts = extract::deserialize(blob);
            if (!facts.ok()) {
                return facts.status().with_context("facts of document '" + loaded.stored.external_id
                                                   + "'");
            }
            loaded.facts = facts.take();
        }
    }
    return loaded;
}

}  // namespace

Result<std::shared_ptr<const extract::Knowledge>> build_knowledge(const index::Snapshot& snapshot) {
    std::vector<LoadedDocument> loaded;
    loaded.reserve(snapshot.live_doc_count());
    for (const auto& view : snapshot.segments()) {
        for (index::DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            if (!view.is_live(doc)) {
                continue;
            }
            auto one = load(*view.reader, doc);
            if (!one.ok()) {
                return one.status();
            }
            loaded.push_back(one.take());
        }
    }
    std::vector<extract::DocumentInput> inputs;
    inputs.reserve(loaded.size());
    for (auto& doc : loaded) {
        extract::DocumentInput input;
        input.doc_id = doc.stored.external_id;
        input.title = doc.stored.title;
        input.source_path = doc.stored.source_path;
        input.text = doc.stored.text;
        input.sentences = doc.sentences;
        input.sentence_flags = doc.flags;
        input.facts = std::move(doc.facts);
        inputs.push_back(std::move(input));
    }
    return std::make_shared<const extract::Knowledge>(extract::Knowledge::build(inputs));
}

}  // namespace iskra::engine
