#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/text/sentence_splitter.hpp"

namespace iskra::extract {

/// Test documents with their text and sentences kept alive for Knowledge::build.
struct KnowledgeInputs {
    std::vector<std::string> texts;
    std::vector<std::vector<text::SentenceSpan>> spans;
    std::vector<std::vector<std::uint8_t>> flags;
    std::vector<DocumentInput> inputs;

    void add(std::string id,
             std::string body,
             std::vector<std::uint8_t> sentence_flags = {},
             std::string title = {}) {
        texts.push_back(std::move(body));
        titles.push_back(title.empty() ? id : std::move(title));
        ids.push_back(std::move(id));
        flags.push_back(std::move(sentence_flags));
    }
    Knowledge build() {
        spans.clear();
        inputs.clear();
        spans.reserve(texts.size());
        for (std::size_t d = 0; d < texts.size(); ++d) {
            spans.push_back(text::split_sentences(texts[d]));
        }
        for (std::size_t d = 0; d < texts.size(); ++d) {
            DocumentInput input;
            input.doc_id = ids[d];
            input.title = titles[d];
            input.source_path = ids[d] + ".txt";
            input.text = texts[d];
            input.sentences = spans[d];
            input.sentence_flags = flags[d];
            input.facts = extract_document(texts[d], spans[d]);
            inputs.push_back(std::move(input));
        }
        return Knowledge::build(inputs);
    }

  private:
    std::vector<std::string> ids;
    std::vector<std::string> titles;
};

}  // namespace iskra::extract
