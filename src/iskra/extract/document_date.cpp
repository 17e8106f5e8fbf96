// When a document was written: the year of its title ("State of the Union 1790 (...)"), else
// the date of its first lines when they give a day or a month (a dateline, a letter's date).

#include <cctype>

#include "iskra/extract/date_finder.hpp"
#include "iskra/extract/knowledge_tables.hpp"

namespace iskra::extract {

namespace {
constexpr std::uint32_t kDatelineSentences = 2;
}  // namespace

// A title date stands apart: "Address 1790 (...)", not "warzone2100" or "snd-ad1848".
bool stands_apart(std::string_view title, const DateMention& mention) {
    auto joins = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    };
    bool before = mention.begin > 0 && joins(title[mention.begin - 1]);
    bool after = mention.end_byte < title.size() && joins(title[mention.end_byte]);
    return !before && !after;
}

std::optional<DateValue> title_date(std::string_view title) {
    for (const auto& mention : find_dates(title)) {
        if (mention.resolved && mention.kind == DateKind::Explicit && !mention.end
            && mention.value.precision != DatePrecision::Decade && stands_apart(title, mention)) {
            return mention.value;
        }
    }
    return std::nullopt;
}

std::optional<DateValue> document_date(const DocumentInput& input) {
    if (auto from_title = title_date(input.title)) {
        return from_title;
    }
    for (const auto& mention : input.facts.dates) {
        if (mention.sentence >= kDatelineSentences) {
            break;
        }
        bool fine = mention.value.precision == DatePrecision::Day
                    || mention.value.precision == DatePrecision::Month;
        if (mention.resolved && mention.kind == DateKind::Explicit && !mention.end && fine) {
            return mention.value;
        }
    }
    return std::nullopt;
}

DateMention anchored_to_document(DateMention mention, const DateValue& written) {
    if (mention.resolved) {
        return mention;
    }
    if (mention.kind == DateKind::Deictic) {
        mention.value =
            DateValue{written.year + mention.offset, 0, 0, DatePrecision::Year, DatePart::None};
        mention.resolved = true;
    } else if (mention.kind == DateKind::Partial) {
        mention.value.year = written.year;
        mention.resolved =
            mention.value.day <= days_in_month(mention.value.year, mention.value.month);
    }
    return mention;
}

}  // namespace iskra::extract
