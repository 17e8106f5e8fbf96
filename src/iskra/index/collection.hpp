#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>

#include "iskra/index/collection_options.hpp"
#include "iskra/index/snapshot.hpp"
#include "iskra/status.hpp"

namespace iskra::index {

class IndexWriter;

/// A collection directory (docs/FORMAT.md): MANIFEST, segment folders, deletes files, LOCK.
///
/// Readers call snapshot() and never wait for the writer. One writer at a time (per collection
/// directory, across processes: an flock on LOCK) adds and removes documents; its commit()
/// publishes a new manifest atomically and replaces the snapshot that snapshot() returns.
///
/// Thread-safe. Keep it in a shared_ptr (the writer holds one).
class Collection : public std::enable_shared_from_this<Collection> {
  public:
    ~Collection();
    Collection(const Collection&) = delete;
    Collection& operator=(const Collection&) = delete;
    Collection(Collection&&) = delete;
    Collection& operator=(Collection&&) = delete;

    /// Opens the collection at `path`. Fails with
    ///  - InvalidArgument "not an iskra collection" for a non-empty directory without a valid
    ///    MANIFEST (or a file);
    ///  - NotFound when `path` does not exist and !options.create_if_missing;
    ///  - Unsupported for a collection written by a newer format version;
    ///  - Corruption naming the file when the manifest or a segment footer is damaged.
    static Result<std::shared_ptr<Collection>> open(const std::filesystem::path& path,
                                                    const CollectionOptions& options = {});

    /// The latest committed state. Cheap (a refcount), never blocks on the writer.
    std::shared_ptr<const Snapshot> snapshot() const;

    /// Re-reads MANIFEST and switches to its generation if another process committed since.
    Status refresh();

    /// Takes the writer lock. Busy when another writer (this process or another) holds it;
    /// InvalidArgument for a read-only collection. Cleans up files that no manifest names
    /// (left by a crash) before returning.
    Result<std::unique_ptr<IndexWriter>> writer();

    /// Verifies every file the current manifest names (checksums, sizes, footers).
    Status check() const;

    const std::filesystem::path& path() const { return path_; }
    const CollectionOptions& options() const { return options_; }

  private:
    friend class IndexWriter;
    Collection(std::filesystem::path path, CollectionOptions options);
    /// Publishes `snapshot` to snapshot() (called by the writer after a commit).
    void publish(std::shared_ptr<const Snapshot> snapshot);

    std::filesystem::path path_;
    CollectionOptions options_;
    mutable std::mutex mutex_;
    std::shared_ptr<const Snapshot> snapshot_;
};

/// Verifies the collection at `path` without opening a writer: the manifest and every file it
/// names. OK, or Corruption whose message names each damaged or missing file.
Status check_collection(const std::filesystem::path& path);

}  // namespace iskra::index
