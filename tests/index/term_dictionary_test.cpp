#include <cstdio>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "iskra/index/file_sink.hpp"
#include "iskra/index/footer.hpp"
#include "iskra/index/term_dictionary_reader.hpp"
#include "iskra/index/term_dictionary_writer.hpp"
#include "iskra/util/mapped_file.hpp"

#include "support/temp_dir.hpp"

namespace iskra::index {
namespace {

constexpr std::uint32_t kSeed = 424242;

std::map<std::string, TermInfo> random_terms(std::mt19937& rng, std::size_t count) {
    std::map<std::string, TermInfo> terms;
    std::uniform_int_distribution<int> letter('a', 'f');
    std::uniform_int_distribution<int> size(1, 9);
    while (terms.size() < count) {
        std::string key(1, static_cast<char>(rng() % 2));  // field byte
        int n = size(rng);
        for (int i = 0; i < n; ++i) {
            key.push_back(static_cast<char>(letter(rng)));
        }
        terms[key] = TermInfo{};
    }
    std::uint64_t doc = 0;
    std::uint64_t pos = 0;
    for (auto& [key, info] : terms) {
        info.doc_freq = 1 + rng() % 1000;
        info.total_freq = info.doc_freq + rng() % 100;
        info.doc_offset = doc += rng() % 5000;
        info.pos_offset = pos += rng() % 70000;
        info.max_freq = 1 + rng() % 50;
        info.min_length = rng() % 300;
    }
    return terms;
}

class DictionarySizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(DictionarySizes, FindsEveryTermAndIteratesPrefixes) {
    std::printf("seed %u size %zu\n", kSeed, GetParam());
    std::mt19937 rng(kSeed + static_cast<std::uint32_t>(GetParam()));
    auto terms = random_terms(rng, GetParam());
    testing::TempDir dir;
    auto sink = FileSink::create(dir / "t");
    ASSERT_TRUE(sink.ok());
    TermDictionaryWriter writer(*sink);
    for (const auto& [key, info] : terms) {
        writer.add(key, info);
    }
    writer.finish();
    ASSERT_TRUE(sink->finish().ok());
    auto mapped = util::MappedFile::open(dir / "t");
    ASSERT_TRUE(mapped.ok());
    auto content = read_footer(mapped->view(), "t", true);
    ASSERT_TRUE(content.ok());
    auto reader = TermDictionaryReader::open(*content, "t");
    ASSERT_TRUE(reader.ok()) << reader.status().to_string();
    EXPECT_EQ(reader->term_count(), terms.size());
    for (const auto& [key, info] : terms) {
        auto found = reader->find(key);
        ASSERT_TRUE(found.has_value()) << key;
        EXPECT_EQ(found->doc_freq, info.doc_freq);
        EXPECT_EQ(found->total_freq, info.total_freq);
        EXPECT_EQ(found->doc_offset, info.doc_offset);
        EXPECT_EQ(found->pos_offset, info.pos_offset);
        EXPECT_EQ(found->max_freq, info.max_freq);
        EXPECT_EQ(found->min_length, info.min_length);
        EXPECT_FALSE(reader->find(key + "z").has_value());
    }
    EXPECT_FALSE(reader->find(std::string(1, '\0')).has_value());
    EXPECT_FALSE(reader->find(std::string("\x02", 1)).has_value());
    for (std::string prefix :
         {std::string(1, '\0'), std::string("\1a"), std::string("\0ab", 3), std::string("\1fff")}) {
        std::vector<std::string> expected;
        for (const auto& [key, info] : terms) {
            if (key.compare(0, prefix.size(), prefix) == 0) {
                expected.push_back(key.substr(1));
            }
        }
        std::vector<std::string> got;
        for (auto it = reader->seek(prefix); it.next();) {
            got.emplace_back(it.term());
            EXPECT_EQ(it.info().doc_freq, terms.at(prefix.substr(0, 1) + got.back()).doc_freq);
        }
        EXPECT_EQ(got, expected);
    }
}

INSTANTIATE_TEST_SUITE_P(EdgeSizes,
                         DictionarySizes,
                         ::testing::Values(0, 1, 31, 32, 33, 1000, 20000));

}  // namespace
}  // namespace iskra::index
