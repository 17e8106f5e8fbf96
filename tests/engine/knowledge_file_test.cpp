#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/engine.hpp"

#include "support/temp_dir.hpp"

namespace iskra {
namespace {

// The engine saves the collection-wide tables (names, timeline) next to the segments so that
// the next process reads them instead of rebuilding them from every stored document.

std::unique_ptr<Engine> open_engine(const std::filesystem::path& dir, bool create) {
    OpenOptions options;
    options.create_if_missing = create;
    auto engine = Engine::open(dir, options);
    EXPECT_TRUE(engine.ok()) << engine.status().to_string();
    return engine.ok() ? engine.take() : nullptr;
}

std::vector<std::filesystem::path> knowledge_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().starts_with("knowledge.")) {
            files.push_back(entry.path());
        }
    }
    return files;
}

std::vector<std::string> timeline_summaries(const Engine& engine) {
    TimelineRequest request;
    request.all = true;
    auto timeline = engine.timeline(request);
    EXPECT_TRUE(timeline.ok()) << timeline.status().to_string();
    std::vector<std::string> out;
    if (timeline.ok()) {
        for (const auto& event : timeline->events) {
            out.push_back(event.date.iso + " " + event.summary);
        }
    }
    return out;
}

class KnowledgeFile : public ::testing::Test {
  protected:
    void SetUp() override {
        testing::write_text_file(dir_ / "docs" / "a.txt",
                                 "Maria Weber was born on 3 March 1901 in Leipzig. In 1931 Weber "
                                 "became director of the Berlin Institute of Chemistry.\n");
        testing::write_text_file(dir_ / "docs" / "b.txt",
                                 "Karl Brenner met Maria Weber in Zurich in 1938. Brenner retired "
                                 "to Geneva in 1974.\n");
        auto engine = open_engine(collection(), true);
        ASSERT_NE(engine, nullptr);
        ASSERT_TRUE(engine->add({dir_ / "docs"}).ok());
    }
    std::filesystem::path collection() const { return dir_ / "c"; }
    testing::TempDir dir_;
};

TEST_F(KnowledgeFile, IsWrittenOnFirstUseAndReadByTheNextProcess) {
    EXPECT_TRUE(knowledge_files(collection()).empty());
    std::vector<std::string> built;
    {
        auto engine = open_engine(collection(), false);
        built = timeline_summaries(*engine);
    }
    ASSERT_GE(built.size(), 3u);
    ASSERT_EQ(knowledge_files(collection()).size(), 1u);
    auto engine = open_engine(collection(), false);
    EXPECT_EQ(timeline_summaries(*engine), built);
}

TEST_F(KnowledgeFile, ADamagedFileIsRebuiltAndReplaced) {
    std::vector<std::string> built = timeline_summaries(*open_engine(collection(), false));
    auto files = knowledge_files(collection());
    ASSERT_EQ(files.size(), 1u);
    testing::write_text_file(files[0], "not the tables");
    EXPECT_EQ(timeline_summaries(*open_engine(collection(), false)), built);
    auto rewritten = knowledge_files(collection());
    ASSERT_EQ(rewritten.size(), 1u);
    EXPECT_GT(std::filesystem::file_size(rewritten[0]), 100u);
}

TEST_F(KnowledgeFile, ANewCommitGetsANewFileAndTheOldOneGoes) {
    auto engine = open_engine(collection(), false);
    ASSERT_FALSE(timeline_summaries(*engine).empty());
    auto before = knowledge_files(collection());
    ASSERT_EQ(before.size(), 1u);
    testing::write_text_file(dir_ / "more" / "c.txt",
                             "Anna Schmidt joined Maria Weber in Leipzig in 1950.\n");
    ASSERT_TRUE(engine->add({dir_ / "more"}).ok());
    auto events = timeline_summaries(*engine);
    bool has_1950 = false;
    for (const auto& event : events) {
        has_1950 = has_1950 || event.starts_with("1950");
    }
    EXPECT_TRUE(has_1950);
    auto after = knowledge_files(collection());
    ASSERT_EQ(after.size(), 1u);
    EXPECT_NE(after[0], before[0]);
}

}  // namespace
}  // namespace iskra
