#include "iskra/answer/office_question.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "iskra/answer/question_words.hpp"
#include "iskra/extract/lexicon.hpp"

namespace iskra::answer {
namespace {

using Words = std::vector<QuestionWord>;

template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

constexpr std::array<std::string_view, 3> kAfterVerbs = {"succeeded", "replaced", "followed"};
constexpr std::array<std::string_view, 3> kAfterVerbsBase = {"succeed", "replace", "follow"};
constexpr std::array<std::string_view, 2> kCopulas = {"was", "is"};

// The words [from, to) as typed, without a leading article; `possessive` keeps their "'s".
std::string join(const Words& w, std::size_t from, std::size_t to, bool possessive = true) {
    std::string out;
    for (std::size_t i = from; i < to && i < w.size(); ++i) {
        if (out.empty() && (w[i].lower == "the" || w[i].lower == "a")) {
            continue;
        }
        out +=
            (out.empty() ? "" : " ") + w[i].surface + (possessive && w[i].possessive ? "'s" : "");
    }
    return out;
}

bool is_year(const QuestionWord& w) {
    return w.lower.size() == 4 && std::all_of(w.lower.begin(), w.lower.end(), [](char c) {
               return c >= '0' && c <= '9';
           });
}

// Drops a trailing "in 1905" from [from, to) into `year`; returns the new end.
std::size_t strip_year(const Words& w, std::size_t from, std::size_t to, int& year) {
    if (to >= from + 2 && is_year(w[to - 1]) && w[to - 2].lower == "in") {
        year = std::stoi(w[to - 1].lower);
        return to - 2;
    }
    return to;
}

std::size_t find_word(const Words& w, std::string_view word, std::size_t from) {
    for (std::size_t i = from; i < w.size(); ++i) {
        if (w[i].lower == word) {
            return i;
        }
    }
    return w.size();
}

// "who succeeded X as T", "who preceded X as T"
std::optional<OfficeQuestion> verb_form(const Words& w) {
    const bool after = one_of(w[1].lower, kAfterVerbs);
    if (!after && w[1].lower != "preceded") {
        return std::nullopt;
    }
    const std::size_t as = find_word(w, "as", 2);
    if (as == w.size() || as == 2) {
        return std::nullopt;
    }
    OfficeQuestion q;
    q.kind = after ? OfficeQuestion::Kind::Successor : OfficeQuestion::Kind::Predecessor;
    q.person = join(w, 2, as, false);
    q.title = join(w, as + 1, strip_year(w, as + 1, w.size(), q.year));
    return q;
}

// "who did X succeed as T": X came after the one asked for.
std::optional<OfficeQuestion> did_form(const Words& w) {
    if (w[1].lower != "did") {
        return std::nullopt;
    }
    for (std::size_t v = 3; v < w.size(); ++v) {
        const bool after = one_of(w[v].lower, kAfterVerbsBase);
        if (!after && w[v].lower != "precede") {
            continue;
        }
        const std::size_t as = find_word(w, "as", v + 1);
        if (as != v + 1) {
            return std::nullopt;
        }
        OfficeQuestion q;
        q.kind = after ? OfficeQuestion::Kind::Predecessor : OfficeQuestion::Kind::Successor;
        q.person = join(w, 2, v, false);
        q.title = join(w, as + 1, strip_year(w, as + 1, w.size(), q.year));
        return q;
    }
    return std::nullopt;
}

// "who was X's successor as T", "who was the successor of X as T"
std::optional<OfficeQuestion> noun_form(const Words& w) {
    if (!one_of(w[1].lower, kCopulas)) {
        return std::nullopt;
    }
    for (std::size_t s = 2; s < w.size(); ++s) {
        const bool successor = w[s].lower == "successor";
        if (!successor && w[s].lower != "predecessor") {
            continue;
        }
        const std::size_t as = find_word(w, "as", s + 1);
        if (as == w.size()) {
            return std::nullopt;
        }
        OfficeQuestion q;
        q.kind = successor ? OfficeQuestion::Kind::Successor : OfficeQuestion::Kind::Predecessor;
        q.person =
            s + 1 < as && w[s + 1].lower == "of" ? join(w, s + 2, as, false) : join(w, 2, s, false);
        q.title = join(w, as + 1, strip_year(w, as + 1, w.size(), q.year));
        return q.person.empty() ? std::nullopt : std::optional<OfficeQuestion>(q);
    }
    return std::nullopt;
}

// "who was the chairman of O in 1905": an office head before any "of".
std::optional<OfficeQuestion> holder_form(const Words& w) {
    if (!one_of(w[1].lower, kCopulas) || w.size() < 3 || w[2].lower != "the") {
        return std::nullopt;
    }
    const std::size_t of = find_word(w, "of", 3);
    const bool office =
        std::any_of(w.begin() + 3, w.begin() + static_cast<long>(of), [](const auto& x) {
            return extract::lexicon::is_office_head(x.lower);
        });
    if (!office
        || std::any_of(w.begin() + 2, w.end(), [](const auto& x) { return x.possessive; })) {
        return std::nullopt;
    }
    OfficeQuestion q;
    q.kind = OfficeQuestion::Kind::Holder;
    q.title = join(w, 3, strip_year(w, 3, w.size(), q.year));
    return q.title.empty() ? std::nullopt : std::optional<OfficeQuestion>(q);
}

}  // namespace

std::optional<OfficeQuestion> parse_office_question(std::string_view question) {
    const Words w = split_question(question);
    if (w.size() < 4 || w[0].lower != "who") {
        return std::nullopt;
    }
    if (auto q = verb_form(w)) {
        return q;
    }
    if (auto q = did_form(w)) {
        return q;
    }
    if (auto q = noun_form(w)) {
        return q;
    }
    return holder_form(w);
}

}  // namespace iskra::answer
