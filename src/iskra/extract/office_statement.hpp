#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "iskra/extract/date_value.hpp"

namespace iskra::extract {

/// "X held office T from A to B, preceded by P, succeeded by S", as one sentence states it.
struct OfficeStatement {
    std::string title;   ///< as written: "people's commissar foreign affairs rsfsr"
    std::string holder;  ///< as written; empty: the document's subject
    std::optional<DateValue> from;
    std::optional<DateValue> to;
    std::string preceded_by;
    std::string succeeded_by;
    std::uint32_t sentence = 0;
};

}  // namespace iskra::extract
