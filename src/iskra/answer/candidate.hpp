#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "iskra/answer/answer_type.hpp"
#include "iskra/extract/date_value.hpp"

namespace iskra::answer {

/// Which extractor found a candidate.
enum class CandidateOrigin : std::uint8_t {
    Date,
    Number,
    Entity,     ///< a capitalised name typed by the extraction module
    Alias,      ///< "known as X", "born X"
    KnownName,  ///< a name of lower-cased text from the name book
    Chunk,      ///< a noun-phrase-like chunk between punctuation, verbs and question words
    Focus,      ///< a noun phrase headed by the question's head noun
    Quoted,     ///< a span in quotation marks
    Joined,     ///< candidates joined by "and", "or", commas ("X, Y and Z")
    Spanning,   ///< a chunk that holds words of the question
};

/// A possible answer value found in one passage.
struct Candidate {
    std::string text;        ///< as written
    std::string normalized;  ///< ISO date, folded name, plain number
    AnswerType type = AnswerType::Other;
    std::size_t passage = 0;  ///< index into the passage list
    std::uint32_t begin = 0;  ///< byte span in the passage's sentence text
    std::uint32_t end = 0;
    double type_confidence = 1.0;  ///< how surely the span is of the expected type
    CandidateOrigin origin = CandidateOrigin::Chunk;
    double score = 0;
    std::optional<extract::DateValue> date;  ///< for dates: the value, to merge and order
};

}  // namespace iskra::answer
