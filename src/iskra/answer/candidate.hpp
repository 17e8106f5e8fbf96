#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "iskra/answer/answer_type.hpp"
#include "iskra/extract/date_value.hpp"

namespace iskra::answer {

/// A possible answer value found in one passage.
struct Candidate {
    std::string text;        ///< as written
    std::string normalized;  ///< ISO date, folded name, plain number
    AnswerType type = AnswerType::Other;
    std::size_t passage = 0;  ///< index into the passage list
    std::uint32_t begin = 0;  ///< byte span in the passage's sentence text
    std::uint32_t end = 0;
    double type_confidence = 1.0;  ///< how surely the span is of the expected type
    double score = 0;
    std::optional<extract::DateValue> date;  ///< for dates: the value, to merge and order
};

}  // namespace iskra::answer
