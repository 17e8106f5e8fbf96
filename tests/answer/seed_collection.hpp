#pragma once

// Builds a collection from the seed documents with the real index, running the index-time steps
// the engine runs (split, clean, extract), and the Knowledge over it. Header-only test helper.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/clean/cleaner.hpp"
#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/index/collection.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/text/sentence_splitter.hpp"

namespace iskra::answer::testing {

struct SeedCollection {
    std::shared_ptr<index::Collection> collection;
    std::shared_ptr<const index::Snapshot> snapshot;
    extract::Knowledge knowledge;
};

inline std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline SeedCollection build_seed_collection(const std::filesystem::path& seeds,
                                            const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(seeds)) {
        files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    std::vector<std::vector<text::SentenceSpan>> spans;
    for (const auto& f : files) {
        texts.push_back(read_all(f));
        spans.push_back(text::split_sentences(texts.back()));
    }
    std::vector<clean::CleanInput> inputs;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        inputs.push_back({texts[i], spans[i]});
    }
    clean::Cleaner cleaner;
    const clean::CleanResult cleaned = cleaner.clean(inputs);

    index::CollectionOptions options;
    options.create_if_missing = true;
    auto collection = index::Collection::open(dir, options);
    EXPECT_TRUE(collection.ok()) << collection.status().to_string();
    auto writer = (*collection)->writer();
    EXPECT_TRUE(writer.ok()) << writer.status().to_string();
    std::vector<extract::DocumentFacts> facts;
    std::vector<std::vector<std::uint8_t>> flags(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        index::DocumentRecord r;
        r.external_id = files[i].filename().string();
        r.title = files[i].stem().string();
        r.source_path = files[i].string();
        r.format = "text";
        r.text = texts[i];
        for (std::size_t s = 0; s < spans[i].size(); ++s) {
            index::SentenceRecord sr;
            sr.text_begin = spans[i][s].begin;
            sr.text_end = spans[i][s].end;
            sr.source_begin = spans[i][s].begin;
            sr.source_end = spans[i][s].end;
            sr.flags = cleaned.documents[i].sentences[s].flags;
            sr.quality = cleaned.documents[i].sentences[s].quality;
            flags[i].push_back(sr.flags);
            r.sentences.push_back(sr);
        }
        r.flags = cleaned.documents[i].flags;
        r.quality = cleaned.documents[i].quality;
        r.annotations.emplace_back("fp", cleaned.documents[i].fingerprints);
        facts.push_back(extract::extract_document(texts[i], spans[i]));
        EXPECT_TRUE((*writer)->add(std::move(r)).ok());
    }
    EXPECT_TRUE((*writer)->commit().ok());
    std::vector<extract::DocumentInput> docs;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        docs.push_back({files[i].filename().string(),
                        files[i].stem().string(),
                        files[i].string(),
                        texts[i],
                        spans[i],
                        flags[i],
                        facts[i]});
    }
    SeedCollection out{*collection, (*collection)->snapshot(), extract::Knowledge::build(docs)};
    return out;
}

}  // namespace iskra::answer::testing
