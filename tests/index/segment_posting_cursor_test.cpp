#include "iskra/index/segment_posting_cursor.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/index/file_sink.hpp"
#include "iskra/index/footer.hpp"
#include "iskra/index/postings_writer.hpp"
#include "iskra/util/mapped_file.hpp"

#include "support/temp_dir.hpp"

namespace iskra::index {
namespace {

constexpr std::uint32_t kSeed = 20261122;

struct Posting {
    DocId doc;
    std::uint32_t freq;
    std::vector<std::uint32_t> positions;
};

// Writes one list (after a decoy list, so offsets are not zero) and maps the files back.
class EncodedList {
  public:
    EncodedList(const std::vector<Posting>& postings, const std::vector<std::uint32_t>& lengths) {
        auto docs = FileSink::create(dir_ / "d");
        auto pos = FileSink::create(dir_ / "p");
        EXPECT_TRUE(docs.ok() && pos.ok());
        PostingsWriter writer(*docs, *pos);
        writer.begin_term(lengths);
        writer.add(0, 3, std::vector<std::uint32_t>{1, 5});
        writer.end_term();
        writer.begin_term(lengths);
        for (const Posting& p : postings) {
            writer.add(p.doc, p.freq, p.positions);
        }
        info_ = writer.end_term();
        EXPECT_TRUE(docs->finish().ok());
        EXPECT_TRUE(pos->finish().ok());
        doc_file_ = util::MappedFile::open(dir_ / "d").take();
        pos_file_ = util::MappedFile::open(dir_ / "p").take();
    }
    SegmentPostingCursor cursor() const {
        return SegmentPostingCursor(doc_file_.bytes().data() + info_.doc_offset,
                                    pos_file_.bytes().data() + info_.pos_offset,
                                    info_);
    }
    const TermInfo& info() const { return info_; }

  private:
    testing::TempDir dir_;
    TermInfo info_;
    util::MappedFile doc_file_;
    util::MappedFile pos_file_;
};

std::vector<Posting> random_postings(std::mt19937& rng, std::size_t count, std::uint32_t max_gap) {
    std::vector<Posting> out;
    DocId doc = 0;
    std::uniform_int_distribution<std::uint32_t> gap(1, max_gap);
    std::geometric_distribution<std::uint32_t> small(0.4);
    for (std::size_t i = 0; i < count; ++i) {
        doc = (i == 0 ? gap(rng) - 1 : doc + gap(rng));
        std::uint32_t npos = 1 + small(rng) % 5;
        Posting p{doc, npos + small(rng), {}};  // freq >= position count, as in Field::All
        std::uint32_t position = small(rng);
        for (std::uint32_t k = 0; k < npos; ++k) {
            p.positions.push_back(position);
            position += 1 + small(rng) * 7;
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<std::uint32_t> random_lengths(std::mt19937& rng, const std::vector<Posting>& postings) {
    DocId max_doc = postings.empty() ? 0 : postings.back().doc;
    std::vector<std::uint32_t> lengths(max_doc + 1);
    std::uniform_int_distribution<std::uint32_t> length(1, 5000);
    for (auto& l : lengths) {
        l = length(rng);
    }
    return lengths;
}

class CursorSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(CursorSizes, NextDecodesEveryPostingAndPositions) {
    std::printf("seed %u size %zu\n", kSeed, GetParam());
    std::mt19937 rng(kSeed + static_cast<std::uint32_t>(GetParam()));
    auto postings = random_postings(rng, GetParam(), 40);
    auto lengths = random_lengths(rng, postings);
    EncodedList list(postings, lengths);
    auto cursor = list.cursor();
    ASSERT_EQ(cursor.doc_freq(), postings.size());
    std::uint32_t max_freq = 0;
    std::uint32_t min_length = ~0u;
    for (const Posting& p : postings) {
        ASSERT_EQ(cursor.doc(), p.doc);
        ASSERT_EQ(cursor.freq(), p.freq);
        auto positions = cursor.positions();
        ASSERT_EQ(std::vector<std::uint32_t>(positions.begin(), positions.end()), p.positions);
        max_freq = std::max(max_freq, p.freq);
        min_length = std::min(min_length, lengths[p.doc]);
        cursor.next();
    }
    EXPECT_EQ(cursor.doc(), kEndOfPostings);
    EXPECT_EQ(cursor.max_freq(), max_freq);
    EXPECT_EQ(cursor.min_length(), min_length);
}

TEST_P(CursorSizes, AdvanceMatchesReference) {
    std::printf("seed %u size %zu\n", kSeed, GetParam());
    std::mt19937 rng(kSeed * 3 + static_cast<std::uint32_t>(GetParam()));
    auto postings = random_postings(rng, GetParam(), 20);
    EncodedList list(postings, random_lengths(rng, postings));
    for (int trial = 0; trial < 20; ++trial) {
        auto cursor = list.cursor();
        DocId target = 0;
        std::size_t ref = 0;
        std::uniform_int_distribution<std::uint32_t> jump(0, trial < 10 ? 50 : 5000);
        while (true) {
            target += jump(rng);
            cursor.advance(target);
            while (ref < postings.size() && postings[ref].doc < target) {
                ++ref;
            }
            if (ref == postings.size()) {
                ASSERT_EQ(cursor.doc(), kEndOfPostings);
                break;
            }
            ASSERT_EQ(cursor.doc(), postings[ref].doc) << "target " << target;
            ASSERT_EQ(cursor.freq(), postings[ref].freq);
            if (trial % 3 == 0) {
                auto positions = cursor.positions();
                ASSERT_EQ(std::vector<std::uint32_t>(positions.begin(), positions.end()),
                          postings[ref].positions);
            }
            target = cursor.doc();
        }
    }
}

TEST_P(CursorSizes, BlockMaxValuesBoundEveryPostingOfTheirBlock) {
    std::printf("seed %u size %zu\n", kSeed, GetParam());
    std::mt19937 rng(kSeed * 7 + static_cast<std::uint32_t>(GetParam()));
    auto postings = random_postings(rng, GetParam(), 30);
    auto lengths = random_lengths(rng, postings);
    EncodedList list(postings, lengths);
    // Shallow moves to random targets: the bounds must hold for every posting up to
    // block_last_doc() that is >= target, and block_last_doc() must be >= target.
    auto cursor = list.cursor();
    DocId target = 0;
    std::uniform_int_distribution<std::uint32_t> jump(1, 400);
    while (true) {
        target += jump(rng);
        cursor.advance_shallow(target);
        DocId last = cursor.block_last_doc();
        if (last == kEndOfPostings) {
            ASSERT_TRUE(postings.empty() || postings.back().doc < target);
            break;
        }
        ASSERT_GE(last, target);
        auto first = std::lower_bound(
            postings.begin(), postings.end(), target, [](const Posting& p, DocId t) {
                return p.doc < t;
            });
        bool found_last = false;
        for (auto it = first; it != postings.end() && it->doc <= last; ++it) {
            ASSERT_LE(it->freq, cursor.block_max_freq());
            ASSERT_GE(lengths[it->doc], cursor.block_min_length());
            found_last = found_last || it->doc == last;
        }
        ASSERT_TRUE(found_last) << "block_last_doc must be a posting";
        if (target % 3 == 0) {
            cursor.advance(target);  // mixing deep and shallow moves keeps them consistent
            ASSERT_GE(cursor.block_last_doc(), cursor.doc());
        }
    }
}

INSTANTIATE_TEST_SUITE_P(EdgeSizes,
                         CursorSizes,
                         ::testing::Values(1, 2, 127, 128, 129, 255, 256, 257, 1000, 100000));

// Positions are decoded a 128-value chunk at a time, only for the documents asked: documents whose
// positions span several chunks, read sparsely, twice, and after skipping others.
TEST(SegmentPostingCursor, SparsePositionReadsMatchAcrossChunks) {
    std::mt19937 rng(kSeed + 7);
    std::uniform_int_distribution<std::uint32_t> count(0, 300);
    std::vector<Posting> postings;
    for (DocId doc = 0; doc < 600; ++doc) {
        Posting p{doc * 3, 0, {}};
        const std::uint32_t n = doc % 7 == 0 ? count(rng) : 1 + doc % 4;
        for (std::uint32_t k = 0; k < n; ++k) {
            p.positions.push_back(k * 2 + doc % 5);
        }
        p.freq = std::max<std::uint32_t>(1, n) + doc % 2;
        if (n == 0) {
            p.positions.push_back(0);
        }
        postings.push_back(std::move(p));
    }
    EncodedList list(postings, random_lengths(rng, postings));
    for (std::uint32_t stride : {1u, 2u, 5u, 13u}) {
        auto cursor = list.cursor();
        for (std::size_t i = 0; i < postings.size(); ++i, cursor.next()) {
            ASSERT_EQ(cursor.doc(), postings[i].doc);
            if (i % stride != 0) {
                continue;
            }
            for (int again = 0; again < 2; ++again) {
                auto positions = cursor.positions();
                ASSERT_EQ(std::vector<std::uint32_t>(positions.begin(), positions.end()),
                          postings[i].positions)
                    << "doc " << postings[i].doc << " stride " << stride;
            }
        }
    }
}

TEST(SegmentPostingCursor, LargeDocIdsAndFreqsRoundTrip) {
    std::vector<Posting> postings = {
        {5, 1, {0}}, {70000, 100000, {3, 1u << 20, (1u << 31) + 5}}, {0xFFFFFFF0u, 7, {9}}};
    std::vector<std::uint32_t> lengths;  // out of range lengths count as 0
    EncodedList list(postings, lengths);
    auto cursor = list.cursor();
    cursor.advance(70000);
    EXPECT_EQ(cursor.doc(), 70000u);
    EXPECT_EQ(cursor.freq(), 100000u);
    auto positions = cursor.positions();
    EXPECT_EQ(std::vector<std::uint32_t>(positions.begin(), positions.end()),
              (std::vector<std::uint32_t>{3, 1u << 20, (1u << 31) + 5}));
    cursor.next();
    EXPECT_EQ(cursor.doc(), 0xFFFFFFF0u);
    cursor.next();
    EXPECT_EQ(cursor.doc(), kEndOfPostings);
}

}  // namespace
}  // namespace iskra::index
