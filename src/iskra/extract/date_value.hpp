#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "iskra/types.hpp"

namespace iskra::extract {

/// How much of a date a text gives. Serialized: values are stable.
enum class DatePrecision : std::uint8_t { Day = 0, Month = 1, Year = 2, Decade = 3 };

/// A qualifier of a coarse date: "early 1921", "mid-1920s", "late 1922", "spring 1918".
enum class DatePart : std::uint8_t { None = 0, Early = 1, Mid = 2, Late = 3 };

/// A normalised Gregorian date at some precision. `year` is the decade's first year for
/// decades; `month`/`day` are 0 when not given.
struct DateValue {
    std::int32_t year = 0;
    std::uint8_t month = 0;
    std::uint8_t day = 0;
    DatePrecision precision = DatePrecision::Year;
    DatePart part = DatePart::None;

    /// Orders dates: a coarse date sorts at the place its qualifier suggests (early/mid/late),
    /// otherwise at the start of its period, before the finer dates inside it.
    std::int64_t sort_key() const;
    /// "1940-08-21", "1940-08", "1940", "1920s".
    std::string iso() const;
    /// "day", "month", "year", "decade".
    std::string_view precision_name() const;
    /// True when both could name the same day: equal on every field both give.
    bool compatible(const DateValue& other) const;
    /// The public form, with `text` as written.
    Date to_date(std::string text) const;

    friend bool operator==(const DateValue&, const DateValue&) = default;
};

/// Days in `month` of `year` (Gregorian).
int days_in_month(std::int32_t year, int month);

/// `value` moved by `amount` units (1 day, 2 day, 3 month, 4 year); the precision follows the
/// unit, never finer than `value`'s.
DateValue shift_date(const DateValue& value, int amount, std::uint8_t unit);

}  // namespace iskra::extract
