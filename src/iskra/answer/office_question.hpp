#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iskra::answer {

/// A question about who held an office relative to someone or at some time, answered from the
/// offices the collection's infoboxes and sentences state (extract::OfficeStatement):
///
///   "Who succeeded X as T?", "Who replaced X as T?", "Who was X's successor as T?" (Successor)
///   "Who preceded X as T?", "Who did X succeed as T?", "Who was X's predecessor as T?"
///   "Who was the T of O in 1905?", "Who was the T?" when T's head is an office ("chairman")
///   (Holder)
struct OfficeQuestion {
    enum class Kind { Successor, Predecessor, Holder };
    Kind kind = Kind::Holder;
    std::string person;  ///< X as written; empty for Holder
    std::string title;   ///< T as written ("People's Commissar of Military and Naval Affairs")
    int year = 0;        ///< "in 1905": the office must be held then; 0 when unsaid
};

/// The office question `question` asks, or nullopt when it is not one of the forms above.
std::optional<OfficeQuestion> parse_office_question(std::string_view question);

}  // namespace iskra::answer
