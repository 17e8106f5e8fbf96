#include "iskra/clean/cleaner.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/clean/noise_patterns.hpp"

namespace iskra::clean {
namespace {

// A document built from sentences joined by one space, with its spans.
struct TestDoc {
    std::string text;
    std::vector<text::SentenceSpan> spans;

    explicit TestDoc(const std::vector<std::string>& sentences) {
        for (const std::string& s : sentences) {
            if (!text.empty()) {
                text += ' ';
            }
            const auto begin = static_cast<std::uint32_t>(text.size());
            text += s;
            spans.push_back({begin, static_cast<std::uint32_t>(text.size())});
        }
    }
    CleanInput input() const { return {text, spans}; }
};

const std::vector<std::string> kBeeSentences = {
    "Honey bees live in colonies with a single queen and thousands of workers.",
    "Worker bees collect nectar and pollen from flowers to feed the colony.",
    "The queen bee lays eggs in the wax cells of the honey comb.",
    "Bees turn nectar into honey and store it in the comb for winter.",
    "A colony of honey bees can swarm when the hive becomes crowded.",
};

TEST(Cleaner, FlagsLaterCopiesOfASentenceButNotTheFirst) {
    TestDoc first(kBeeSentences);
    TestDoc second({"Drones are male bees that mate with a queen from another colony.",
                    "Worker bees collect nectar and pollen from flowers to feed the colony."});
    Cleaner cleaner;
    const std::vector<CleanInput> batch = {first.input(), second.input()};
    CleanResult result = cleaner.clean(batch);
    ASSERT_EQ(result.documents.size(), 2u);
    EXPECT_EQ(result.documents[0].sentences[1].flags & kFlagDuplicate, 0);
    EXPECT_NE(result.documents[1].sentences[1].flags & kFlagDuplicate, 0);
    EXPECT_EQ(result.documents[1].sentences[0].flags & kFlagDuplicate, 0);
}

TEST(Cleaner, FindsDuplicatesAcrossBatchesThroughStoredFingerprints) {
    TestDoc first(kBeeSentences);
    std::string stored;
    {
        Cleaner cleaner;
        const std::vector<CleanInput> batch = {first.input()};
        stored = cleaner.clean(batch).documents[0].fingerprints;
    }
    Cleaner later;
    ASSERT_TRUE(later.add_existing(stored).ok());
    // Same words, different case and punctuation: still the same sentence.
    TestDoc second({"the queen bee lays eggs in the wax cells of the honey comb",
                    "Beekeepers wear veils to protect their faces from stings."});
    const std::vector<CleanInput> batch = {second.input()};
    CleanResult result = later.clean(batch);
    EXPECT_NE(result.documents[0].sentences[0].flags & kFlagDuplicate, 0);
    EXPECT_EQ(result.documents[0].sentences[1].flags & kFlagDuplicate, 0);
}

TEST(Cleaner, FlagsAWholeCopiedDocumentAsDuplicate) {
    TestDoc first(kBeeSentences);
    TestDoc copy(kBeeSentences);
    Cleaner cleaner;
    const std::vector<CleanInput> batch = {first.input(), copy.input()};
    CleanResult result = cleaner.clean(batch);
    EXPECT_EQ(result.documents[0].flags & kDocFlagDuplicate, 0);
    EXPECT_NE(result.documents[1].flags & kDocFlagDuplicate, 0);
}

TEST(Cleaner, FlagsALineThatSharesNothingWithTheSubject) {
    std::vector<std::string> sentences = kBeeSentences;
    sentences.push_back("Should I rotate my car tyres every ten thousand kilometres on gravel?");
    sentences.push_back("Bees in a crowded hive raise a new queen before the colony swarms.");
    TestDoc doc(sentences);
    Cleaner cleaner;
    const std::vector<CleanInput> batch = {doc.input()};
    CleanResult result = cleaner.clean(batch);
    const auto& s = result.documents[0].sentences;
    EXPECT_NE(s[5].flags & kFlagOffTopic, 0);
    EXPECT_EQ(s[6].flags & kFlagOffTopic, 0);
    EXPECT_LT(s[5].quality, s[6].quality);
}

TEST(Cleaner, FingerprintsRoundTripAndRejectDamage) {
    DocumentFingerprints fps;
    fps.simhash = 0x0123456789ABCDEFull;
    fps.sentences.push_back(fingerprint_sentence("A first sentence about bees."));
    fps.sentences.push_back(fingerprint_sentence("A second one."));
    const std::string blob = serialize_fingerprints(fps);
    auto parsed = parse_fingerprints(blob);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->simhash, fps.simhash);
    ASSERT_EQ(parsed->sentences.size(), 2u);
    EXPECT_EQ(parsed->sentences[1].exact, fps.sentences[1].exact);
    EXPECT_EQ(parsed->sentences[0].word_count, 5);
    EXPECT_EQ(parse_fingerprints(blob.substr(0, blob.size() - 1)).status().code(),
              StatusCode::Corruption);
    EXPECT_FALSE(parse_fingerprints("garbage").ok());
}

TEST(Cleaner, NearCopiesHaveCloseSimHashes) {
    const auto a = fingerprint_sentence(
        "The old mill on the river was rebuilt in stone after the great flood of the valley.");
    const auto b = fingerprint_sentence(
        "The old mill on the river was rebuilt in stone after the great flood of the valley!");
    const auto c =
        fingerprint_sentence("Completely different words about an unrelated matter here.");
    EXPECT_EQ(a.exact, b.exact);
    EXPECT_LE(hamming_distance(a.simhash, b.simhash), 3);
    EXPECT_GT(hamming_distance(a.simhash, c.simhash), 3);
}

struct NoiseCase {
    const char* sentence;
    std::uint8_t expected;  // bits that must be set (0: none of furniture/quiz)
};

TEST(NoisePatterns, FlagsPageFurnitureAndQuizWidgetsButNotProse) {
    const NoiseCase cases[] = {
        {"We use cookies to give you the best experience on our website.", kFlagFurniture},
        {"Thanks for contributing an answer to Gardening Stack Exchange!", kFlagFurniture},
        {"ERROR: relation \"users\" does not exist", kFlagFurniture},
        {"Click here to download the full report.", kFlagFurniture},
        {"Get the week's best stories straight to your inbox.", kFlagFurniture},
        {"How bees make honey - SCIENCE", kFlagFurniture},
        {"Did you know?", kFlagQuiz | kFlagQuestion},
        {"Why do bees swarm in spring?", kFlagQuestion},
        {"The queen bee lays up to two thousand eggs a day in summer.", 0},
    };
    for (const NoiseCase& c : cases) {
        const std::uint8_t flags = text_noise_flags(c.sentence);
        if (c.expected == 0) {
            EXPECT_EQ(flags & (kFlagFurniture | kFlagQuiz | kFlagQuestion), 0) << c.sentence;
        } else {
            EXPECT_EQ(flags & c.expected, c.expected) << c.sentence;
        }
    }
}

TEST(NoisePatterns, FlagsGluedSpinningArtefacts) {
    EXPECT_NE(text_noise_flags("He religiously7 followed the rules of the hive.") & kFlagSpun, 0);
    EXPECT_NE(text_noise_flags("Bees make honey.Bees also make wax.") & kFlagSpun, 0);
    EXPECT_EQ(text_noise_flags("In 1920 the hive held 7 queens.") & kFlagSpun, 0);
}

TEST(Cleaner, MarksTheItemAfterADidYouKnowAsQuiz) {
    TestDoc doc({"Bees have five eyes.",
                 "Did you know?",
                 "A bee can fly at twenty miles an hour.",
                 "Honey never spoils when it is sealed in a jar."});
    Cleaner cleaner;
    const std::vector<CleanInput> batch = {doc.input()};
    const CleanResult result = cleaner.clean(batch);
    const auto& s = result.documents[0].sentences;
    EXPECT_NE(s[1].flags & kFlagQuiz, 0);
    EXPECT_NE(s[2].flags & kFlagQuiz, 0);
    EXPECT_EQ(s[3].flags & kFlagQuiz, 0);
}

}  // namespace
}  // namespace iskra::clean
