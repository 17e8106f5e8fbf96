#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "iskra/text/analyzer.hpp"
#include "iskra/types.hpp"

namespace iskra::answer {

/// A retrieved sentence with what answering needs to know about it.
struct Passage {
    SentenceRef ref;             ///< the citation: document, sentence text, offsets, quality
    std::uint8_t flags = 0;      ///< clean's sentence flag bits (duplicate, off_topic, ...)
    std::uint8_t doc_flags = 0;  ///< clean's document flag bits
    float doc_quality = 1.0f;
    double retrieval_score = 0;     ///< from sentence retrieval (BM25 of the sentence)
    std::string before;             ///< the previous sentence of the document, empty at the start
    std::string after;              ///< the next sentence
    bool lower_case = false;        ///< the document has (almost) no capital letters
    std::uint32_t doc_ordinal = 0;  ///< equal for sentences of the same document
    /// The question sentence this one answers: set when it is one of the sentences that follow
    /// a question in its document (FAQ and "people also ask" pages), empty otherwise.
    std::string faq_question;
    /// The analyzed tokens of ref.text, `before` and `after`, when retrieval had an
    /// AnalyzedTextCache (null otherwise: scoring analyzes the text itself).
    std::shared_ptr<const std::vector<text::Token>> tokens;
    std::shared_ptr<const std::vector<text::Token>> before_tokens;
    std::shared_ptr<const std::vector<text::Token>> after_tokens;
};

}  // namespace iskra::answer
