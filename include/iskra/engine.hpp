#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "iskra/status.hpp"
#include "iskra/types.hpp"

namespace iskra {

struct OpenOptions {
    bool create_if_missing = false;
    bool read_only = false;  ///< no writer lock taken; add/remove/optimize fail
    std::uint64_t memory_budget_bytes = 1ull << 30;  ///< indexing buffer budget
    unsigned threads = 0;                            ///< 0: all cores
};

/// Progress of a long add, reported about every 100 ms.
struct AddProgress {
    std::uint64_t documents = 0;
    std::uint64_t bytes = 0;
    double seconds = 0;
    std::string current_path;
};

struct AddOptions {
    std::function<void(const AddProgress&)> on_progress;
    std::function<void(const std::string& path, const Status& why)> on_skip;
};

/// A collection of documents on disk, and everything iskra can do with it.
///
/// Thread-safe: queries run concurrently on consistent snapshots while one writer adds, removes
/// or optimizes; a query sees the collection as of the last commit before it started.
class Engine {
  public:
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    Engine(Engine&&) = delete;
    Engine& operator=(Engine&&) = delete;

    /// Opens the collection directory `dir`. Refuses a directory that is not an iskra collection
    /// (unless create_if_missing and it is empty or absent) and one whose files fail to open.
    static Result<std::unique_ptr<Engine>> open(const std::filesystem::path& dir,
                                                const OpenOptions& options = {});

    /// Ingests files or directories and commits them as one batch.
    Result<AddStats> add(const std::vector<std::filesystem::path>& paths,
                         const AddOptions& options = {});
    /// Deletes documents by external id; commits. Returns how many existed.
    Result<std::uint64_t> remove(const std::vector<std::string>& doc_ids);
    /// Merges all segments into one.
    Status optimize();
    /// Verifies every file's checksum. The message names each damaged file.
    Status check() const;

    Result<SearchResponse> search(const SearchRequest& request) const;
    Result<AskResponse> ask(const AskRequest& request) const;
    Result<TimelineResponse> timeline(const TimelineRequest& request) const;
    Result<std::vector<Entity>> entities(const std::string& type, std::uint32_t limit) const;
    Result<EntityDetail> entity(const std::string& name) const;
    Result<std::vector<QuizQuestion>> quiz(std::uint32_t count, std::uint64_t seed) const;
    Result<DocumentView> document(const std::string& doc_id) const;
    Result<CollectionStats> stats() const;
    /// The generation of the snapshot new requests read (stats().generation, without the rest).
    std::uint64_t generation() const;

    const std::filesystem::path& path() const;

    struct Impl;
    /// Only Engine can make a Key, so only open() constructs an Engine (through make_unique).
    class Key {
        friend class Engine;
        Key() = default;
    };
    Engine(Key key, std::unique_ptr<Impl> impl);

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace iskra
