#include "iskra/engine/knowledge_cache.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/index/packed_file.hpp"
#include "iskra/index/segment_reader.hpp"
#include "iskra/util/byte_buffer.hpp"
#include "iskra/util/checksum.hpp"
#include "iskra/util/file.hpp"

namespace iskra::engine {
namespace {

constexpr std::string_view kKnowledgeFilePrefix = "knowledge.";

// Best effort: a file another process still reads stays readable until it closes it.
void remove_other_knowledge_files(const std::filesystem::path& dir, std::string_view keep) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(kKnowledgeFilePrefix) && name != keep) {
            std::filesystem::remove(entry.path(), error);
        }
    }
}

}  // namespace

Result<std::shared_ptr<const extract::Knowledge>> KnowledgeCache::get(
    const index::Snapshot& snapshot) {
    std::lock_guard lock(mutex_);
    if (knowledge_ && generation_ == snapshot.generation()) {
        return knowledge_;
    }
    auto knowledge = load_or_build(snapshot);
    if (!knowledge.ok()) {
        return knowledge.status();
    }
    knowledge_ = *knowledge;
    generation_ = snapshot.generation();
    return knowledge_;
}

std::string knowledge_file_name(const index::Snapshot& snapshot) {
    util::ByteWriter fingerprint;
    fingerprint.put_u64(snapshot.live_doc_count());
    for (auto field : {index::Field::All, index::Field::Title}) {
        fingerprint.put_u64(snapshot.field_stats(field).total_length);
    }
    for (const auto& view : snapshot.segments()) {
        fingerprint.put_u64(view.reader->doc_count());
        fingerprint.put_u64(view.live_count);
    }
    char hex[17];
    std::snprintf(hex,
                  sizeof hex,
                  "%016llx",
                  static_cast<unsigned long long>(util::hash64(fingerprint.data())));
    return std::string(kKnowledgeFilePrefix) + std::to_string(snapshot.generation()) + "." + hex;
}

Result<std::shared_ptr<const extract::Knowledge>> KnowledgeCache::load_or_build(
    const index::Snapshot& snapshot) {
    if (dir_.empty()) {
        return build_knowledge(snapshot);
    }
    const std::filesystem::path path = dir_ / knowledge_file_name(snapshot);
    if (auto packed = util::read_file(path); packed.ok()) {
        auto bytes = index::unpack_file_content(*packed, path.string());
        auto saved = bytes.ok() ? extract::Knowledge::deserialize(*bytes)
                                : Result<extract::Knowledge>(bytes.status());
        if (saved.ok()) {
            return std::make_shared<const extract::Knowledge>(saved.take());
        }
    }
    auto built = build_knowledge(snapshot);
    if (built.ok()
        && util::write_file_atomic(path, index::pack_file_content((*built)->serialize())).ok()) {
        remove_other_knowledge_files(dir_, path.filename().string());
    }
    return built;
}

namespace {

// Documents per loading thread below which one thread does all the work.
constexpr std::size_t kMinDocsPerThread = 2000;
constexpr unsigned kMaxLoadThreads = 4;

// What Knowledge::build reads from one stored document; DocumentInput holds views into it.
struct LoadedDocument {
    index::StoredDocument stored;
    std::vector<text::SentenceSpan> sentences;
    std::vector<std::uint8_t> flags;
    extract::DocumentFacts facts;
};

struct LiveDocument {
    const index::SegmentReader* reader = nullptr;
    index::DocId doc = 0;
};

Status load(const index::SegmentReader& reader, index::DocId doc, LoadedDocument& loaded) {
    auto stored = reader.document(doc);
    if (!stored.ok()) {
        return stored.status();
    }
    loaded.stored = stored.take();
    loaded.sentences.reserve(loaded.stored.sentences.size());
    loaded.flags.reserve(loaded.stored.sentences.size());
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
    return {};
}

std::vector<LiveDocument> live_documents(const index::Snapshot& snapshot) {
    std::vector<LiveDocument> live;
    live.reserve(snapshot.live_doc_count());
    for (const auto& view : snapshot.segments()) {
        for (index::DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            if (view.is_live(doc)) {
                live.push_back({view.reader.get(), doc});
            }
        }
    }
    return live;
}

// Decompresses and parses every live document, in contiguous ranges on a few threads (each
// range reads its blocks in order, so each block is decompressed about once).
Result<std::vector<LoadedDocument>> load_all(const index::Snapshot& snapshot) {
    auto live = live_documents(snapshot);
    std::vector<LoadedDocument> loaded(live.size());
    unsigned threads =
        std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, kMaxLoadThreads);
    threads =
        static_cast<unsigned>(std::clamp<std::size_t>(live.size() / kMinDocsPerThread, 1, threads));
    std::vector<Status> failures(threads);
    auto work = [&](unsigned part) {
        std::size_t begin = live.size() * part / threads;
        std::size_t end = live.size() * (part + 1) / threads;
        for (std::size_t idx = begin; idx < end && failures[part].ok(); ++idx) {
            failures[part] = load(*live[idx].reader, live[idx].doc, loaded[idx]);
        }
    };
    std::vector<std::jthread> workers;
    for (unsigned part = 1; part < threads; ++part) {
        workers.emplace_back(work, part);
    }
    work(0);
    workers.clear();  // joins
    for (const auto& failure : failures) {
        if (!failure.ok()) {
            return failure;
        }
    }
    return loaded;
}

}  // namespace

Result<std::shared_ptr<const extract::Knowledge>> build_knowledge(const index::Snapshot& snapshot) {
    auto loaded = load_all(snapshot);
    if (!loaded.ok()) {
        return loaded.status();
    }
    std::vector<extract::DocumentInput> inputs;
    inputs.reserve(loaded->size());
    for (auto& doc : *loaded) {
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
