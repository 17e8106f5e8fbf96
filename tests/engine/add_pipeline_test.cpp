#include "iskra/engine/add_pipeline.hpp"

#include <string>

#include <gtest/gtest.h>

#include "iskra/index/collection.hpp"
#include "iskra/index/snapshot.hpp"

#include "support/temp_dir.hpp"

namespace iskra::engine {
namespace {

// The flags of the stored sentence of `external_id` that contains `needle`.
std::uint8_t sentence_flags(const index::Collection& collection,
                            const std::string& external_id,
                            const std::string& needle) {
    auto snapshot = collection.snapshot();
    for (const auto& view : snapshot->segments()) {
        for (index::DocId doc : view.reader->find(external_id)) {
            auto stored = view.reader->document(doc);
            EXPECT_TRUE(stored.ok());
            for (const auto& sentence : stored->sentences) {
                std::string_view text =
                    std::string_view(stored->text)
                        .substr(sentence.text_begin, sentence.text_end - sentence.text_begin);
                if (text.find(needle) != std::string_view::npos) {
                    return sentence.flags;
                }
            }
        }
    }
    ADD_FAILURE() << "no sentence with " << needle << " in " << external_id;
    return 0;
}

// Fingerprints are not stored: a second add recomputes them from the stored text, so a copy of a
// sentence indexed by an earlier add is still flagged.
TEST(AddPipeline, SecondAddFlagsCopiesOfSentencesFromTheFirst) {
    testing::TempDir dir;
    const std::string copied =
        "The lighthouse keeper logged every passing ship in a leather notebook each night.";
    testing::write_text_file(dir / "first" / "a.txt",
                             "Harbour notes.\n\n" + copied + " The weather was calm.\n");
    testing::write_text_file(
        dir / "second" / "b.txt",
        "Other notes about bridges and rivers in the valley. " + copied + "\n");
    index::CollectionOptions options;
    options.create_if_missing = true;
    auto collection = index::Collection::open(dir / "c", options);
    ASSERT_TRUE(collection.ok()) << collection.status().to_string();
    ASSERT_TRUE(add_paths(**collection, {dir / "first"}, {}).ok());
    ASSERT_TRUE(add_paths(**collection, {dir / "second"}, {}).ok());
    auto snapshot = (*collection)->snapshot();
    std::string first_id;
    std::string second_id;
    for (const auto& view : snapshot->segments()) {
        for (index::DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            std::string id(view.reader->external_id(doc));
            (id.find("a.txt") != std::string::npos ? first_id : second_id) = id;
        }
    }
    ASSERT_FALSE(first_id.empty());
    ASSERT_FALSE(second_id.empty());
    EXPECT_EQ(sentence_flags(**collection, first_id, "lighthouse") & index::kSentenceDuplicate, 0);
    EXPECT_NE(sentence_flags(**collection, second_id, "lighthouse") & index::kSentenceDuplicate, 0);
    EXPECT_EQ(sentence_flags(**collection, second_id, "bridges") & index::kSentenceDuplicate, 0);
}

}  // namespace
}  // namespace iskra::engine
