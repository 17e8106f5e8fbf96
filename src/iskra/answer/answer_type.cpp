#include "iskra/answer/answer_type.hpp"

namespace iskra::answer {

std::string_view answer_type_name(AnswerType type) {
    switch (type) {
        case AnswerType::Date:
            return "date";
        case AnswerType::Year:
            return "year";
        case AnswerType::Person:
            return "person";
        case AnswerType::Place:
            return "place";
        case AnswerType::Organization:
            return "organization";
        case AnswerType::Number:
            return "number";
        case AnswerType::Definition:
            return "definition";
        case AnswerType::Reason:
            return "reason";
        case AnswerType::List:
            return "list";
        case AnswerType::YesNo:
            return "yesno";
        case AnswerType::Other:
            return "other";
    }
    return "other";
}

bool is_factoid(AnswerType type) {
    switch (type) {
        case AnswerType::Date:
        case AnswerType::Year:
        case AnswerType::Person:
        case AnswerType::Place:
        case AnswerType::Organization:
        case AnswerType::Number:
            return true;
        default:
            return false;
    }
}

bool is_named_entity(AnswerType type) {
    return type == AnswerType::Person || type == AnswerType::Place
           || type == AnswerType::Organization;
}

}  // namespace iskra::answer
