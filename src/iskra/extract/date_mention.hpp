#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "iskra/extract/date_value.hpp"
#include "iskra/types.hpp"

namespace iskra::extract {

/// How a date mention was read. Serialized: values are stable.
enum class DateKind : std::uint8_t {
    Explicit = 0,  ///< the text gives the year ("21 August 1940", "1917", "the 1930s")
    Partial = 1,   ///< day and/or month without a year ("February 22"): year from context
    Relative = 2,  ///< "the next day", "two months later": needs an anchor date
    Lifespan = 3,  ///< "(1879–1940)" after a name: a life, not an event
    Deictic = 4,   ///< "this year", "last year": relative to when the document was written
};

/// The unit of a relative offset. Serialized: values are stable.
enum class OffsetUnit : std::uint8_t { None = 0, Day = 1, Week = 2, Month = 3, Year = 4 };

/// A temporal expression found in text.
struct DateMention {
    DateValue value;                     ///< Gregorian; for ranges, the start
    std::optional<DateValue> end;        ///< ranges: "1918–1925", "from 1927 to 1953"
    std::optional<DateValue> old_style;  ///< the Julian date when the text gives both
    std::uint32_t sentence = 0;          ///< sentence index in its document
    std::uint32_t begin = 0;             ///< byte span, relative to the scanned text
    std::uint32_t end_byte = 0;
    /// The other calendar's bracket inside the span ("[O.S. 26 October]"); empty when none.
    std::uint32_t aside_begin = 0;
    std::uint32_t aside_end = 0;
    DateKind kind = DateKind::Explicit;
    bool resolved = true;     ///< false for Partial/Relative mentions not anchored
    std::int16_t offset = 0;  ///< Relative: amount of `unit` after the anchor
    OffsetUnit unit = OffsetUnit::None;

    /// The public form; `text` is the text the span was taken from.
    Date to_date(std::string_view text) const;
    /// The span as written without the other calendar's bracket: "7 November 1879" for
    /// "7 November [O.S. 26 October] 1879", "November 7, 1879" for "November 7 [O.S. October
    /// 26], 1879"; the whole span when there is no bracket.
    std::string text_without_aside(std::string_view text) const;
    /// True for a dated fact usable in a timeline: resolved and not a lifespan.
    bool is_event_date() const { return resolved && kind != DateKind::Lifespan; }
};

}  // namespace iskra::extract
