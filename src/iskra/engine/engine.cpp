#include "iskra/engine.hpp"

#include <chrono>
#include <utility>

#include "iskra/engine/add_pipeline.hpp"
#include "iskra/engine/engine_impl.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/index/segment_reader.hpp"
#include "iskra/search/sentence_ref.hpp"

namespace iskra {

namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

std::shared_ptr<const index::Snapshot> Engine::Impl::snapshot() const {
    auto now = now_ms();
    auto last = last_refresh_ms_.load(std::memory_order_relaxed);
    if (now - last >= 1000
        && last_refresh_ms_.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
        // A failed refresh (a manifest being replaced right now) keeps the current snapshot.
        (void)collection->refresh();
    }
    return collection->snapshot();
}

Engine::Engine(Key /*key*/, std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::open(const std::filesystem::path& dir,
                                             const OpenOptions& options) {
    index::CollectionOptions collection_options;
    collection_options.create_if_missing = options.create_if_missing;
    collection_options.read_only = options.read_only;
    collection_options.memory_budget_bytes = options.memory_budget_bytes;
    collection_options.threads = options.threads;
    auto collection = index::Collection::open(dir, collection_options);
    if (!collection.ok()) {
        return collection.status().with_context("opening collection " + dir.string());
    }
    auto impl = std::make_unique<Impl>(dir);
    impl->options = options;
    impl->collection = collection.take();
    return std::make_unique<Engine>(Key{}, std::move(impl));
}

const std::filesystem::path& Engine::path() const {
    return impl_->path;
}

Result<AddStats> Engine::add(const std::vector<std::filesystem::path>& paths,
                             const AddOptions& options) {
    std::lock_guard lock(impl_->writer_mutex);
    return engine::add_paths(*impl_->collection, paths, options);
}

Result<std::uint64_t> Engine::remove(const std::vector<std::string>& doc_ids) {
    std::lock_guard lock(impl_->writer_mutex);
    auto writer = impl_->collection->writer();
    if (!writer.ok()) {
        return writer.status();
    }
    auto snapshot = impl_->collection->snapshot();
    std::uint64_t existing = 0;
    for (const auto& id : doc_ids) {
        if (snapshot->find(id)) {
            ++existing;
        }
        ISKRA_TRY((*writer)->remove(id));
    }
    auto generation = (*writer)->commit();
    if (!generation.ok()) {
        return generation.status();
    }
    return existing;
}

Status Engine::optimize() {
    std::lock_guard lock(impl_->writer_mutex);
    auto writer = impl_->collection->writer();
    if (!writer.ok()) {
        return writer.status();
    }
    return (*writer)->optimize();
}

Status Engine::check() const {
    return impl_->collection->check();
}

Result<DocumentView> Engine::document(const std::string& doc_id) const {
    auto snapshot = impl_->snapshot();
    auto location = snapshot->find(doc_id);
    if (!location) {
        return Status::not_found("no document with id '" + doc_id + "'");
    }
    auto stored = snapshot->document(*location);
    if (!stored.ok()) {
        return stored.status();
    }
    DocumentView view;
    view.doc_id = stored->external_id;
    view.title = stored->title;
    view.source_path = stored->source_path;
    view.format = stored->format;
    view.source_size_bytes = stored->source_size_bytes;
    view.invalid_utf8_replaced = stored->invalid_utf8_replaced;
    for (std::uint32_t i = 0; i < stored->sentences.size(); ++i) {
        view.sentences.push_back(search::make_sentence_ref(*stored, i));
    }
    view.text = std::move(stored->text);
    return view;
}

std::uint64_t Engine::generation() const {
    return impl_->snapshot()->generation();
}

Result<CollectionStats> Engine::stats() const {
    auto snapshot = impl_->snapshot();
    CollectionStats stats;
    stats.path = impl_->path.string();
    stats.generation = snapshot->generation();
    stats.documents = snapshot->live_doc_count();
    for (const auto& view : snapshot->segments()) {
        const auto& info = view.reader->info();
        stats.sentences += info.sentence_count;
        stats.terms += info.term_count_all;
        stats.text_bytes += info.text_bytes;
        stats.index_bytes += view.reader->size_bytes();
        SegmentStats segment;
        segment.name = view.reader->name();
        segment.documents = view.reader->doc_count();
        segment.deleted = view.reader->doc_count() - view.live_count;
        segment.size_bytes = view.reader->size_bytes();
        stats.segments.push_back(std::move(segment));
    }
    stats.tokens = snapshot->field_stats(index::Field::All).total_length;
    return stats;
}

}  // namespace iskra
