#include "iskra/text/ascii_sentence_boundaries.hpp"

namespace iskra::text {

namespace {

bool is_terminator(char c) {
    return c == '.' || c == '?' || c == '!';
}
bool is_close(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}
bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_continue(char c) {
    return c == ',' || c == ';' || c == ':' || c == '-';
}

// After a '.', a sentence goes on when the next letter (skipping digits, quotes, brackets and
// other non-letters, but not another terminator) is lower-case.
bool continues_lower(std::string_view segment, std::size_t pos) {
    for (; pos < segment.size(); ++pos) {
        const char c = segment[pos];
        if (is_lower(c)) {
            return true;
        }
        if (is_upper(c) || is_terminator(c)) {
            return false;
        }
    }
    return false;
}

}  // namespace

void ascii_sentence_boundaries(std::string_view segment, std::vector<std::size_t>& boundaries) {
    const std::size_t size = segment.size();
    std::size_t pos = 0;
    while (pos < size) {
        if (!is_terminator(segment[pos])) {
            ++pos;
            continue;
        }
        bool only_periods = true;
        std::size_t end = pos;
        while (end < size && is_terminator(segment[end])) {
            only_periods = only_periods && segment[end] == '.';
            ++end;
        }
        while (end < size && is_close(segment[end])) {
            ++end;
        }
        std::size_t next = end;
        while (next < size && is_blank(segment[next])) {
            ++next;
        }
        const bool spaced = next > end;
        if (next < size && spaced) {
            const bool goes_on =
                is_continue(segment[next]) || (only_periods && continues_lower(segment, next));
            if (!goes_on) {
                boundaries.push_back(next);
            }
        }
        pos = next > pos ? next : pos + 1;
    }
    if (size > 0) {
        boundaries.push_back(size);
    }
}

}  // namespace iskra::text
