// Runs the real `iskra` binary and checks its output, JSON and exit codes.
#include <array>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace iskra {
namespace {

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout and stderr, as a user sees them
};

std::string shell_quote(const std::string& s) {
    std::string quoted = "'";
    for (char c : s) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

RunResult run(const std::string& args, bool with_stderr = true) {
    std::string command = shell_quote((testing::binary_dir() / "iskra").string()) + " " + args
                          + (with_stderr ? " 2>&1" : " 2>/dev/null");
    RunResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    std::array<char, 4096> buffer{};
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.out.append(buffer.data(), got);
    }
    int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        collection_ = shell_quote((dir_ / "c").string());
        auto indexed =
            run("index " + collection_ + " " + shell_quote(testing::seeds_dir().string()));
        ASSERT_EQ(indexed.exit_code, 0) << indexed.out;
    }
    testing::TempDir dir_;
    std::string collection_;
};

TEST_F(Cli, SearchJsonHasTheDocumentedFields) {
    auto result = run("search " + collection_ + " '\"ice axe\"' -k 3 --json", false);
    ASSERT_EQ(result.exit_code, 0) << result.out;
    auto json = nlohmann::json::parse(result.out);
    ASSERT_TRUE(json.contains("hits"));
    ASSERT_TRUE(json.contains("total_hits"));
    ASSERT_FALSE(json["hits"].empty());
    const auto& hit = json["hits"][0];
    EXPECT_TRUE(hit.contains("doc_id"));
    EXPECT_TRUE(hit.contains("score"));
    ASSERT_FALSE(hit["snippets"].empty());
}

TEST_F(Cli, MalformedQueryExitsWithTwoAndAPosition) {
    auto result = run("search " + collection_ + " '(trotsky OR'");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.out.find("position"), std::string::npos) << result.out;
}

TEST_F(Cli, StatsCheckAndOptimizeSucceed) {
    EXPECT_EQ(run("stats " + collection_).exit_code, 0);
    auto check = run("check " + collection_);
    EXPECT_EQ(check.exit_code, 0) << check.out;
    EXPECT_EQ(run("optimize " + collection_).exit_code, 0);
    auto stats = nlohmann::json::parse(run("stats " + collection_ + " --json", false).out);
    EXPECT_EQ(stats["documents"], 5);
}

TEST_F(Cli, BatchQueriesWriteATrecRunAndReportLatency) {
    testing::write_text_file(dir_ / "queries.tsv", "q1\ttrotsky exile\nq2\t\"ice axe\"\n");
    auto result =
        run("search " + collection_ + " --queries " + shell_quote((dir_ / "queries.tsv").string())
            + " -k 5 --run " + shell_quote((dir_ / "run.txt").string()));
    ASSERT_EQ(result.exit_code, 0) << result.out;
    EXPECT_NE(result.out.find("latency_us mean="), std::string::npos);
    std::FILE* run_file = std::fopen((dir_ / "run.txt").c_str(), "r");
    ASSERT_NE(run_file, nullptr);
    char qid[64];
    char q0[8];
    char docid[256];
    int rank = 0;
    double score = 0;
    char tag[32];
    ASSERT_EQ(
        std::fscanf(run_file, "%63s %7s %255s %d %lf %31s", qid, q0, docid, &rank, &score, tag), 6);
    std::fclose(run_file);
    EXPECT_STREQ(q0, "Q0");
    EXPECT_EQ(rank, 1);
}

TEST_F(Cli, RemoveOfAnUnknownIdExitsWithNotFound) {
    EXPECT_EQ(run("remove " + collection_ + " no-such-id").exit_code, 3);
}

TEST(CliErrors, MissingCollectionAndUsageErrors) {
    testing::TempDir dir;
    auto missing = run("search " + shell_quote((dir / "nope").string()) + " foo");
    EXPECT_EQ(missing.exit_code, 3) << missing.out;
    EXPECT_NE(missing.out.find("nope"), std::string::npos);
    EXPECT_EQ(run("search").exit_code, 2);
    EXPECT_EQ(run("frobnicate x").exit_code, 2);
    EXPECT_EQ(run("--help").exit_code, 0);
    EXPECT_EQ(run("search --help").exit_code, 0);
}

TEST(CliErrors, ForeignDirectoryIsRefused) {
    testing::TempDir dir;
    testing::write_text_file(dir / "f" / "x.txt", "hello");
    auto result = run("stats " + shell_quote((dir / "f").string()));
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.out.find("not an iskra collection"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace iskra
