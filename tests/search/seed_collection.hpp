#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/index/collection.hpp"
#include "iskra/index/document_record.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/text/sentence_splitter.hpp"

#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace iskra::search::testing {

/// Titles given to the five seed documents (the seeds are plain text without one).
inline const char* const kSeedTitles[] = {
    "What did Leon Trotsky believe",
    "Leon Trotsky",
    "Trotskyism versus Stalinism",
    "Why was Trotsky assassinated",
    "Stalin banishes Trotsky",
};

/// The seed file `number` as a DocumentRecord, split into sentences with text::split_sentences.
inline index::DocumentRecord seed_record(int number) {
    const std::filesystem::path path = iskra::testing::seed_path(number);
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    index::DocumentRecord record;
    record.external_id = path.stem().string();
    record.title = kSeedTitles[number];
    record.source_path = path.string();
    record.format = "text";
    record.text = buffer.str();
    record.source_size_bytes = record.text.size();
    for (const text::SentenceSpan& span : text::split_sentences(record.text)) {
        index::SentenceRecord sentence;
        sentence.text_begin = span.begin;
        sentence.text_end = span.end;
        sentence.source_begin = span.begin;
        sentence.source_end = span.end;
        record.sentences.push_back(sentence);
    }
    return record;
}

/// A real on-disk collection of the five seeds, one commit (segment) per seed.
class SeedCollection {
  public:
    SeedCollection() : dir_("iskra-search-test") {
        index::CollectionOptions options;
        options.create_if_missing = true;
        options.threads = 2;
        auto collection = index::Collection::open(dir_.path() / "collection", options);
        EXPECT_TRUE(collection.ok()) << collection.status().to_string();
        collection_ = collection.take();
        auto writer = collection_->writer();
        EXPECT_TRUE(writer.ok()) << writer.status().to_string();
        writer_ = writer.take();
        for (int number = 0; number < 5; ++number) {
            const Status added = writer_->add(seed_record(number));
            EXPECT_TRUE(added.ok()) << added.to_string();
            const auto committed = writer_->commit();
            EXPECT_TRUE(committed.ok()) << committed.status().to_string();
        }
    }

    std::shared_ptr<const index::Snapshot> snapshot() const { return collection_->snapshot(); }
    index::IndexWriter& writer() { return *writer_; }

  private:
    iskra::testing::TempDir dir_;
    std::shared_ptr<index::Collection> collection_;
    std::unique_ptr<index::IndexWriter> writer_;
};

}  // namespace iskra::search::testing
