// Crash safety: a child process adds batches and commits in a loop; the parent SIGKILLs it at
// random moments and checks that the collection always holds exactly the committed batches.

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "iskra/index/collection.hpp"
#include "iskra/index/index_writer.hpp"

#include "support/temp_dir.hpp"

namespace iskra::index {
namespace {

constexpr std::uint32_t kSeed = 1729;
constexpr int kKills = 60;
constexpr int kDocsPerBatch = 5;

CollectionOptions crash_options() {
    CollectionOptions options;
    options.create_if_missing = true;
    options.threads = 2;
    options.merge.segments_per_tier = 3;  // merge often, so kills land inside merges too
    options.merge.floor_doc_count = 10;
    return options;
}

std::string batch_doc_id(int batch, int doc) {
    return "b" + std::to_string(batch) + "-" + std::to_string(doc);
}

std::set<std::string> live_ids(const Snapshot& snapshot) {
    std::set<std::string> ids;
    for (const SegmentView& view : snapshot.segments()) {
        for (DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            if (view.is_live(doc)) {
                ids.insert(std::string(view.reader->external_id(doc)));
            }
        }
    }
    return ids;
}

// The k such that `ids` is exactly the union of batches 0..k (-1 for none), or -2 if it is not
// such a union.
int committed_batches(const std::set<std::string>& ids) {
    int k = static_cast<int>(ids.size() / kDocsPerBatch) - 1;
    if (ids.size() % kDocsPerBatch != 0) {
        return -2;
    }
    for (int batch = 0; batch <= k; ++batch) {
        for (int doc = 0; doc < kDocsPerBatch; ++doc) {
            if (ids.count(batch_doc_id(batch, doc)) == 0) {
                return -2;
            }
        }
    }
    return k;
}

[[noreturn]] void run_child(const std::filesystem::path& path) {
    auto collection = Collection::open(path, crash_options());
    if (!collection.ok()) {
        _exit(10);
    }
    auto writer = (*collection)->writer();
    if (!writer.ok()) {
        _exit(11);
    }
    int batch = committed_batches(live_ids(*(*collection)->snapshot())) + 1;
    for (;; ++batch) {
        for (int doc = 0; doc < kDocsPerBatch; ++doc) {
            DocumentRecord record;
            record.external_id = batch_doc_id(batch, doc);
            record.title = "Batch " + std::to_string(batch);
            record.text = "Document " + std::to_string(doc) + " of batch " + std::to_string(batch)
                          + " has some words in it. And a second sentence.";
            if (!(*writer)->add(std::move(record)).ok()) {
                _exit(12);
            }
        }
        if (!(*writer)->commit().ok()) {
            _exit(13);
        }
    }
}

TEST(CrashSafety, KilledWriterLeavesExactlyTheCommittedBatches) {
    std::printf("seed %u, %d kills\n", kSeed, kKills);
    std::mt19937 rng(kSeed);
    std::uniform_int_distribution<int> delay_us(0, 300000);
    testing::TempDir dir;
    auto path = dir / "c";
    ASSERT_TRUE(Collection::open(path, crash_options()).ok());
    int previous = -1;
    for (int kill_index = 0; kill_index < kKills; ++kill_index) {
        pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            run_child(path);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
        ::kill(child, SIGKILL);
        int wait_status = 0;
        ASSERT_EQ(::waitpid(child, &wait_status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(wait_status))
            << "child failed on its own with exit code " << WEXITSTATUS(wait_status);

        auto collection = Collection::open(path, crash_options());
        ASSERT_TRUE(collection.ok()) << collection.status().to_string();
        Status check = (*collection)->check();
        ASSERT_TRUE(check.ok()) << "after kill " << kill_index << ": " << check.to_string();
        int k = committed_batches(live_ids(*(*collection)->snapshot()));
        ASSERT_GE(k, -1) << "after kill " << kill_index << ": not a union of whole batches";
        ASSERT_GE(k, previous) << "a committed batch was lost";
        previous = k;
        {
            auto writer = (*collection)->writer();  // cleans up what the crash left behind
            ASSERT_TRUE(writer.ok()) << writer.status().to_string();
        }
        std::set<std::string> referenced;
        for (const SegmentView& view : (*collection)->snapshot()->segments()) {
            referenced.insert(view.reader->name());
        }
        for (const auto& entry : std::filesystem::directory_iterator(path)) {
            std::string name = entry.path().filename().string();
            EXPECT_FALSE(name.size() > 4 && name.substr(name.size() - 4) == ".tmp") << name;
            if (entry.is_directory()) {
                EXPECT_EQ(referenced.count(name), 1u) << "orphan segment " << name;
            }
        }
    }
    std::printf("batches committed: %d\n", previous + 1);
    EXPECT_GT(previous, 5) << "the child should make progress between kills";
}

}  // namespace
}  // namespace iskra::index
