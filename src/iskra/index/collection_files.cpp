#include "iskra/index/collection_files.hpp"

#include <set>
#include <string>
#include <system_error>

#include "iskra/index/deletes_file.hpp"
#include "iskra/index/format.hpp"

namespace iskra::index {

namespace {

Result<std::shared_ptr<const SegmentReader>> open_reader(const std::filesystem::path& dir,
                                                         const ManifestSegment& segment,
                                                         const Snapshot* previous,
                                                         bool verify_checksums) {
    if (previous != nullptr) {
        for (const SegmentView& view : previous->segments()) {
            if (view.reader->name() == segment.name) {
                return view.reader;
            }
        }
    }
    auto reader = SegmentReader::open(dir / segment.name, segment.name);
    ISKRA_TRY(reader);
    if (verify_checksums) {
        ISKRA_TRY((*reader)->verify());
    }
    if ((*reader)->doc_count() != segment.doc_count) {
        return Status::corruption(
            (dir / segment.name).string() + ": holds " + std::to_string((*reader)->doc_count())
            + " documents, the manifest says " + std::to_string(segment.doc_count));
    }
    return reader;
}

}  // namespace

Result<std::shared_ptr<const Snapshot>> load_snapshot(const std::filesystem::path& dir,
                                                      const Manifest& manifest,
                                                      const Snapshot* previous,
                                                      bool verify_checksums) {
    std::vector<SegmentView> views;
    for (const ManifestSegment& segment : manifest.segments) {
        auto reader = open_reader(dir, segment, previous, verify_checksums);
        ISKRA_TRY(reader);
        SegmentView view;
        view.reader = reader.take();
        if (segment.deletes_file.empty()) {
            view.deleted = std::make_shared<const DeletedDocs>();
        } else {
            auto deleted = read_deletes_file(dir / segment.deletes_file, segment.doc_count);
            ISKRA_TRY(deleted);
            if (deleted->count() != segment.deleted_count) {
                return Status::corruption((dir / segment.deletes_file).string()
                                          + ": deleted count does not match the manifest");
            }
            view.deleted = std::make_shared<const DeletedDocs>(deleted.take());
        }
        views.push_back(std::move(view));
    }
    return std::make_shared<const Snapshot>(manifest.generation, std::move(views));
}

void remove_unreferenced_files(const std::filesystem::path& dir, const Manifest& manifest) {
    std::set<std::string> keep;
    for (const ManifestSegment& segment : manifest.segments) {
        keep.insert(segment.name);
        if (!segment.deletes_file.empty()) {
            keep.insert(segment.deletes_file);
        }
    }
    std::error_code error;
    std::vector<std::filesystem::path> doomed;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        std::string name = entry.path().filename().string();
        bool ours = name.rfind("seg_", 0) == 0
                    || (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0);
        if (ours && keep.count(name) == 0) {
            doomed.push_back(entry.path());
        }
    }
    for (const auto& path : doomed) {
        std::filesystem::remove_all(path, error);
    }
}

}  // namespace iskra::index
