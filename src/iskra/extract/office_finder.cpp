#include "iskra/extract/office_finder.hpp"

#include <string>

#include "iskra/extract/lexicon.hpp"
#include "iskra/extract/name_fold.hpp"

namespace iskra::extract {

namespace {

constexpr std::size_t kMaxTitleWords = 9;

class OfficeScanner {
  public:
    OfficeScanner(std::string_view text,
                  const std::vector<ScanToken>& tokens,
                  const FoldedWords& folded,
                  std::span<const DateMention> dates,
                  std::span<const EntityMention> names)
        : text_(text), tokens_(tokens), dates_(dates), names_(names), folded_(folded) {
        for (const auto& token : tokens_) {
            has_capitals_ = has_capitals_ || token.capitalized;
        }
    }

    std::vector<OfficeStatement> run() {
        for (std::size_t idx = 0; idx < tokens_.size(); ++idx) {
            std::string_view w = word(idx);
            if (w.empty()
                || (w.front() != 'o' && w.front() != 'a' && w.front() != 'b' && w.front() != 'e'
                    && w.front() != 'n')) {
                continue;  // no trigger word starts otherwise
            }
            if (w == "office" && (is_number(idx + 1) || lexicon::month_number(word(idx + 1)) > 0)) {
                read_infobox(idx);
            } else if (w == "as" || w == "became" || w == "appointed" || w == "elected"
                       || w == "named") {
                read_prose(idx);
            }
        }
        return std::move(out_);
    }

  private:
    std::string_view piece(const ScanToken& token) const {
        return text_.substr(token.begin, token.end - token.begin);
    }
    bool valid(std::size_t idx) const { return idx < tokens_.size(); }
    bool is_number(std::size_t idx) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Number;
    }
    std::string_view word(std::size_t idx) const {
        return valid(idx) && tokens_[idx].kind == TokenKind::Word ? folded_[idx]
                                                                  : std::string_view();
    }
    std::string span_text(std::size_t first, std::size_t last) const {
        return std::string(
            text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin));
    }
    bool is_apostrophe(std::size_t idx) const {
        std::string_view p = piece(tokens_[idx]);
        return tokens_[idx].kind == TokenKind::Punct && (p == "'" || p == "\u2019");
    }
    bool is_marker(std::size_t idx) const {
        std::string_view w = word(idx);
        return w == "preceded" || w == "succeeded" || w == "office" || w == "premier"
               || w == "president" || w == "deputy";
    }

    // The two words (or the capitalised run) naming a predecessor or successor.
    std::string name_after(std::size_t idx) const {
        std::size_t pos = idx;
        if (word(pos) == "by") {
            ++pos;
        }
        std::size_t start = pos;
        bool capitalised = valid(pos) && tokens_[pos].capitalized;
        while (!word(pos).empty() && !is_marker(pos) && pos - start < 3) {
            if (capitalised ? !tokens_[pos].capitalized : pos - start >= 2) {
                break;
            }
            ++pos;
        }
        return pos > start ? span_text(start, pos - 1) : std::string();
    }

    void dates_between(std::uint32_t begin, std::uint32_t end, OfficeStatement& office) const {
        for (const auto& date : dates_) {
            if (date.begin < begin || date.begin >= end || !date.resolved) {
                continue;
            }
            if (!office.from) {
                office.from = date.value;
                if (date.end) {
                    office.to = date.end;
                    return;
                }
            } else if (!office.to) {
                office.to = date.value;
                return;
            }
        }
    }

    void read_infobox(std::size_t office_idx);
    void read_prose(std::size_t trigger_idx);
    std::string holder_before(std::uint32_t position) const;

    std::string_view text_;
    const std::vector<ScanToken>& tokens_;
    std::span<const DateMention> dates_;
    std::span<const EntityMention> names_;
    const FoldedWords& folded_;
    std::vector<OfficeStatement> out_;
    bool has_capitals_ = false;
};

void OfficeScanner::read_infobox(std::size_t office_idx) {
    // The title: the words before "office", back to a number, punctuation or the name that
    // closes the previous entry ("succeeded anna berg").
    std::size_t first = office_idx;
    while (first > 0 && (!word(first - 1).empty() || is_apostrophe(first - 1))
           && office_idx - first < kMaxTitleWords) {
        std::string_view w = word(first - 1);
        if (w == "succeeded" || w == "preceded") {
            first = std::min(office_idx, first + 2);
            break;
        }
        --first;
    }
    while (first < office_idx && !lexicon::is_office_head(word(first))
           && !is_apostrophe(first + 1)) {
        ++first;
    }
    if (first == office_idx) {
        return;
    }
    OfficeStatement office;
    office.title = span_text(first, office_idx - 1);
    std::size_t stop = office_idx + 1;
    while (valid(stop) && word(stop) != "office") {
        if (word(stop) == "preceded" && office.preceded_by.empty()) {
            office.preceded_by = name_after(stop + 1);
        } else if (word(stop) == "succeeded" && office.succeeded_by.empty()) {
            office.succeeded_by = name_after(stop + 1);
        }
        ++stop;
    }
    std::uint32_t dates_end = static_cast<std::uint32_t>(text_.size());
    for (std::size_t k = office_idx + 1; k < stop; ++k) {
        if (!tokens_[k].glued && tokens_[k].kind == TokenKind::Word
            && lexicon::month_number(word(k)) == 0 && word(k) != "th" && word(k) != "st") {
            dates_end = tokens_[k].begin;
            break;
        }
    }
    dates_between(tokens_[office_idx].end, dates_end, office);
    out_.push_back(std::move(office));
}

std::string OfficeScanner::holder_before(std::uint32_t position) const {
    const EntityMention* best = nullptr;
    for (const auto& name : names_) {
        if (name.end <= position && name.type != EntityType::Place
            && name.type != EntityType::Organization) {
            best = &name;
        }
    }
    return best != nullptr ? best->surface : std::string();
}

// "as chairman of the Harbour Council", "became people's commissar of foreign affairs",
// "was appointed ambassador to France", "served as President from 1921 to 1925".
void OfficeScanner::read_prose(std::size_t trigger_idx) {
    if (!has_capitals_) {
        return;  // without capitals ("became chairman newly formed council...") titles run on
    }
    std::size_t pos = trigger_idx + 1;
    while (word(pos) == "the" || word(pos) == "a" || word(pos) == "first" || word(pos) == "an") {
        ++pos;
    }
    std::size_t start = pos;
    bool head = false;
    while (!word(pos).empty() && pos - start < kMaxTitleWords) {
        std::string_view w = word(pos);
        if (lexicon::is_office_head(w) || w == "people's" || w == "commissar") {
            head = true;
        } else if (!head) {
            break;
        } else if (w == "from" || w == "in" || w == "on" || w == "until" || w == "by" || w == "and"
                   || w == "after" || w == "when" || w == "since"
                   || (lexicon::is_function_word(w) && w != "of" && w != "the" && w != "for")) {
            break;
        }
        ++pos;
    }
    while (pos > start && (word(pos - 1) == "of" || word(pos - 1) == "the")) {
        --pos;
    }
    if (!head || pos == start) {
        return;
    }
    std::string_view last = word(pos - 1);
    bool specific = pos - start >= 2 || !lexicon::is_office_head(last);
    if (!specific) {
        return;  // "as leader" alone says too little
    }
    OfficeStatement office;
    office.title = span_text(start, pos - 1);
    office.holder = holder_before(tokens_[trigger_idx].begin);
    dates_between(tokens_[start].begin, static_cast<std::uint32_t>(text_.size()), office);
    out_.push_back(std::move(office));
}

}  // namespace

std::vector<OfficeStatement> find_offices(std::string_view sentence,
                                          const std::vector<ScanToken>& tokens,
                                          const FoldedWords& folded,
                                          std::span<const DateMention> dates,
                                          std::span<const EntityMention> names) {
    return OfficeScanner(sentence, tokens, folded, dates, names).run();
}

}  // namespace iskra::extract
