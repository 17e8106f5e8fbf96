#include "iskra/engine/add_pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

#include "iskra/clean/cleaner.hpp"
#include "iskra/clean/fingerprint.hpp"
#include "iskra/engine/document_builder.hpp"
#include "iskra/extract/document_facts.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/index/snapshot.hpp"
#include "iskra/ingest/reader.hpp"
#include "iskra/util/stopwatch.hpp"

namespace iskra::engine {

namespace {

// Cleaning compares sentences across documents, so documents go through it in batches; the batch
// bounds memory (the writer has its own budget for the inverted index).
constexpr std::size_t kBatchDocuments = 512;
constexpr std::uint64_t kBatchBytes = 32ull << 20;

// The cleaner's fingerprints of a stored document, recomputed from its text and sentences (the
// same functions the cleaner's analysis runs): they are not stored, since they are hashes that
// compress to nothing and cost more disk than the text itself.
std::string stored_fingerprints(const index::StoredDocument& stored,
                                clean::NormalizedWords& words) {
    clean::DocumentFingerprints fingerprints;
    clean::normalize_words(stored.text, words);
    fingerprints.simhash = clean::fingerprint_words_of(words).simhash;
    fingerprints.sentences.reserve(stored.sentences.size());
    std::string_view text = stored.text;
    for (const index::SentenceRecord& sentence : stored.sentences) {
        clean::normalize_words(
            text.substr(sentence.text_begin, sentence.text_end - sentence.text_begin), words);
        fingerprints.sentences.push_back(clean::fingerprint_words_of(words));
    }
    return clean::serialize_fingerprints(fingerprints);
}

// The fingerprints of every live document, so that the cleaner flags copies of sentences that
// an earlier batch (or an earlier `add`) already holds. Both cores fingerprint, in chunks.
Status load_fingerprints(const index::Snapshot& snapshot, clean::Cleaner& cleaner) {
    constexpr std::size_t kChunkDocuments = 256;
    std::vector<index::StoredDocument> chunk;
    std::vector<std::string> blobs;
    auto drain = [&] {
        if (chunk.empty()) {
            return;
        }
        blobs.assign(chunk.size(), std::string());
        auto work = [&](std::size_t first) {
            clean::NormalizedWords words;
            for (std::size_t i = first; i < chunk.size(); i += 2) {
                blobs[i] = stored_fingerprints(chunk[i], words);
            }
        };
        {
            std::jthread helper(work, 1);
            work(0);
        }
        for (const std::string& blob : blobs) {
            (void)cleaner.add_existing(blob);  // our own serialization: cannot be damaged
        }
        chunk.clear();
    };
    for (const auto& view : snapshot.segments()) {
        for (index::DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            if (!view.is_live(doc)) {
                continue;
            }
            auto stored = view.reader->document(doc);
            if (!stored.ok()) {
                return stored.status();
            }
            chunk.push_back(stored.take());
            if (chunk.size() == kChunkDocuments) {
                drain();
            }
        }
    }
    drain();
    return {};
}

// Three stages overlap: this thread reads batch N+2 while worker threads prepare batch N+1
// (sentences, facts, the cleaner's per-document analysis) and a consumer thread cleans batch N
// across documents and hands it to the writer (whose own threads analyze and invert it).
// Batches still reach the cleaner and the writer in order, so the index does not depend on the
// timing.
class BatchIndexer {
  public:
    BatchIndexer(index::IndexWriter& writer,
                 const index::Snapshot& snapshot,
                 clean::Cleaner& cleaner,
                 AddStats& stats)
        : writer_(writer), snapshot_(snapshot), cleaner_(cleaner), stats_(stats) {}

    Status push(ingest::Document document) {
        stats_.bytes_read += document.source_size_bytes;
        stats_.invalid_utf8_replaced += document.invalid_utf8_replaced;
        if (unchanged(document)) {
            ++stats_.documents_unchanged;
            return {};
        }
        batch_bytes_ += document.text.size();
        pending_.push_back(std::move(document));
        if (pending_.size() >= kBatchDocuments || batch_bytes_ >= kBatchBytes) {
            return rotate();
        }
        return {};
    }

    /// Indexes everything pushed so far.
    Status flush() {
        ISKRA_TRY(rotate());
        if (take_prepared()) {
            ISKRA_TRY(start_consuming());
        }
        return finish_consuming();
    }

  private:
    struct Prepared {
        PreparedDocument document;
        std::string facts;
        clean::DocumentAnalysis analysis;
    };
    struct Consumed {
        Status status;
        std::uint64_t added = 0;
        std::uint64_t replaced = 0;
    };

    // What the writer's has_document() would answer once every batch before this document is
    // added: a document of this session (its latest version, by id hash) or else a committed one.
    // Asked here rather than of the writer, which the consumer thread drives meanwhile.
    bool unchanged(const ingest::Document& document) const {
        auto it = session_hashes_.find(std::hash<std::string_view>{}(document.id));
        if (it != session_hashes_.end()) {
            return it->second == document.content_hash;
        }
        return snapshot_.has_document(document.id, document.content_hash);
    }

    // The batch read so far goes to the workers as soon as they are done with the previous
    // one, which then goes to the consumer (after the batch before it).
    Status rotate() {
        if (pending_.empty()) {
            return {};
        }
        bool prepared = take_prepared();
        in_flight_docs_ = std::move(pending_);
        pending_.clear();
        batch_bytes_ = 0;
        for (const auto& doc : in_flight_docs_) {
            session_hashes_[std::hash<std::string_view>{}(doc.id)] = doc.content_hash;
        }
        preparing_ = std::jthread([this] { in_flight_prepared_ = prepare_in_parallel(); });
        return prepared ? start_consuming() : Status{};
    }

    // Waits for the batch on the workers; true when there was one (it is then in ready_).
    bool take_prepared() {
        if (!preparing_.joinable()) {
            return false;
        }
        preparing_.join();
        in_flight_docs_.clear();
        ready_ = std::move(in_flight_prepared_);
        in_flight_prepared_.clear();
        return true;
    }

    // Hands ready_ to the consumer once it is done with the batch before.
    Status start_consuming() {
        ISKRA_TRY(finish_consuming());
        consuming_prepared_ = std::move(ready_);
        ready_.clear();
        consumer_ = std::jthread([this] { consumed_ = consume(consuming_prepared_); });
        return {};
    }

    Status finish_consuming() {
        if (!consumer_.joinable()) {
            return {};
        }
        consumer_.join();
        consuming_prepared_.clear();
        stats_.documents_added += consumed_.added;
        stats_.documents_replaced += consumed_.replaced;
        Consumed done = std::move(consumed_);
        consumed_ = {};
        return done.status;
    }

    // On the consumer thread: the cleaner's comparisons across documents, then the writer.
    Consumed consume(std::vector<Prepared>& prepared) {
        Consumed result;
        std::vector<clean::DocumentAnalysis> analyses;
        analyses.reserve(prepared.size());
        for (auto& p : prepared) {
            analyses.push_back(std::move(p.analysis));
        }
        auto verdicts = cleaner_.clean_analyzed(analyses);
        analyses.clear();
        for (std::size_t i = 0; i < prepared.size(); ++i) {
            result.status = index_one(prepared[i], verdicts.documents[i], result);
            if (!result.status.ok()) {
                break;
            }
        }
        return result;
    }

    // Sentence splitting, fact extraction and the cleaner's per-document analysis are per
    // document and independent: run them on both cores.
    std::vector<Prepared> prepare_in_parallel() {
        std::vector<Prepared> prepared(in_flight_docs_.size());
        // Documents are taken one at a time: their sizes vary by orders of magnitude, and a
        // fixed share per thread left one core idle while the other finished the large ones.
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i = next++; i < in_flight_docs_.size(); i = next++) {
                prepared[i].document = prepare_document(std::move(in_flight_docs_[i]));
                const auto& doc = prepared[i].document;
                prepared[i].facts =
                    extract::serialize(extract::extract_document(doc.source.text, doc.sentences));
                prepared[i].analysis = clean::analyze_document({doc.source.text, doc.sentences});
            }
        };
        unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
        std::vector<std::jthread> workers;
        for (unsigned t = 1; t < threads; ++t) {
            workers.emplace_back(work);
        }
        work();
        return prepared;
    }

    Status index_one(Prepared& prepared, clean::DocumentVerdict& verdict, Consumed& counts) {
        auto record = make_record(std::move(prepared.document));
        record.flags = verdict.flags;
        record.quality = verdict.quality;
        for (std::size_t s = 0; s < record.sentences.size() && s < verdict.sentences.size(); ++s) {
            record.sentences[s].flags = verdict.sentences[s].flags;
            record.sentences[s].quality = verdict.sentences[s].quality;
        }
        record.annotations.emplace_back("facts", std::move(prepared.facts));
        bool replaces = snapshot_.find(record.external_id).has_value();
        ISKRA_TRY(writer_.add(std::move(record)));
        if (replaces) {
            ++counts.replaced;
        } else {
            ++counts.added;
        }
        return {};
    }

    index::IndexWriter& writer_;
    const index::Snapshot& snapshot_;
    clean::Cleaner& cleaner_;
    AddStats& stats_;
    std::vector<ingest::Document> pending_;
    std::uint64_t batch_bytes_ = 0;
    // Content hash of the latest document of each id (by hash) handed to the workers.
    std::unordered_map<std::size_t, std::uint64_t> session_hashes_;
    std::vector<ingest::Document> in_flight_docs_;
    std::vector<Prepared> in_flight_prepared_;
    std::vector<Prepared> ready_;  // prepared, waiting for the consumer
    std::vector<Prepared> consuming_prepared_;
    Consumed consumed_;
    // The threads are declared last so that they are joined before the rest is destroyed (an
    // early error return leaves them running).
    std::jthread consumer_;
    std::jthread preparing_;
};

}  // namespace

Result<AddStats> add_paths(index::Collection& collection,
                           const std::vector<std::filesystem::path>& paths,
                           const AddOptions& options) {
    util::Stopwatch clock;
    auto writer = collection.writer();
    if (!writer.ok()) {
        return writer.status();
    }
    auto snapshot = collection.snapshot();
    // The cleaner's fingerprints grow with the collection: they get an eighth of the budget.
    clean::Cleaner cleaner(collection.options().memory_budget_bytes / 8);
    ISKRA_TRY(load_fingerprints(*snapshot, cleaner));
    AddStats stats;
    BatchIndexer indexer(**writer, *snapshot, cleaner, stats);
    double last_report = -1;
    ingest::ReadOptions read_options;
    for (const auto& path : paths) {
        auto on_document = [&](ingest::Document&& document) -> Status {
            std::string source = document.source_path;
            ISKRA_TRY(indexer.push(std::move(document)));
            if (options.on_progress && clock.elapsed_seconds() - last_report >= 0.1) {
                last_report = clock.elapsed_seconds();
                options.on_progress(
                    {stats.documents_added + stats.documents_replaced + stats.documents_unchanged,
                     stats.bytes_read,
                     last_report,
                     source});
            }
            return {};
        };
        auto on_skip = [&](const ingest::Skipped& skipped) {
            ++stats.files_skipped;
            if (options.on_skip) {
                options.on_skip(skipped.path.string(), skipped.reason);
            }
        };
        ISKRA_TRY(ingest::read_path(path, read_options, on_document, on_skip));
    }
    ISKRA_TRY(indexer.flush());
    cleaner = clean::Cleaner();  // its fingerprints are not needed by the commit's segment build
    auto generation = (*writer)->commit();
    if (!generation.ok()) {
        return generation.status();
    }
    stats.seconds = clock.elapsed_seconds();
    return stats;
}

}  // namespace iskra::engine
