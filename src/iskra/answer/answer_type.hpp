#pragma once

#include <cstdint>
#include <string_view>

namespace iskra::answer {

/// What kind of answer a question expects.
enum class AnswerType : std::uint8_t {
    Date,
    Year,
    Person,
    Place,
    Organization,
    Number,
    Definition,
    Reason,
    List,
    YesNo,
    Other,
};

/// "date", "year", "person", "place", "organization", "number", "definition", "reason", "list",
/// "yesno", "other" (the names of `AskResponse::type`).
std::string_view answer_type_name(AnswerType type);

/// Date, Year, Person, Place, Organization, Number: the answer is a short value.
bool is_factoid(AnswerType type);
/// Person, Place, Organization: the answer is a name.
bool is_named_entity(AnswerType type);

}  // namespace iskra::answer
