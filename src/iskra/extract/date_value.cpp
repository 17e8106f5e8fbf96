#include "iskra/extract/date_value.hpp"

#include <algorithm>
#include <cstdio>

namespace iskra::extract {

std::int64_t DateValue::sort_key() const {
    std::int64_t key = static_cast<std::int64_t>(year) * 10000;
    int part_offset = 0;
    switch (part) {
        case DatePart::None:
            part_offset = 0;
            break;
        case DatePart::Early:
            part_offset = 1;
            break;
        case DatePart::Mid:
            part_offset = 5;
            break;
        case DatePart::Late:
            part_offset = 9;
            break;
    }
    if (precision == DatePrecision::Decade) {
        return key + static_cast<std::int64_t>(part_offset) * 10000 * 8 / 10;
    }
    if (precision == DatePrecision::Year) {
        return key + part_offset * 100;
    }
    return key + month * 100 + day;
}

std::string DateValue::iso() const {
    char buffer[32];
    switch (precision) {
        case DatePrecision::Day:
            std::snprintf(
                buffer, sizeof buffer, "%04d-%02u-%02u", year, unsigned{month}, unsigned{day});
            break;
        case DatePrecision::Month:
            std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, unsigned{month});
            break;
        case DatePrecision::Year:
            std::snprintf(buffer, sizeof buffer, "%04d", year);
            break;
        case DatePrecision::Decade:
            std::snprintf(buffer, sizeof buffer, "%04ds", year);
            break;
    }
    return buffer;
}

std::string_view DateValue::precision_name() const {
    switch (precision) {
        case DatePrecision::Day:
            return "day";
        case DatePrecision::Month:
            return "month";
        case DatePrecision::Year:
            return "year";
        case DatePrecision::Decade:
            return "decade";
    }
    return "year";
}

bool DateValue::compatible(const DateValue& other) const {
    if (precision == DatePrecision::Decade || other.precision == DatePrecision::Decade) {
        return year / 10 == other.year / 10;
    }
    if (year != other.year) {
        return false;
    }
    if (month != 0 && other.month != 0 && month != other.month) {
        return false;
    }
    return day == 0 || other.day == 0 || day == other.day;
}

Date DateValue::to_date(std::string text) const {
    Date date;
    date.year = year;
    date.month = month;
    date.day = day;
    date.precision = std::string(precision_name());
    date.iso = iso();
    date.text = std::move(text);
    return date;
}

int days_in_month(std::int32_t year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 31;
    }
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

DateValue shift_date(const DateValue& value, int amount, std::uint8_t unit) {
    DateValue out = value;
    out.part = DatePart::None;
    if (unit == 4) {
        out.year += amount;
        out.precision = std::max(value.precision, DatePrecision::Year);
        out.month = 0;
        out.day = 0;
        return out;
    }
    if (unit == 3) {
        int months = out.year * 12 + (out.month - 1) + amount;
        out.year = months / 12;
        out.month = static_cast<std::uint8_t>(months % 12 + 1);
        out.day = 0;
        out.precision = DatePrecision::Month;
        return out;
    }
    int days = amount * (unit == 2 ? 7 : 1);
    int day = out.day + days;
    while (day > days_in_month(out.year, out.month)) {
        day -= days_in_month(out.year, out.month);
        if (++out.month > 12) {
            out.month = 1;
            ++out.year;
        }
    }
    while (day < 1) {
        if (--out.month < 1) {
            out.month = 12;
            --out.year;
        }
        day += days_in_month(out.year, out.month);
    }
    out.day = static_cast<std::uint8_t>(day);
    return out;
}

}  // namespace iskra::extract
