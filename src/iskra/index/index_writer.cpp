#include "iskra/index/index_writer.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <map>
#include <system_error>
#include <thread>

#include "iskra/index/collection_files.hpp"
#include "iskra/index/deletes_file.hpp"
#include "iskra/index/index_writer_impl.hpp"
#include "iskra/index/segment_merger.hpp"

namespace iskra::index {

namespace {

// A batch is analyzed in parallel, then inverted by the calling thread. Its size bounds the
// analysis scratch memory (about 40 bytes per token).
constexpr std::size_t kBatchDocs = 256;
constexpr std::uint64_t kBatchBytes = std::uint64_t{1} << 20;

// The memory budget covers the whole of indexing, not only the inverted buffer: the documents
// being read, analyzed and cleaned, the cleaner's fingerprints (which grow with the collection),
// heap fragmentation and the segment build at a flush take the rest, so the buffer is flushed at
// this share of the budget. Measured on the 354 MB debian-prose corpus with the default 1 GiB:
// the buffer flushes twice and the peak RSS stays under the budget.
constexpr double kBufferShareOfBudget = 0.25;
// While a full buffer is written in the background, the next one may grow to this share of the
// budget before the writer waits for that flush: both buffers are in memory meanwhile.
constexpr double kOverlapShareOfBudget = 0.0625;

// Gives the freed buffer back to the system after a flush: glibc keeps freed heap memory in its
// arenas otherwise, and the next buffer would grow on top of it.
void release_freed_memory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

DeletedDocs sized_copy(const DeletedDocs& deleted, DocId doc_count) {
    if (deleted.capacity() >= doc_count) {
        return deleted;
    }
    DeletedDocs copy(doc_count);
    deleted.for_each([&](DocId doc) { copy.insert(doc); });
    return copy;
}

}  // namespace

IndexWriter::Impl::Impl(std::shared_ptr<Collection> collection_in,
                        util::File lock_in,
                        Manifest manifest_in,
                        std::shared_ptr<const Snapshot> base_in)
    : collection(std::move(collection_in)),
      dir(collection->path()),
      lock(std::move(lock_in)),
      manifest(std::move(manifest_in)),
      buffer(std::make_unique<SegmentWriter>()) {
    unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    threads = collection->options().threads == 0 ? hardware : collection->options().threads;
    threads = std::clamp(threads, 1u, 64u);
    for (unsigned t = 0; t < threads; ++t) {
        analyzers.emplace_back(collection->options().analyzer);
    }
    reset_base(std::move(base_in));
}

IndexWriter::Impl::~Impl() {
    wait_inversion();
    if (flusher.joinable()) {
        flusher.join();
        std::error_code error;
        std::filesystem::remove_all(dir / flushing_name, error);
    }
    // Uncommitted segments: nothing names them; remove them now rather than at the next open.
    std::error_code error;
    for (const PendingSegment& segment : pending) {
        std::filesystem::remove_all(dir / segment.name, error);
    }
}

void IndexWriter::Impl::reset_base(std::shared_ptr<const Snapshot> snapshot) {
    base = std::move(snapshot);
    base_deleted.clear();
    base_changed.assign(base->segments().size(), false);
    for (const SegmentView& view : base->segments()) {
        base_deleted.push_back(sized_copy(*view.deleted, view.reader->doc_count()));
    }
}

std::string IndexWriter::Impl::next_segment_name() {
    return "seg_" + std::to_string(manifest.next_segment_number++);
}

bool IndexWriter::Impl::remove_everywhere(std::string_view external_id) {
    bool hit = false;
    for (std::size_t i = 0; i < base->segments().size(); ++i) {
        for (DocId doc : base->segments()[i].reader->find(external_id)) {
            if (base_deleted[i].insert(doc)) {
                base_changed[i] = true;
                hit = true;
            }
        }
    }
    for (PendingSegment& segment : pending) {
        for (DocId doc : segment.reader->find(external_id)) {
            hit = segment.deleted.insert(doc) || hit;
        }
    }
    auto it = buffer_ids.find(std::string(external_id));
    if (it != buffer_ids.end()) {
        buffer_deleted[it->second.sequence - buffer_base] = true;
        buffer_ids.erase(it);
        hit = true;
    }
    stats.documents_removed += hit ? 1 : 0;
    return hit;
}

bool IndexWriter::Impl::has_document(std::string_view external_id,
                                     std::uint64_t content_hash) const {
    auto it = buffer_ids.find(std::string(external_id));
    if (it != buffer_ids.end()) {
        return it->second.content_hash == content_hash;
    }
    for (auto segment = pending.rbegin(); segment != pending.rend(); ++segment) {
        for (DocId doc : segment->reader->find(external_id)) {
            if (!segment->deleted.contains(doc)) {
                return segment->reader->content_hash(doc) == content_hash;
            }
        }
    }
    for (std::size_t i = 0; i < base->segments().size(); ++i) {
        const SegmentReader& reader = *base->segments()[i].reader;
        for (DocId doc : reader.find(external_id)) {
            if (!base_deleted[i].contains(doc)) {
                return reader.content_hash(doc) == content_hash;
            }
        }
    }
    return false;
}

Status IndexWriter::Impl::add(DocumentRecord record) {
    ISKRA_TRY(normalize_record(record));
    remove_everywhere(record.external_id);
    buffer_ids[record.external_id] = BufferedId{next_sequence++, record.content_hash};
    buffer_deleted.push_back(false);
    batch_bytes += record.text.size() + record.title.size();
    batch.push_back(std::move(record));
    ++stats.documents_added;
    if (batch.size() >= kBatchDocs || batch_bytes >= kBatchBytes) {
        return process_batch();
    }
    return {};
}

Status IndexWriter::Impl::process_batch() {
    if (!flush_error.ok()) {
        return flush_error;  // a failed background flush lost documents: nothing commits
    }
    if (batch.empty()) {
        return {};
    }
    analyzed.resize(std::max(analyzed.size(), batch.size()));
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned thread) {
        for (std::size_t i = next++; i < batch.size(); i = next++) {
            analyze_document(analyzers[thread], batch[i], analyzed[i]);
        }
    };
    std::vector<std::thread> workers;
    unsigned helpers = static_cast<unsigned>(std::min<std::size_t>(threads, batch.size())) - 1;
    for (unsigned t = 1; t <= helpers; ++t) {
        workers.emplace_back(work, t);
    }
    work(0);
    for (std::thread& worker : workers) {
        worker.join();
    }
    wait_inversion();
    auto budget = static_cast<double>(collection->options().memory_budget_bytes);
    auto buffered = static_cast<double>(buffer->memory_bytes());
    if (flusher.joinable() && buffered >= kOverlapShareOfBudget * budget) {
        ISKRA_TRY(finish_flush());
    }
    if (buffer->doc_count() > 0 && buffered >= kBufferShareOfBudget * budget) {
        ISKRA_TRY(finish_flush());
        start_flush();
    }
    std::swap(batch, inverting_batch);
    std::swap(analyzed, inverting_analyzed);
    batch.clear();
    batch_bytes = 0;
    inverter = std::thread([this] {
        for (std::size_t i = 0; i < inverting_batch.size(); ++i) {
            buffer->add(inverting_batch[i], inverting_analyzed[i]);
            inverting_analyzed[i].clear();  // frees a large document's tokens now
        }
    });
    return {};
}

void IndexWriter::Impl::wait_inversion() {
    if (inverter.joinable()) {
        inverter.join();
        stats.buffered_bytes = buffer->memory_bytes();
    }
}

// Moves the full buffer to `flusher`, which builds its segment while a new buffer fills.
// REQUIRES: no flush running, inversion waited for.
void IndexWriter::Impl::start_flush() {
    flushing_count = buffer->doc_count();
    flushing_name = next_segment_name();
    flushing = std::move(buffer);
    buffer = std::make_unique<SegmentWriter>();
    stats.buffered_bytes = 0;
    flusher = std::thread([this] {
        auto built = flushing->flush(dir / flushing_name);
        if (built.ok()) {
            flushing_built = built.take();
        } else {
            flushing_status = built.status();
        }
        flushing.reset();
        release_freed_memory();  // back to the system now, not after the next buffer grew
    });
}

// Waits for the background flush and makes its segment pending, with the deletes that came
// while it was written.
Status IndexWriter::Impl::finish_flush() {
    if (!flusher.joinable()) {
        return flush_error;
    }
    flusher.join();
    flush_error = std::move(flushing_status);
    flushing_status = {};
    ISKRA_TRY(flush_error);
    PendingSegment segment;
    segment.name = flushing_name;
    segment.built = std::move(flushing_built);
    auto reader = SegmentReader::open(dir / segment.name, segment.name);
    if (!reader.ok()) {
        flush_error = reader.status();
        return flush_error;
    }
    segment.reader = reader.take();
    segment.deleted = DeletedDocs(flushing_count);
    for (DocId doc = 0; doc < flushing_count; ++doc) {
        if (buffer_deleted[doc]) {
            segment.deleted.insert(doc);
        }
    }
    pending.push_back(std::move(segment));
    buffer_deleted.erase(buffer_deleted.begin(), buffer_deleted.begin() + flushing_count);
    buffer_base += flushing_count;
    flushing_count = 0;
    // Ids of flushed documents are now found through the pending segment's reader.
    std::erase_if(buffer_ids,
                  [&](const auto& entry) { return entry.second.sequence < buffer_base; });
    stats.segments_flushed += 1;
    return {};
}

Status IndexWriter::Impl::flush_inverted() {
    ISKRA_TRY(finish_flush());
    if (buffer->doc_count() == 0) {
        return {};
    }
    start_flush();
    return finish_flush();
}

Status IndexWriter::Impl::flush_buffer() {
    ISKRA_TRY(process_batch());
    wait_inversion();
    return flush_inverted();
}

Status IndexWriter::Impl::publish(Manifest next, std::vector<SegmentView> views) {
    ISKRA_TRY(next.write(dir));
    manifest = std::move(next);
    auto snapshot = std::make_shared<const Snapshot>(manifest.generation, std::move(views));
    collection->publish(snapshot);
    reset_base(std::move(snapshot));
    remove_unreferenced_files(dir, manifest);
    return {};
}

Result<std::uint64_t> IndexWriter::Impl::commit() {
    ISKRA_TRY(flush_buffer());
    bool changed =
        !pending.empty()
        || std::any_of(base_changed.begin(), base_changed.end(), [](bool b) { return b; });
    if (changed) {
        Manifest next;
        next.generation = manifest.generation + 1;
        next.next_segment_number = manifest.next_segment_number;
        std::vector<SegmentView> views;
        auto keep = [&](ManifestSegment segment,
                        std::shared_ptr<const SegmentReader> reader,
                        const DeletedDocs& deleted,
                        bool deletes_changed) -> Status {
            if (deleted.count() >= segment.doc_count) {
                return {};  // nothing live: the segment leaves the collection
            }
            if (deletes_changed && deleted.count() > 0) {
                segment.deletes_file = deletes_file_name(segment.name, next.generation);
                auto crc = write_deletes_file(dir / segment.deletes_file, deleted);
                ISKRA_TRY(crc);
                segment.deletes_crc = *crc;
                segment.deleted_count = deleted.count();
            }
            views.push_back({std::move(reader), std::make_shared<const DeletedDocs>(deleted), 0});
            next.segments.push_back(std::move(segment));
            return {};
        };
        for (std::size_t i = 0; i < manifest.segments.size(); ++i) {
            ISKRA_TRY(keep(manifest.segments[i],
                           base->segments()[i].reader,
                           base_deleted[i],
                           base_changed[i]));
        }
        for (PendingSegment& segment : pending) {
            ManifestSegment entry;
            entry.name = segment.name;
            entry.doc_count = segment.reader->doc_count();
            entry.files = segment.built.files;
            ISKRA_TRY(keep(std::move(entry), segment.reader, segment.deleted, true));
        }
        pending.clear();
        ISKRA_TRY(publish(std::move(next), std::move(views)));
    }
    ISKRA_TRY(maybe_merge(false));
    return manifest.generation;
}

Status IndexWriter::Impl::maybe_merge(bool everything) {
    const MergePolicyOptions& policy = collection->options().merge;
    while (true) {
        std::vector<std::size_t> chosen;
        auto segments = base->segments();
        if (everything) {
            bool worth =
                segments.size() > 1 || (segments.size() == 1 && segments[0].deleted->count() > 0);
            if (!worth) {
                return {};
            }
            for (std::size_t i = 0; i < segments.size(); ++i) {
                chosen.push_back(i);
            }
        } else {
            // Tiers by live documents: [0, floor), [floor, 10 floor), [10 floor, 100 floor)...
            std::map<int, std::vector<std::size_t>> tiers;
            for (std::size_t i = 0; i < segments.size(); ++i) {
                double ratio = static_cast<double>(segments[i].live_count)
                               / std::max<double>(1.0, policy.floor_doc_count);
                int tier = ratio < 1.0 ? 0 : 1 + static_cast<int>(std::floor(std::log10(ratio)));
                tiers[tier].push_back(i);
            }
            for (auto& [tier, members] : tiers) {
                if (members.size() > policy.segments_per_tier) {
                    chosen = members;
                    break;
                }
            }
            if (chosen.empty()) {
                return {};
            }
        }
        ISKRA_TRY(merge(chosen));
        if (everything) {
            return {};
        }
    }
}

Status IndexWriter::Impl::merge(const std::vector<std::size_t>& segment_indices) {
    std::vector<MergeInput> inputs;
    for (std::size_t i : segment_indices) {
        inputs.push_back({base->segments()[i].reader.get(), &base_deleted[i]});
    }
    std::string name = next_segment_name();
    auto built = merge_segments(inputs, dir / name);
    ISKRA_TRY(built);
    auto reader = SegmentReader::open(dir / name, name);
    ISKRA_TRY(reader);
    Manifest next;
    next.generation = manifest.generation + 1;
    next.next_segment_number = manifest.next_segment_number;
    std::vector<SegmentView> views;
    bool placed = false;
    for (std::size_t i = 0; i < manifest.segments.size(); ++i) {
        bool merged =
            std::find(segment_indices.begin(), segment_indices.end(), i) != segment_indices.end();
        if (!merged) {
            next.segments.push_back(manifest.segments[i]);
            views.push_back(base->segments()[i]);
        } else if (!placed && (*reader)->doc_count() > 0) {
            ManifestSegment entry;
            entry.name = name;
            entry.doc_count = (*reader)->doc_count();
            entry.files = built->files;
            next.segments.push_back(std::move(entry));
            views.push_back({*reader, std::make_shared<const DeletedDocs>(), 0});
            placed = true;
        } else {
            placed = true;
        }
    }
    stats.segments_merged += segment_indices.size();
    return publish(std::move(next), std::move(views));
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;

Status IndexWriter::add(DocumentRecord record) {
    return impl_->add(std::move(record));
}

Status IndexWriter::remove(std::string_view external_id) {
    impl_->remove_everywhere(external_id);
    return {};
}

bool IndexWriter::has_document(std::string_view external_id, std::uint64_t content_hash) const {
    return impl_->has_document(external_id, content_hash);
}

Result<std::uint64_t> IndexWriter::commit() {
    return impl_->commit();
}

Status IndexWriter::optimize() {
    ISKRA_TRY(impl_->commit());
    return impl_->maybe_merge(true);
}

const WriterStats& IndexWriter::stats() const {
    return impl_->stats;
}

}  // namespace iskra::index
