#pragma once

#include <string>
#include <vector>

#include "iskra/answer/answer_type.hpp"

namespace iskra::answer {

/// A content word of the question with the index terms that count as matching it.
struct KeyTerm {
    std::string surface;             ///< as typed (possessive 's removed)
    std::string folded;              ///< lower-case, diacritics folded, unstemmed
    std::vector<std::string> terms;  ///< analyzed terms: its own first, then synonyms and aliases
    double weight = 1.0;
    bool proper = false;  ///< capitalised mid-question, a number, or a known name
    bool focus = false;   ///< the question's head noun ("village", "weapon"): weak evidence
};

/// The analysis of one question.
struct Question {
    std::string text;
    AnswerType type = AnswerType::Other;
    std::vector<KeyTerm> terms;
    std::string focus;  ///< folded head noun, empty when none
    /// "What was the name of the freighter": the question presumes a thing of the head noun's kind
    /// that it does not type; only a sentence (or its neighbours) that speaks of one can answer.
    bool focus_required = false;
    /// For lists: the type of the items when the head noun tells it ("leaders": Person), else
    /// Other.
    AnswerType item_type = AnswerType::Other;
    /// For lists: how many items the question asks for ("which three leaders"), 0 when unsaid.
    std::size_t item_count = 0;
    /// "Under what name", "what pen name", "what pseudonym": the answer is another name of the
    /// question's subject, which an alias statement ("pen name X", "known as X") gives.
    bool asks_alias = false;
    /// "What would be Olsen's role?", "his job": the answer is an office or a role held by people.
    bool asks_role = false;
    /// "Which came first: A or B?": the options as written (type Date, answered by ordering).
    std::vector<std::string> options;
    /// The key terms of each option (indices into `terms`), parallel to `options`.
    std::vector<std::vector<std::size_t>> option_terms;
};

}  // namespace iskra::answer
