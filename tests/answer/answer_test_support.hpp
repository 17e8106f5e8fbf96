#pragma once

// Builds passages by hand and answers a question over them, without an index: the answer
// builder's tests state their evidence sentence by sentence.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "iskra/answer/answer_builder.hpp"
#include "iskra/answer/question_analyzer.hpp"
#include "iskra/text/analyzer.hpp"

namespace iskra::answer::testing {

inline Passage passage_of(std::string text, std::uint32_t doc = 0, double retrieval = 1.0) {
    Passage p;
    p.ref.text = std::move(text);
    p.ref.doc_id = "doc" + std::to_string(doc);
    p.doc_ordinal = doc;
    p.retrieval_score = retrieval;
    return p;
}

/// A passage from a document written all in lower case (capitals carry no signal there).
inline Passage lower_case_passage_of(std::string text, std::uint32_t doc = 0) {
    Passage p = passage_of(std::move(text), doc);
    p.lower_case = true;
    return p;
}

inline AnswerOutcome ask(const std::string& question, std::vector<Passage> passages) {
    text::Analyzer analyzer;
    const Question q = analyze_question(question, analyzer);
    return AnswerBuilder{}.build(q, std::move(passages), NameBook{}, 3, analyzer);
}

}  // namespace iskra::answer::testing
