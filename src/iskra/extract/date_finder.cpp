#include "iskra/extract/date_finder.hpp"

#include <optional>
#include <string>

#include "iskra/extract/lexicon.hpp"
#include "iskra/extract/name_fold.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

std::string DateMention::text_without_aside(std::string_view text) const {
    if (end_byte > text.size() || begin > end_byte) {
        return {};
    }
    if (aside_end <= aside_begin || aside_begin < begin || aside_end > end_byte) {
        return std::string(text.substr(begin, end_byte - begin));
    }
    std::string_view before = text.substr(begin, aside_begin - begin);
    std::string_view after = text.substr(aside_end, end_byte - aside_end);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) {
        before.remove_suffix(1);
    }
    while (!after.empty() && (after.front() == ' ' || after.front() == '\n')) {
        after.remove_prefix(1);
    }
    std::string out(before);
    if (!after.empty() && after.front() != ',') {
        out += ' ';
    }
    out += after;
    return out;
}

Date DateMention::to_date(std::string_view text) const {
    std::string written;
    if (end_byte <= text.size() && begin <= end_byte) {
        written = std::string(text.substr(begin, end_byte - begin));
    }
    Date date = value.to_date(std::move(written));
    if (end) {
        date.precision = "range";
        date.iso = value.iso() + "/" + end->iso();
    }
    return date;
}

namespace {

constexpr std::int32_t kMinYear = 1000;
constexpr std::int32_t kMaxYear = 2100;

bool is_dash_text(std::string_view piece) {
    return piece == "-" || piece == "\u2013" || piece == "\u2014" || piece == "\u2012"
           || piece == "\u2212";
}

bool is_chain_separator(std::string_view piece) {
    return is_dash_text(piece) || piece == "/" || piece == "." || piece == ":" || piece == ",";
}

// Reads the date expressions of one text; one instance per call of find_dates.
class DateScanner {
  public:
    DateScanner(std::string_view text, std::vector<ScanToken> tokens, const FoldedWords& folded)
        : text_(text), tokens_(std::move(tokens)) {
        std::vector<std::uint32_t> origin = split_glued_numbers();
        folded_.reserve(tokens_.size());
        for (std::uint32_t from : origin) {
            folded_.push_back(from < folded.size() ? std::string_view(folded[from])
                                                   : std::string_view());
        }
        mark_blocked_numbers();
    }

    std::vector<DateMention> run() {
        std::vector<DateMention> out;
        std::size_t idx = 0;
        while (idx < tokens_.size()) {
            std::size_t next = match_at(idx, out);
            idx = next > idx ? next : idx + 1;
        }
        return out;
    }

  private:
    std::string_view piece(const ScanToken& token) const {
        return text_.substr(token.begin, token.end - token.begin);
    }
    std::string_view piece(std::size_t idx) const { return piece(tokens_[idx]); }
    bool valid(std::size_t idx) const { return idx < tokens_.size(); }
    bool is_number(std::size_t idx) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Number;
    }
    bool is_word(std::size_t idx) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Word;
    }
    bool is_punct(std::size_t idx, std::string_view what) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Punct && piece(idx) == what;
    }
    bool is_dash(std::size_t idx) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Punct && is_dash_text(piece(idx));
    }
    std::string_view word(std::size_t idx) const {
        return is_word(idx) ? folded_[idx] : std::string_view();
    }
    std::size_t digits(std::size_t idx) const { return tokens_[idx].end - tokens_[idx].begin; }
    std::int32_t number(std::size_t idx) const {
        std::int32_t value = 0;
        for (char c : piece(idx).substr(0, 9)) {
            value = value * 10 + (c - '0');
        }
        return value;
    }
    bool is_year(std::size_t idx) const {
        if (!is_number(idx) || blocked_[idx] || digits(idx) != 4) {
            return false;
        }
        std::int32_t value = number(idx);
        return value >= kMinYear && value <= kMaxYear;
    }
    bool is_day(std::size_t idx) const {
        if (!is_number(idx) || blocked_[idx] || digits(idx) > 2) {
            return false;
        }
        std::int32_t value = number(idx);
        return value >= 1 && value <= 31;
    }
    int month_at(std::size_t idx) const {
        return is_word(idx) ? lexicon::month_number(word(idx)) : 0;
    }

    // Skips an ordinal suffix ("21st") and a period after a month abbreviation.
    std::size_t skip_ordinal(std::size_t idx) const {
        std::string_view w = word(idx);
        if (is_word(idx) && tokens_[idx].glued
            && (w == "st" || w == "nd" || w == "rd" || w == "th")) {
            return idx + 1;
        }
        return idx;
    }
    std::size_t skip_period(std::size_t idx) const {
        return is_punct(idx, ".") && tokens_[idx].glued ? idx + 1 : idx;
    }
    std::size_t skip_comma(std::size_t idx) const { return is_punct(idx, ",") ? idx + 1 : idx; }

    std::vector<std::uint32_t> split_glued_numbers();
    void mark_blocked_numbers();
    std::size_t match_at(std::size_t idx, std::vector<DateMention>& out) const;
    std::size_t try_iso(std::size_t idx, DateMention& m) const;
    std::size_t try_day_month(std::size_t idx, DateMention& m) const;
    std::size_t try_month_day(std::size_t idx, DateMention& m) const;
    std::size_t try_month_year(std::size_t idx, DateMention& m) const;
    std::size_t try_decade(std::size_t idx, DateMention& m) const;
    std::size_t try_range(std::size_t idx, DateMention& m) const;
    std::size_t try_year(std::size_t idx, DateMention& m) const;
    std::size_t try_relative(std::size_t idx, DateMention& m) const;
    std::size_t try_deictic(std::size_t idx, DateMention& m) const;
    std::size_t parse_bracketed_date(std::size_t idx,
                                     std::optional<DateValue>& other,
                                     bool& other_is_old) const;
    std::size_t skip_style_marker(std::size_t idx, bool& saw_old, bool& saw_new) const;
    std::size_t parse_bracket_body(std::size_t idx, DateValue& value) const;
    std::size_t skip_to_close(std::size_t idx) const;
    bool is_close(std::size_t idx) const { return is_punct(idx, "]") || is_punct(idx, ")"); }
    void attach_other(DateMention& m, std::optional<DateValue> other, bool other_is_old) const;
    // Records tokens [open, after) as the mention's other-calendar bracket, when not empty.
    void set_aside(DateMention& m, std::size_t open, std::size_t after) const {
        if (after > open) {
            m.aside_begin = tokens_[open].begin;
            m.aside_end = tokens_[after - 1].end;
        }
    }
    DatePart qualifier_before(std::size_t idx, std::size_t& begin_idx) const;
    bool looks_like_quantity(std::size_t idx) const;
    bool lifespan_context(std::size_t idx) const;
    bool glued_to_non_date(std::size_t idx) const;
    bool has_date_context(std::size_t idx) const;
    bool before_address(std::size_t idx) const;
    bool plausible_bare_year(std::size_t idx) const;

    std::string_view text_;
    std::vector<ScanToken> tokens_;
    std::vector<std::string_view> folded_;
    std::vector<bool> blocked_;
};

// Infobox dumps glue numbers together: "19401940-08-21" (a year then an ISO date) and
// "1879-11-077 november" (an ISO date then a day). Split them where the pieces are plausible.
std::vector<std::uint32_t> DateScanner::split_glued_numbers() {
    constexpr std::uint32_t kInserted = ~0u;
    std::vector<ScanToken> out;
    std::vector<std::uint32_t> origin;
    out.reserve(tokens_.size() + 4);
    origin.reserve(tokens_.size() + 4);
    for (std::size_t idx = 0; idx < tokens_.size(); ++idx) {
        ScanToken token = tokens_[idx];
        std::size_t size = token.end - token.begin;
        if (token.kind == TokenKind::Number && size == 8) {
            std::int32_t first = 0;
            std::int32_t second = 0;
            for (std::size_t k = 0; k < 4; ++k) {
                first = first * 10 + (text_[token.begin + k] - '0');
                second = second * 10 + (text_[token.begin + 4 + k] - '0');
            }
            if (first >= kMinYear && first <= kMaxYear && second >= kMinYear
                && second <= kMaxYear) {
                ScanToken head = token;
                head.end = token.begin + 4;
                ScanToken tail = token;
                tail.begin = token.begin + 4;
                tail.glued = true;
                out.push_back(head);
                out.push_back(tail);
                origin.push_back(static_cast<std::uint32_t>(idx));
                origin.push_back(kInserted);
                continue;
            }
        }
        bool after_iso_month = out.size() >= 4 && out.back().kind == TokenKind::Punct
                               && piece(out.back()) == "-"
                               && out[out.size() - 2].kind == TokenKind::Number
                               && out[out.size() - 2].end - out[out.size() - 2].begin == 2
                               && piece(out[out.size() - 3]) == "-"
                               && out[out.size() - 4].end - out[out.size() - 4].begin == 4;
        if (token.kind == TokenKind::Number && token.glued && (size == 3 || size == 4)
            && after_iso_month) {
            ScanToken head = token;
            head.end = token.begin + 2;
            ScanToken tail = token;
            tail.begin = token.begin + 2;
            tail.glued = true;
            out.push_back(head);
            out.push_back(tail);
            origin.push_back(static_cast<std::uint32_t>(idx));
            origin.push_back(kInserted);
            continue;
        }
        out.push_back(token);
        origin.push_back(static_cast<std::uint32_t>(idx));
    }
    tokens_ = std::move(out);
    return origin;
}

// Numbers joined by separators without spaces form chains ("13/2182-90", "1,500", "15:01",
// "504-528-1944"); only an ISO date or a year range may be such a chain. Runs of three or more
// numbers ("0000 0001 2277 1584") and numbers after a label ("page 1917", "No. 1917", "$1987")
// are not dates either.
void DateScanner::mark_blocked_numbers() {
    blocked_.assign(tokens_.size(), false);
    std::size_t idx = 0;
    while (idx < tokens_.size()) {
        if (!is_number(idx)) {
            ++idx;
            continue;
        }
        std::size_t last = idx;
        std::size_t count = 1;
        while (valid(last + 2) && tokens_[last + 1].glued && tokens_[last + 2].glued
               && tokens_[last + 1].kind == TokenKind::Punct && is_chain_separator(piece(last + 1))
               && is_number(last + 2)) {
            last += 2;
            ++count;
        }
        bool allowed = true;
        if (count >= 2) {
            bool iso = count == 3 && digits(idx) == 4 && digits(idx + 2) == 2
                       && digits(idx + 4) == 2 && is_punct(idx + 1, "-") && is_punct(idx + 3, "-");
            bool range = count == 2 && digits(idx) == 4
                         && (digits(idx + 2) == 4 || digits(idx + 2) == 2)
                         && (is_dash(idx + 1) || is_punct(idx + 1, "/"));
            allowed = iso || range;
        }
        // A following glued "." or "," and digits already joined the chain; a trailing glued
        // word other than a plural/ordinal ("1500m") or a percent sign makes a measure.
        if (valid(last + 1) && tokens_[last + 1].glued) {
            std::string_view after = piece(last + 1);
            if (after == "%") {
                allowed = false;
            }
        }
        if (idx > 0) {
            std::string_view before = piece(idx - 1);
            if (before == "$" || before == "#" || before == "\u2116" || before == "\u00a3"
                || before == "\u20ac" || before == "+" || before == "=" || before == "\u00a7") {
                allowed = false;
            }
            std::size_t label_idx = is_punct(idx - 1, ".") && idx >= 2 ? idx - 2 : idx - 1;
            if (is_word(label_idx) && lexicon::is_number_label(word(label_idx))) {
                allowed = false;
            }
        }
        if (!allowed) {
            for (std::size_t k = idx; k <= last; k += 2) {
                blocked_[k] = true;
            }
        }
        idx = last + 1;
    }
    // Runs of three or more space-separated numbers are identifiers or tables.
    idx = 0;
    while (idx < tokens_.size()) {
        std::size_t end = idx;
        while (is_number(end)) {
            ++end;
        }
        if (end - idx >= 3) {
            for (std::size_t k = idx; k < end; ++k) {
                blocked_[k] = true;
            }
        }
        idx = end > idx ? end : idx + 1;
    }
}

std::size_t DateScanner::match_at(std::size_t idx, std::vector<DateMention>& out) const {
    DateMention mention;
    std::size_t next = idx;
    if (is_number(idx)) {
        for (auto matcher : {&DateScanner::try_iso,
                             &DateScanner::try_day_month,
                             &DateScanner::try_decade,
                             &DateScanner::try_range,
                             &DateScanner::try_year,
                             &DateScanner::try_relative}) {
            next = (this->*matcher)(idx, mention);
            if (next > idx) {
                break;
            }
        }
    } else if (is_word(idx)) {
        for (auto matcher : {&DateScanner::try_month_day,
                             &DateScanner::try_month_year,
                             &DateScanner::try_relative}) {
            next = (this->*matcher)(idx, mention);
            if (next > idx) {
                break;
            }
        }
    }
    if (next > idx) {
        out.push_back(mention);
    }
    return next;
}

std::size_t DateScanner::try_iso(std::size_t idx, DateMention& m) const {
    if (!is_number(idx) || digits(idx) != 4 || blocked_[idx] || !is_punct(idx + 1, "-")
        || !is_number(idx + 2) || digits(idx + 2) != 2 || !is_punct(idx + 3, "-")
        || !is_number(idx + 4) || digits(idx + 4) != 2 || !tokens_[idx + 1].glued
        || !tokens_[idx + 4].glued) {
        return idx;
    }
    std::int32_t year = number(idx);
    std::int32_t month = number(idx + 2);
    std::int32_t day = number(idx + 4);
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1
        || day > days_in_month(year, month)) {
        return idx;
    }
    m.value = DateValue{year,
                        static_cast<std::uint8_t>(month),
                        static_cast<std::uint8_t>(day),
                        DatePrecision::Day,
                        DatePart::None};
    m.begin = tokens_[idx].begin;
    m.end_byte = tokens_[idx + 4].end;
    return idx + 5;
}

// Reads "[o.s. 26 october]" / "(N.S. 8 November 1917)" / "[O.S. October 26]" after a day and
// month (or after a whole date). A bracket that names the Old Style but whose date is cut or
// garbled ("[o october]") is skipped: the date outside it is the New Style one either way.
std::size_t DateScanner::parse_bracketed_date(std::size_t idx,
                                              std::optional<DateValue>& other,
                                              bool& other_is_old) const {
    if (!is_punct(idx, "[") && !is_punct(idx, "(")) {
        return idx;
    }
    bool saw_old = false;
    bool saw_new = false;
    const std::size_t pos = skip_style_marker(idx + 1, saw_old, saw_new);
    if (!(saw_old || saw_new)) {
        return idx;
    }
    DateValue value;
    const std::size_t end = parse_bracket_body(pos, value);
    if (end != pos) {
        other = value;
        other_is_old = saw_old;
        return end;
    }
    return saw_old ? skip_to_close(pos) : idx;
}

// Skips "o.s.", "O.S.", "os", "old style", "n.s.", "new style" from `idx`; says which it saw.
std::size_t DateScanner::skip_style_marker(std::size_t idx, bool& saw_old, bool& saw_new) const {
    const std::size_t limit = idx + 6;
    while (valid(idx) && idx < limit) {
        std::string_view w = word(idx);
        if (w == "o" || w == "os" || w == "old") {
            saw_old = true;
        } else if (w == "n" || w == "ns" || w == "new") {
            saw_new = true;
        } else if (!(is_punct(idx, ".") || w == "s" || w == "style")) {
            break;
        }
        ++idx;
    }
    return idx;
}

// Reads "26 october", "October 26" or either with a year, then the closing bracket. Returns the
// index after the bracket, or `idx` when the body is not such a date.
std::size_t DateScanner::parse_bracket_body(std::size_t idx, DateValue& value) const {
    std::size_t pos = idx;
    std::size_t day_idx = idx;
    int month = 0;
    if (is_day(idx)) {
        pos = skip_ordinal(idx + 1);
        month = month_at(pos);
        pos = skip_period(pos + 1);
    } else if (month_at(idx) != 0 && is_day(skip_period(idx + 1))) {
        month = month_at(idx);
        day_idx = skip_period(idx + 1);
        pos = skip_ordinal(day_idx + 1);
    }
    if (month == 0 || number(day_idx) > days_in_month(2000, month)) {
        return idx;
    }
    value = DateValue{0,
                      static_cast<std::uint8_t>(month),
                      static_cast<std::uint8_t>(number(day_idx)),
                      DatePrecision::Day,
                      DatePart::None};
    pos = skip_comma(pos);
    if (is_year(pos)) {
        value.year = number(pos);
        ++pos;
    }
    return is_close(pos) ? pos + 1 : idx;
}

// The index after a closing bracket within a few tokens of `idx`, or `idx` when there is none.
std::size_t DateScanner::skip_to_close(std::size_t idx) const {
    for (std::size_t pos = idx; valid(pos) && pos < idx + 5; ++pos) {
        if (is_close(pos)) {
            return pos + 1;
        }
        if (is_punct(pos, "[") || is_punct(pos, "(")) {
            break;
        }
    }
    return idx;
}

// Records the other calendar's date of a mention: `other` is the Old Style date, or, when it is
// the New Style one, the mention's value becomes the Old Style and `other` its value.
void DateScanner::attach_other(DateMention& m,
                               std::optional<DateValue> other,
                               bool other_is_old) const {
    if (!other) {
        return;
    }
    if (other->year == 0) {
        other->year = m.value.year;
    }
    if (other_is_old) {
        m.old_style = other;
    } else {
        m.old_style = m.value;
        m.value = *other;
    }
}

std::size_t DateScanner::try_day_month(std::size_t idx, DateMention& m) const {
    if (!is_day(idx)) {
        return idx;
    }
    std::size_t pos = skip_ordinal(idx + 1);
    if (word(pos) == "of") {
        ++pos;
    }
    int month = month_at(pos);
    if (month == 0 || number(idx) > days_in_month(2000, month)) {
        return idx;
    }
    std::size_t month_end = pos + 1;
    pos = skip_comma(skip_period(month_end));
    std::optional<DateValue> other;
    bool other_is_old = false;
    const std::size_t bracket = pos;
    pos = parse_bracketed_date(pos, other, other_is_old);
    const bool skipped_bracket = pos != bracket;
    set_aside(m, bracket, pos);
    pos = skip_comma(pos);
    m.value = DateValue{0,
                        static_cast<std::uint8_t>(month),
                        static_cast<std::uint8_t>(number(idx)),
                        DatePrecision::Day,
                        DatePart::None};
    m.begin = tokens_[idx].begin;
    if (is_year(pos)) {
        m.value.year = number(pos);
        m.end_byte = tokens_[pos].end;
        ++pos;
        if (!skipped_bracket) {  // "7 November 1879 [O.S. 26 October 1879]"
            const std::size_t after = parse_bracketed_date(pos, other, other_is_old);
            m.end_byte = after != pos ? tokens_[after - 1].end : m.end_byte;
            set_aside(m, pos, after);
            pos = after;
        }
    } else {
        if (!other && (is_punct(pos, "[") || is_punct(pos, "("))) {
            m.aside_begin = m.aside_end = 0;
            return idx;  // "7 november [o" cut off by a line break: the year is unknowable
        }
        // A day and month without a year: the year comes from the passage.
        m.kind = DateKind::Partial;
        m.resolved = false;
        pos = skipped_bracket ? pos : month_end;
        m.end_byte = tokens_[pos - 1].end;
    }
    attach_other(m, other, other_is_old);
    return pos;
}

std::size_t DateScanner::try_month_day(std::size_t idx, DateMention& m) const {
    int month = month_at(idx);
    if (month == 0 || (word(idx) == "may" && !tokens_[idx].capitalized)) {
        return idx;
    }
    std::size_t pos = skip_period(idx + 1);
    if (!is_day(pos) || number(pos) > days_in_month(2000, month)) {
        return idx;
    }
    std::size_t day_idx = pos;
    pos = skip_ordinal(pos + 1);
    std::optional<DateValue> other;
    bool other_is_old = false;
    const std::size_t bracket = pos;
    pos = parse_bracketed_date(pos, other, other_is_old);  // "November 7 [O.S. ...],"
    set_aside(m, bracket, pos);
    pos = skip_comma(pos);
    m.value = DateValue{0,
                        static_cast<std::uint8_t>(month),
                        static_cast<std::uint8_t>(number(day_idx)),
                        DatePrecision::Day,
                        DatePart::None};
    m.begin = tokens_[idx].begin;
    if (is_year(pos)) {
        m.value.year = number(pos);
        m.end_byte = tokens_[pos].end;
        attach_other(m, other, other_is_old);
        return pos + 1;
    }
    m.kind = DateKind::Partial;
    m.resolved = false;
    m.end_byte = tokens_[day_idx].end;
    m.aside_begin = m.aside_end = 0;
    return day_idx + 1;
}

DatePart DateScanner::qualifier_before(std::size_t idx, std::size_t& begin_idx) const {
    begin_idx = idx;
    if (idx == 0) {
        return DatePart::None;
    }
    std::size_t prev = idx - 1;
    if (is_dash(prev) && prev > 0) {
        --prev;
    }
    std::string_view w = word(prev);
    DatePart part = DatePart::None;
    if (w == "early" || w == "spring" || w == "beginning") {
        part = DatePart::Early;
    } else if (w == "mid" || w == "middle" || w == "summer") {
        part = DatePart::Mid;
    } else if (w == "late" || w == "autumn" || w == "fall" || w == "winter" || w == "end") {
        part = DatePart::Late;
    }
    if (part != DatePart::None) {
        begin_idx = prev;
    }
    return part;
}

std::size_t DateScanner::try_month_year(std::size_t idx, DateMention& m) const {
    int month = month_at(idx);
    if (month == 0) {
        return idx;
    }
    std::size_t pos = skip_comma(skip_period(idx + 1));
    if (word(pos) == "of") {
        ++pos;
    }
    // A month name makes the number a year even before a quantity word ("november 1927
    // demonstrators"), except for "may", which is also a verb.
    if (!is_year(pos) || (word(idx) == "may" && looks_like_quantity(pos))) {
        return idx;
    }
    std::size_t begin_idx = idx;
    DatePart part = qualifier_before(idx, begin_idx);
    m.value =
        DateValue{number(pos), static_cast<std::uint8_t>(month), 0, DatePrecision::Month, part};
    m.begin = tokens_[begin_idx].begin;
    m.end_byte = tokens_[pos].end;
    return pos + 1;
}

std::size_t DateScanner::try_decade(std::size_t idx, DateMention& m) const {
    if (!is_year(idx) || number(idx) % 10 != 0) {
        return idx;
    }
    std::size_t pos = idx + 1;
    if (is_punct(pos, "'") || is_punct(pos, "\u2019")) {
        ++pos;
    }
    if (word(pos) != "s") {
        return idx;
    }
    std::size_t begin_idx = idx;
    DatePart part = qualifier_before(idx, begin_idx);
    m.value = DateValue{number(idx), 0, 0, DatePrecision::Decade, part};
    m.begin = tokens_[begin_idx].begin;
    m.end_byte = tokens_[pos].end;
    return pos + 1;
}

bool DateScanner::lifespan_context(std::size_t idx) const {
    std::size_t prev = idx;
    if (prev > 0 && is_punct(prev - 1, "(")) {
        --prev;
    }
    if (prev == 0 || !is_word(prev - 1)) {
        return false;
    }
    std::string_view w = word(prev - 1);
    return !lexicon::is_function_word(w) && lexicon::month_number(w) == 0 && w != "from"
           && w != "between" && w != "years" && w != "period" && w != "war";
}

std::size_t DateScanner::try_range(std::size_t idx, DateMention& m) const {
    if (!is_year(idx)) {
        return idx;
    }
    std::size_t pos = idx + 1;
    std::string_view before = idx > 0 ? word(idx - 1) : std::string_view();
    bool dash = is_dash(pos) || (is_punct(pos, "/") && tokens_[pos].glued);
    bool to_word = (word(pos) == "to" || word(pos) == "until" || word(pos) == "till")
                   && (before == "from" || before == "since");
    bool and_word = word(pos) == "and" && before == "between";
    if (!(dash || to_word || and_word) || !is_number(pos + 1) || blocked_[pos + 1]) {
        return idx;
    }
    std::int32_t start = number(idx);
    std::int32_t stop = number(pos + 1);
    if (digits(pos + 1) == 2 && dash) {
        stop = start / 100 * 100 + stop;
    } else if (digits(pos + 1) != 4) {
        return idx;
    }
    if (stop <= start || stop - start > 150 || stop > kMaxYear) {
        return idx;
    }
    m.value = DateValue{start, 0, 0, DatePrecision::Year, DatePart::None};
    m.end = DateValue{stop, 0, 0, DatePrecision::Year, DatePart::None};
    m.begin = (to_word || and_word) ? tokens_[idx - 1].begin : tokens_[idx].begin;
    m.end_byte = tokens_[pos + 1].end;
    if (dash && stop - start >= 20 && stop - start <= 110 && lifespan_context(idx)) {
        m.kind = DateKind::Lifespan;
    }
    return pos + 2;
}

bool DateScanner::looks_like_quantity(std::size_t idx) const {
    std::size_t next = idx + 1;
    if (!valid(next)) {
        return false;
    }
    if (tokens_[next].glued && is_word(next) && word(next) != "s") {
        return true;  // "1500m", "1917bn"
    }
    if (!is_word(next)) {
        return false;
    }
    std::string_view w = word(next);
    if (lexicon::is_quantity_noun(w)) {
        return true;
    }
    // "1000 demonstrators": a plural common noun right after the number, with no preposition
    // before it that would make it a year ("in 1987 sales rose").
    std::string_view before = idx > 0 ? word(idx - 1) : std::string_view();
    bool date_preposition = before == "in" || before == "since" || before == "by"
                            || before == "until" || before == "from" || before == "after"
                            || before == "before" || before == "during" || before == "of"
                            || before == "year" || before == "circa" || before == "c";
    // Years far outnumber such counts from 1600 on, where the guess would cost real dates
    // ("tolstoy 1925 circumstances" in stop-word-stripped text).
    return !date_preposition && number(idx) < 1600 && !tokens_[next].capitalized && w.size() >= 5
           && w.back() == 's' && w[w.size() - 2] != 's' && lexicon::month_number(w) == 0;
}

// A number written into a word, a code or an expression: "VA1000", "0x1000", "_1000",
// "-1000", "1000-line", "1000^2", "kB=1000", "1000x768".
bool DateScanner::glued_to_non_date(std::size_t idx) const {
    if (idx > 0 && tokens_[idx].glued) {
        const ScanToken& prev = tokens_[idx - 1];
        std::string_view before = piece(idx - 1);
        if (prev.kind == TokenKind::Word) {
            // Infobox dumps join a label and a date ("office1917"); a short or all-capital
            // word before the digits makes a code ("VA1000", "0x1000").
            if (prev.all_caps || prev.end - prev.begin < 4) {
                return true;
            }
        } else if (is_dash(idx - 1)) {
            // "mid-1919", "program\u20141938" join words; "-1000" and "3-1000" are numbers.
            return !(idx >= 2 && tokens_[idx - 1].glued && is_word(idx - 2));
        } else if (!(before == "(" || before == "[" || before == "\"" || before == "'"
                     || before == "\u201c" || before == "\u2018")) {
            return true;  // "_1000", "3..1000", "/1000"
        }
    }
    if (valid(idx + 1) && tokens_[idx + 1].glued) {
        std::string_view after = piece(idx + 1);
        if (after == "^" || after == "*" || after == "=" || after == "_" || after == "/"
            || after == "+" || after == "x" || after == "\u00d7") {
            return true;
        }
        if (is_dash(idx + 1) && valid(idx + 2) && tokens_[idx + 2].glued && is_word(idx + 2)) {
            return true;  // "1000-line", "DTV1000-T"
        }
    }
    std::string_view before = idx > 0 ? piece(idx - 1) : std::string_view();
    std::string_view after = valid(idx + 1) ? piece(idx + 1) : std::string_view();
    return before == "=" || before == "<" || before == ">" || after == "=" || after == "<"
           || after == ">";
}

// Words that make a bare number a year: "in 1917", "since 1855", "the summer of 1917",
// "early 1921", "the 1905 revolution", "1000 A.D.", "born: 1879".
bool DateScanner::has_date_context(std::size_t idx) const {
    std::size_t prev = idx;
    if (prev > 0 && (is_punct(prev - 1, "(") || is_punct(prev - 1, ","))) {
        --prev;
    }
    if (prev > 0 && is_punct(prev - 1, ":") && prev >= 2) {
        return lexicon::is_date_label(word(prev - 2));
    }
    std::string_view w = prev > 0 ? word(prev - 1) : std::string_view();
    if (lexicon::is_date_preposition(w) || lexicon::is_date_label(w)) {
        return true;
    }
    if (w == "of" && prev >= 2
        && (lexicon::is_event_word(word(prev - 2)) || lexicon::is_date_qualifier(word(prev - 2)))) {
        return true;
    }
    std::size_t begin_idx = idx;
    if (qualifier_before(idx, begin_idx) != DatePart::None) {
        return true;
    }
    std::string_view next = valid(idx + 1) ? word(idx + 1) : std::string_view();
    if (next == "ad" || next == "bc" || next == "bce" || next == "ce"
        || (next == "a" && is_punct(idx + 2, ".") && word(idx + 3) == "d")
        || (next == "b" && is_punct(idx + 2, ".") && word(idx + 3) == "c")) {
        return true;
    }
    // "1917's", "(1917)", a year closing a parenthesis
    if (is_punct(idx + 1, "'") && word(idx + 2) == "s") {
        return true;
    }
    return idx > 0 && is_punct(idx - 1, "(") && is_punct(idx + 1, ")");
}

// "1522 Vyse Avenue": a house number.
bool DateScanner::before_address(std::size_t idx) const {
    for (std::size_t k = idx + 1; k <= idx + 3 && valid(k); ++k) {
        if (!is_word(k)) {
            return false;
        }
        if (lexicon::is_street_word(word(k))) {
            return k > idx + 1;
        }
    }
    return false;
}

// A bare four-digit number is a year only with a date word around it, or, in plain prose, when
// it falls where years are common and nothing marks it as a count, code, address or label.
bool DateScanner::plausible_bare_year(std::size_t idx) const {
    if (glued_to_non_date(idx) || before_address(idx)) {
        return false;
    }
    std::int32_t value = number(idx);
    if (has_date_context(idx)) {
        return !looks_like_quantity(idx);
    }
    std::string_view next = valid(idx + 1) ? word(idx + 1) : std::string_view();
    if (value >= 1500 && lexicon::is_event_word(next)) {
        return true;  // "the 1905 revolution"
    }
    bool round = value % 1000 == 0 || value == 1024 || value == 2048 || value == 1080;
    return value >= 1500 && !round && !looks_like_quantity(idx);
}

std::size_t DateScanner::try_year(std::size_t idx, DateMention& m) const {
    if (!is_year(idx) || !plausible_bare_year(idx)) {
        return idx;
    }
    std::size_t begin_idx = idx;
    DatePart part = qualifier_before(idx, begin_idx);
    m.value = DateValue{number(idx), 0, 0, DatePrecision::Year, part};
    m.begin = tokens_[begin_idx].begin;
    m.end_byte = tokens_[idx].end;
    return idx + 1;
}

// "this year", "the present year", "last year", "next year", "the coming year": years counted
// from when the text was written. "The past year" (the twelve months up to the writing) is
// dated to the writing year.
std::size_t DateScanner::try_deictic(std::size_t idx, DateMention& m) const {
    std::size_t pos = word(idx) == "the" ? idx + 1 : idx;
    std::string_view which = word(pos);
    if (word(pos + 1) != "year") {
        return idx;
    }
    int offset = 0;
    if (which == "this"
        || (pos > idx && (which == "present" || which == "current" || which == "past"))) {
        offset = 0;
    } else if (pos == idx && which == "last") {
        offset = -1;
    } else if ((pos == idx && which == "next") || (pos > idx && which == "coming")) {
        offset = 1;
    } else {
        return idx;
    }
    m.kind = DateKind::Deictic;
    m.resolved = false;
    m.offset = static_cast<std::int16_t>(offset);
    m.unit = OffsetUnit::Year;
    m.begin = tokens_[idx].begin;
    m.end_byte = tokens_[pos + 1].end;
    return pos + 2;
}

std::size_t DateScanner::try_relative(std::size_t idx, DateMention& m) const {
    std::string_view first = word(idx);
    auto unit_of = [](std::string_view w) {
        if (w == "day" || w == "days" || w == "morning" || w == "evening" || w == "night") {
            return OffsetUnit::Day;
        }
        if (w == "week" || w == "weeks") {
            return OffsetUnit::Week;
        }
        if (w == "month" || w == "months") {
            return OffsetUnit::Month;
        }
        if (w == "year" || w == "years") {
            return OffsetUnit::Year;
        }
        return OffsetUnit::None;
    };
    if (std::size_t next = try_deictic(idx, m); next > idx) {
        return next;
    }
    // "the next day", "the following year", "the same day"
    if (first == "the" && is_word(idx + 1) && is_word(idx + 2)) {
        std::string_view which = word(idx + 1);
        OffsetUnit unit = unit_of(word(idx + 2));
        bool next = which == "next" || which == "following";
        bool same = which == "same" && unit == OffsetUnit::Day;
        if ((next || same) && unit != OffsetUnit::None && word(idx + 2).back() != 's') {
            m.kind = DateKind::Relative;
            m.resolved = false;
            m.offset = same ? 0 : 1;
            m.unit = unit;
            m.begin = tokens_[idx].begin;
            m.end_byte = tokens_[idx + 2].end;
            return idx + 3;
        }
        return idx;
    }
    // "two months later", "10 days later", "a year later"
    int amount = 0;
    if (is_number(idx) && digits(idx) <= 2 && !blocked_[idx]) {
        amount = number(idx);
    } else if (is_word(idx)) {
        amount = lexicon::number_word(first);
    }
    if (amount <= 0 || !is_word(idx + 1) || !is_word(idx + 2)) {
        return idx;
    }
    OffsetUnit unit = unit_of(word(idx + 1));
    std::string_view after = word(idx + 2);
    if (unit == OffsetUnit::None || (after != "later" && after != "afterwards")) {
        return idx;
    }
    m.kind = DateKind::Relative;
    m.resolved = false;
    m.offset = static_cast<std::int16_t>(amount);
    m.unit = unit;
    m.begin = tokens_[idx].begin;
    m.end_byte = tokens_[idx + 2].end;
    return idx + 3;
}

// Most sentences hold no date: without a number or a word that starts a relative date there is
// nothing to read.
bool may_hold_date(const std::vector<ScanToken>& tokens, const FoldedWords& folded) {
    for (std::size_t idx = 0; idx < tokens.size(); ++idx) {
        if (tokens[idx].kind == TokenKind::Number) {
            return true;
        }
        std::string_view w = folded[idx];
        bool deictic_year = w == "year" && idx > 0
                            && (folded[idx - 1] == "this" || folded[idx - 1] == "last"
                                || folded[idx - 1] == "present" || folded[idx - 1] == "current"
                                || folded[idx - 1] == "past" || folded[idx - 1] == "coming");
        if (w == "later" || w == "next" || w == "following" || w == "same" || w == "afterwards"
            || deictic_year) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view sentence,
                                    const std::vector<ScanToken>& tokens,
                                    const FoldedWords& folded) {
    if (!may_hold_date(tokens, folded)) {
        return {};
    }
    return DateScanner(sentence, tokens, folded).run();
}

std::vector<DateMention> find_dates(std::string_view sentence) {
    auto tokens = scan_words(sentence);
    auto folded = fold_words(sentence, tokens);
    return find_dates(sentence, tokens, folded);
}

}  // namespace iskra::extract
