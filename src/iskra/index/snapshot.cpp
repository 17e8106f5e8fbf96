#include "iskra/index/snapshot.hpp"

namespace iskra::index {

Snapshot::Snapshot(std::uint64_t generation, std::vector<SegmentView> segments)
    : generation_(generation), segments_(std::move(segments)) {
    for (SegmentView& view : segments_) {
        if (!view.deleted) {
            view.deleted = std::make_shared<const DeletedDocs>();
        }
        const SegmentReader& reader = *view.reader;
        view.live_count = reader.doc_count() - view.deleted->count();
        live_doc_count_ += view.live_count;
        std::uint64_t total_all = reader.info().total_length_all;
        std::uint64_t total_title = reader.info().total_length_title;
        view.deleted->for_each([&](DocId doc) {
            total_all -= reader.length(Field::All, doc);
            total_title -= reader.length(Field::Title, doc);
        });
        field_stats_[0].doc_count += view.live_count;
        field_stats_[0].total_length += total_all;
        field_stats_[1].doc_count += view.live_count;
        field_stats_[1].total_length += total_title;
    }
}

std::optional<DocLocation> Snapshot::find(std::string_view external_id) const {
    // Newest segments last: search from the end (a live id exists at most once anyway).
    for (std::size_t i = segments_.size(); i-- > 0;) {
        const SegmentView& view = segments_[i];
        auto docs = view.reader->find(external_id);
        for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
            if (view.is_live(*it)) {
                return DocLocation{static_cast<std::uint32_t>(i), *it};
            }
        }
    }
    return std::nullopt;
}

bool Snapshot::has_document(std::string_view external_id, std::uint64_t content_hash) const {
    auto location = find(external_id);
    return location
           && segments_[location->segment].reader->content_hash(location->doc) == content_hash;
}

std::uint64_t Snapshot::doc_freq(Field field, std::string_view term) const {
    std::uint64_t total = 0;
    for (const SegmentView& view : segments_) {
        if (auto info = view.reader->term_info(field, term)) {
            total += info->doc_freq;
        }
    }
    return total;
}

Result<StoredDocument> Snapshot::document(std::uint32_t segment, DocId doc) const {
    if (segment >= segments_.size() || doc >= segments_[segment].reader->doc_count()) {
        return Status::invalid_argument("no document " + std::to_string(doc) + " in segment "
                                        + std::to_string(segment));
    }
    return segments_[segment].reader->document(doc);
}

}  // namespace iskra::index
