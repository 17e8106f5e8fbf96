#include "iskra/index/collection.hpp"

#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>

#include <sys/file.h>

#include "iskra/index/collection_files.hpp"
#include "iskra/index/deletes_file.hpp"
#include "iskra/index/footer.hpp"
#include "iskra/index/format.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/index/index_writer_impl.hpp"
#include "iskra/index/manifest.hpp"
#include "iskra/util/file.hpp"
#include "iskra/util/mapped_file.hpp"

namespace iskra::index {

namespace {

constexpr int kOpenAttempts = 20;

// True when the directory holds nothing but what a collection creation may leave behind.
bool is_blank_directory(const std::filesystem::path& dir) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        auto name = entry.path().filename().string();
        if (name != kLockFile && name != std::string(kManifestFile) + ".tmp") {
            return false;
        }
    }
    return !error;
}

Status prepare_directory(const std::filesystem::path& path, const CollectionOptions& options) {
    std::error_code error;
    bool creatable = options.create_if_missing && !options.read_only;
    if (!std::filesystem::exists(path, error)) {
        if (!creatable) {
            return Status::not_found("no collection at " + path.string());
        }
        std::filesystem::create_directories(path, error);
        if (error) {
            return Status::io_error("cannot create " + path.string() + ": " + error.message());
        }
    }
    if (!std::filesystem::is_directory(path, error)) {
        return Status::invalid_argument(path.string()
                                        + ": not an iskra collection (not a directory)");
    }
    if (std::filesystem::exists(path / kManifestFile, error)) {
        return {};
    }
    if (!is_blank_directory(path)) {
        return Status::invalid_argument(path.string()
                                        + ": not an iskra collection (no MANIFEST file)");
    }
    if (!creatable) {
        return Status::not_found("no collection at " + path.string() + " (empty directory)");
    }
    return Manifest{}.write(path);
}

}  // namespace

Collection::Collection(std::filesystem::path path, CollectionOptions options)
    : path_(std::move(path)), options_(std::move(options)) {}

Collection::~Collection() = default;

Result<std::shared_ptr<Collection>> Collection::open(const std::filesystem::path& path,
                                                     const CollectionOptions& options) {
    ISKRA_TRY(prepare_directory(path, options));
    std::shared_ptr<Collection> collection(new Collection(path, options));
    ISKRA_TRY(collection->refresh());
    return collection;
}

std::shared_ptr<const Snapshot> Collection::snapshot() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
}

void Collection::publish(std::shared_ptr<const Snapshot> snapshot) {
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(snapshot);
}

Status Collection::refresh() {
    // A writer in another process may delete the segments of the manifest we just read (after
    // committing a merge); then the next manifest names their replacement: read it and retry.
    Status last;
    for (int attempt = 0; attempt < kOpenAttempts; ++attempt) {
        auto manifest = Manifest::read(path_);
        ISKRA_TRY(manifest);
        auto current = snapshot();
        if (current && current->generation() == manifest->generation) {
            return {};
        }
        auto loaded =
            load_snapshot(path_, *manifest, current.get(), options_.verify_checksums_on_open);
        if (loaded.ok()) {
            publish(loaded.take());
            return {};
        }
        last = loaded.status();
        if (last.code() != StatusCode::NotFound) {
            return last;
        }
    }
    return last;
}

Result<std::unique_ptr<IndexWriter>> Collection::writer() {
    if (options_.read_only) {
        return Status::invalid_argument(path_.string() + ": collection opened read-only");
    }
    auto lock = util::File::open_append(path_ / kLockFile);
    ISKRA_TRY(lock);
    if (::flock(lock->fd(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK) {
            return Status::busy(path_.string() + ": another writer holds the collection's LOCK");
        }
        return Status::io_error("cannot lock " + (path_ / kLockFile).string() + ": "
                                + util::errno_message(errno));
    }
    ISKRA_TRY(refresh());
    auto manifest = Manifest::read(path_);
    ISKRA_TRY(manifest);
    auto base = snapshot();
    if (base->generation() != manifest->generation) {
        return Status::internal("manifest changed while holding the writer lock");
    }
    remove_unreferenced_files(path_, *manifest);
    auto impl = std::make_unique<IndexWriter::Impl>(
        shared_from_this(), lock.take(), manifest.take(), std::move(base));
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Status Collection::check() const {
    return check_collection(path_);
}

namespace {

void check_file(const std::filesystem::path& path,
                std::uint64_t size,
                std::uint32_t crc,
                std::vector<std::string>& damaged) {
    auto mapped = util::MappedFile::open(path);
    if (!mapped.ok()) {
        damaged.push_back(path.string() + ": " + mapped.status().message());
        return;
    }
    auto content = read_footer(mapped->view(), path.string(), true);
    if (!content.ok()) {
        damaged.push_back(content.status().message());
        return;
    }
    if (mapped->size() != size) {
        damaged.push_back(path.string() + ": size differs from the manifest's");
        return;
    }
    std::string_view footer = mapped->view().substr(mapped->size() - kFooterSize);
    std::uint32_t stored_crc = 0;
    std::memcpy(&stored_crc, footer.data() + 8, 4);
    if (stored_crc != crc) {
        damaged.push_back(path.string() + ": checksum differs from the manifest's");
    }
}

}  // namespace

Status check_collection(const std::filesystem::path& path) {
    auto manifest = Manifest::read(path);
    if (!manifest.ok()) {
        return manifest.status();
    }
    std::vector<std::string> damaged;
    for (const ManifestSegment& segment : manifest->segments) {
        std::set<std::string> listed;
        for (const SegmentFile& file : segment.files) {
            listed.insert(file.name);
            check_file(path / segment.name / file.name, file.size_bytes, file.crc, damaged);
        }
        for (std::string_view name : kSegmentFiles) {
            if (listed.count(std::string(name)) == 0) {
                damaged.push_back((path / segment.name / name).string()
                                  + ": not listed in the manifest");
            }
        }
        if (!segment.deletes_file.empty()) {
            auto deleted = read_deletes_file(path / segment.deletes_file, segment.doc_count);
            if (!deleted.ok()) {
                damaged.push_back(deleted.status().message());
            } else if (deleted->count() != segment.deleted_count) {
                damaged.push_back((path / segment.deletes_file).string()
                                  + ": deleted count differs from the manifest's");
            }
        }
        if (damaged.empty()) {
            auto reader = SegmentReader::open(path / segment.name, segment.name);
            if (!reader.ok()) {
                damaged.push_back(reader.status().message());
            }
        }
    }
    if (damaged.empty()) {
        return {};
    }
    std::string message = std::to_string(damaged.size()) + " damaged file(s): ";
    for (std::size_t i = 0; i < damaged.size(); ++i) {
        message += (i == 0 ? "" : "; ") + damaged[i];
    }
    return Status::corruption(message);
}

}  // namespace iskra::index
