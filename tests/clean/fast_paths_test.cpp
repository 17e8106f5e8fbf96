// The cleaner's fast paths (words normalised in one buffer, shingles hashed in place, one-pass
// phrase matching, packed topic keys, banded document index) against straightforward reference
// versions of the same definitions.
#include <array>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xxhash.h>

#include "iskra/clean/cleaner.hpp"
#include "iskra/clean/document_analysis.hpp"
#include "iskra/clean/fingerprint.hpp"
#include "iskra/clean/flat_u64_map.hpp"
#include "iskra/clean/noise_patterns.hpp"
#include "iskra/clean/simhash_bands.hpp"
#include "iskra/clean/topic_vocabulary.hpp"

namespace iskra::clean {
namespace {

// The fingerprint as first written: one string per word, per shingle and for the whole sentence.
SentenceFingerprint reference_fingerprint(std::string_view sentence) {
    const std::vector<std::string> words = fingerprint_words(sentence);
    SentenceFingerprint fp;
    fp.word_count = static_cast<std::uint16_t>(words.size());
    std::string joined;
    for (const std::string& w : words) {
        joined += w + ' ';
    }
    fp.exact = XXH3_64bits(joined.data(), joined.size());
    std::array<int, 64> votes{};
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string shingle = words[i];
        if (i + 1 < words.size()) {
            shingle += ' ' + words[i + 1];
        }
        const std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
        for (std::size_t bit = 0; bit < 64; ++bit) {
            votes[bit] += ((h >> bit) & 1u) != 0 ? 1 : -1;
        }
    }
    for (std::size_t bit = 0; bit < 64; ++bit) {
        if (votes[bit] > 0) {
            fp.simhash |= std::uint64_t{1} << bit;
        }
    }
    return fp;
}

const std::vector<std::string> kSentences = {
    "",
    "   ",
    "One.",
    "Honey bees live in colonies with a single queen and thousands of workers.",
    "Crème brûlée, naïve café-owners and Ελληνικά words stay inside words.",
    "We use cookies to improve your experience. Accept all",
    "Share this article on Facebook | Twitter",
    "Why do bees swarm? : r/beekeeping",
    "The Great Swarm of 1923 - HISTORY",
    "ERROR: the command cannot be executed",
    "2. Exception in thread main java.lang.NullPointerException",
    "Did you know?",
    "Question 1/10: true or false?",
    "Who built the first hive in the valley",
    "Is this a question or not",
    "He was religiously7 devoted to bees.Bees were everything.",
    "SUBSCRIBE TO OUR NEWSLETTER for more STACK EXCHANGE answers",
    "a b c d e f g h i j k l m n o p q",
    "The the the the the bees bees bees revolutionary revolution revolutions.",
};

TEST(FastPaths, FingerprintsEqualTheStringBuildingDefinition) {
    for (const std::string& s : kSentences) {
        const SentenceFingerprint fast = fingerprint_sentence(s);
        const SentenceFingerprint slow = reference_fingerprint(s);
        EXPECT_EQ(fast.exact, slow.exact) << s;
        EXPECT_EQ(fast.simhash, slow.simhash) << s;
        EXPECT_EQ(fast.word_count, slow.word_count) << s;
    }
}

TEST(FastPaths, NormalizedWordsAreTheFingerprintWords) {
    NormalizedWords words;
    for (const std::string& s : kSentences) {
        normalize_words(s, words);
        const std::vector<std::string> expected = fingerprint_words(s);
        ASSERT_EQ(words.size(), expected.size()) << s;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(words.word(i), expected[i]) << s;
        }
    }
}

TEST(FastPaths, NoiseFlagsFindPhrasesInAnyCaseAndPosition) {
    EXPECT_NE(text_noise_flags("We use COOKIES here") & kFlagFurniture, 0);
    EXPECT_NE(text_noise_flags("Click Here") & kFlagFurniture, 0);
    EXPECT_NE(text_noise_flags("ends with the phrase privacy policy") & kFlagFurniture, 0);
    EXPECT_NE(text_noise_flags("Take The Test now, friends of the hive") & kFlagQuiz, 0);
    EXPECT_NE(text_noise_flags("it printed a STACK TRACE and stopped working") & kFlagFurniture, 0);
    EXPECT_NE(text_noise_flags("Beekeeping - Stack Exchange") & kFlagFurniture, 0);
    EXPECT_EQ(text_noise_flags("Bees collect nectar from many flowers in spring.") & kFlagFurniture,
              0);
    // A phrase cut by the end of the sentence does not match.
    EXPECT_EQ(text_noise_flags("We asked about the cooki") & kFlagFurniture, 0);
    NormalizedWords words;
    for (const std::string& s : kSentences) {
        normalize_words(s, words);
        EXPECT_EQ(text_noise_flags(s, words), text_noise_flags(s)) << s;
        EXPECT_EQ(looks_like_question(s, words), looks_like_question(s)) << s;
    }
}

TEST(FastPaths, TopicKeysOrderAsTheirWords) {
    EXPECT_EQ(topic_key_text(topic_key("revolutionary")), "revolu");
    EXPECT_EQ(topic_key_text(topic_key("bee")), "bee");
    EXPECT_LT(topic_key("bee"), topic_key("beehiv"));
    EXPECT_LT(topic_key("beehiv"), topic_key("bees"));
    EXPECT_EQ(topic_words("The bees and the revolutionary 1917 hive, without doubt."),
              (std::vector<std::string>{"bees", "revolu", "hive", "doubt"}));
}

TEST(FastPaths, CleanEqualsCleanAnalyzed) {
    std::string text;
    std::vector<text::SentenceSpan> spans;
    for (const std::string& s : kSentences) {
        const auto begin = static_cast<std::uint32_t>(text.size());
        text += s;
        spans.push_back({begin, static_cast<std::uint32_t>(text.size())});
        text += ' ';
    }
    const std::vector<CleanInput> batch = {{text, spans}, {text, spans}};
    Cleaner direct;
    const CleanResult a = direct.clean(batch);
    Cleaner staged;
    const std::vector<DocumentAnalysis> analyses = {analyze_document(batch[0]),
                                                    analyze_document(batch[1])};
    const CleanResult b = staged.clean_analyzed(analyses);
    ASSERT_EQ(a.documents.size(), b.documents.size());
    for (std::size_t d = 0; d < a.documents.size(); ++d) {
        EXPECT_EQ(a.documents[d].flags, b.documents[d].flags);
        EXPECT_EQ(a.documents[d].fingerprints, b.documents[d].fingerprints);
        ASSERT_EQ(a.documents[d].sentences.size(), kSentences.size());
        for (std::size_t s = 0; s < kSentences.size(); ++s) {
            EXPECT_EQ(a.documents[d].sentences[s].flags, b.documents[d].sentences[s].flags);
        }
    }
    // The second copy of the document is a near-duplicate document.
    EXPECT_NE(a.documents[1].flags & kDocFlagDuplicate, 0);
    EXPECT_EQ(a.documents[0].flags & kDocFlagDuplicate, 0);
}

// simhash_of counts votes in 4-bit and 8-bit lanes that are emptied as they fill: every count
// of features, below and above those bounds, gives the plain per-bit majority.
TEST(FastPaths, SimHashVotesEqualThePerBitMajority) {
    std::uint64_t state = 0x243F6A8885A308D3ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (std::size_t count : {1u, 2u, 14u, 15u, 16u, 127u, 128u, 239u, 240u, 255u, 256u, 1000u}) {
        std::vector<std::uint64_t> hashes(count);
        for (auto& h : hashes) {
            // Skewed bits (an AND of two draws sets a bit a quarter of the time, an OR three
            // quarters) so that some bits win and some lose.
            h = (count % 2 == 0) ? (next() & next()) | (next() & 0xFFFF) : next() | next();
        }
        std::uint64_t expected = 0;
        for (int bit = 0; bit < 64; ++bit) {
            std::size_t ones = 0;
            for (std::uint64_t h : hashes) {
                ones += (h >> bit) & 1;
            }
            if (2 * ones > count) {
                expected |= std::uint64_t{1} << bit;
            }
        }
        const std::span<const std::uint64_t> all(hashes);
        EXPECT_EQ(simhash_of(all.first(count - 1), hashes.back()), expected) << count;
    }
}

TEST(FastPaths, HammingDistanceCountsDifferingBits) {
    EXPECT_EQ(hamming_distance(0, 0), 0);
    EXPECT_EQ(hamming_distance(0, ~std::uint64_t{0}), 64);
    EXPECT_EQ(hamming_distance(0b1011, 0b0001), 2);
    EXPECT_EQ(hamming_distance(std::uint64_t{1} << 63, 1), 2);
}

TEST(FastPaths, FlatMapKeepsEveryKeyThroughGrowthIncludingZero) {
    FlatU64Map map;
    for (std::uint64_t k = 0; k < 5000; ++k) {
        map[k * 0x10000] += static_cast<std::uint32_t>(k + 1);
    }
    EXPECT_EQ(map.size(), 5000u);
    ASSERT_NE(map.find(0), nullptr);
    EXPECT_EQ(*map.find(0), 1u);
    ASSERT_NE(map.find(4999 * 0x10000ull), nullptr);
    EXPECT_EQ(*map.find(4999 * 0x10000ull), 5000u);
    EXPECT_FALSE(map.contains(12345));
    std::uint64_t sum = 0;
    map.for_each([&](std::uint64_t, std::uint32_t v) { sum += v; });
    EXPECT_EQ(sum, 5000u * 5001u / 2);
}

TEST(FastPaths, SimHashBandsFindHashesWithinThreeBitsOnly) {
    SimHashBands bands;
    const std::uint64_t base = 0x0123456789ABCDEFull;
    EXPECT_FALSE(bands.near(base, 3));
    bands.add(base);
    EXPECT_TRUE(bands.near(base, 3));
    // Three bits flipped, one in each of three bands: the fourth band still matches.
    const std::uint64_t three = base ^ (1ull << 1) ^ (1ull << 17) ^ (1ull << 33);
    EXPECT_TRUE(bands.near(three, 3));
    EXPECT_FALSE(bands.near(three, 2));
    // One bit in every band: four bits away.
    const std::uint64_t four = three ^ (1ull << 49);
    EXPECT_FALSE(bands.near(four, 3));
}

}  // namespace
}  // namespace iskra::clean
