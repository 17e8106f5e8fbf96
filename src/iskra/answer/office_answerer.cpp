#include "iskra/answer/office_answerer.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "iskra/answer/lexical_synonyms.hpp"
#include "iskra/answer/pattern_answer.hpp"
#include "iskra/extract/lexicon.hpp"
#include "iskra/text/stop_words.hpp"

namespace iskra::answer {
namespace {

constexpr double kMinTitleShare = 0.6;
constexpr std::size_t kMaxHolders = 150;  // most mentioned people searched for a Holder question

// A title word with the terms that count as it (its own, then its synonyms').
using TitleWord = std::vector<std::string>;

std::vector<TitleWord> title_words(std::string_view title, text::Analyzer& analyzer) {
    std::vector<TitleWord> out;
    for (const text::Token& t : analyzer.analyze(title)) {
        const std::string folded = analyzer.fold(title.substr(t.begin, t.end - t.begin));
        if (text::is_stop_word(folded)) {
            continue;
        }
        TitleWord w{t.term};
        for (std::string_view s : lexical_synonyms(folded)) {
            w.push_back(analyzer.term(s));
        }
        out.push_back(std::move(w));
    }
    return out;
}

// The share of `wanted` words found among the terms of `text`.
double covered_share(const std::vector<TitleWord>& wanted,
                     std::string_view text,
                     text::Analyzer& analyzer) {
    if (wanted.empty()) {
        return 0;
    }
    std::vector<std::string> terms;
    for (const text::Token& t : analyzer.analyze(text)) {
        terms.push_back(t.term);
    }
    std::size_t found = 0;
    for (const TitleWord& w : wanted) {
        const bool any = std::any_of(w.begin(), w.end(), [&](const std::string& x) {
            return std::find(terms.begin(), terms.end(), x) != terms.end();
        });
        found += any ? 1 : 0;
    }
    return static_cast<double>(found) / static_cast<double>(wanted.size());
}

int year_of(const std::string& iso) {
    return iso.size() >= 4 && std::all_of(iso.begin(), iso.begin() + 4, ::isdigit)
               ? std::stoi(iso.substr(0, 4))
               : 0;
}

bool usable(const Office& o) {
    if (!o.source) {
        return false;
    }
    const auto& flags = o.source->flags;
    return std::none_of(flags.begin(), flags.end(), [](const std::string& f) {
        return f == "off_topic" || f == "furniture" || f == "question";
    });
}

// Held in `year`: within its from..to years, or stated by a sentence naming the year.
bool held_in(const Office& o, int year) {
    if (year == 0) {
        return true;
    }
    const int from = year_of(o.from);
    const int to = year_of(o.to);
    if (from != 0 || to != 0) {
        return (from == 0 || from <= year) && (to == 0 || year <= to);
    }
    return o.source->text.find(std::to_string(year)) != std::string::npos;
}

// The head word of an office ("chairman") the asked title names must be in the office's title.
bool same_head(std::string_view asked, const std::string& title, text::Analyzer& analyzer) {
    const std::string folded_title = analyzer.fold(title);
    for (const text::Token& t : analyzer.analyze(asked)) {
        const std::string w = analyzer.fold(asked.substr(t.begin, t.end - t.begin));
        if (extract::lexicon::is_office_head(w) && folded_title.find(w) == std::string::npos) {
            return false;
        }
    }
    return true;
}

struct Found {
    std::string person;
    const Office* office = nullptr;
    double share = 0;
};

AnswerOutcome outcome_of(const Found& f,
                         const Question& question,
                         const ConfidenceModel& model,
                         text::Analyzer& analyzer) {
    std::string normalized = analyzer.fold(f.person);
    return pattern_outcome(
        question,
        "person",
        one_source_group(f.person, std::move(normalized), *f.office->source, f.share),
        f.office->source->text,
        pattern_features(f.share, f.share, 1.0),
        model);
}

Found relative_office(const OfficeQuestion& q,
                      const EntityDetail& detail,
                      text::Analyzer& analyzer) {
    const std::vector<TitleWord> wanted = title_words(q.title, analyzer);
    Found best;
    for (const Office& o : detail.offices) {
        const std::string& other =
            q.kind == OfficeQuestion::Kind::Successor ? o.succeeded_by : o.preceded_by;
        if (other.empty() || !usable(o) || !held_in(o, q.year)) {
            continue;
        }
        const double share = covered_share(wanted, o.title, analyzer);
        if (share > best.share) {
            best = {other, &o, share};
        }
    }
    return best;
}

std::optional<AnswerOutcome> holder_answer(const OfficeQuestion& q,
                                           const Question& question,
                                           const extract::Knowledge& knowledge,
                                           const ConfidenceModel& model,
                                           text::Analyzer& analyzer) {
    const std::vector<TitleWord> wanted = title_words(q.title, analyzer);
    std::vector<Entity> people = knowledge.entities("person");
    if (people.size() > kMaxHolders) {
        people.resize(kMaxHolders);
    }
    std::vector<EntityDetail> details;  // keeps the winning office alive
    details.reserve(people.size());
    Found best;
    for (const Entity& e : people) {
        auto detail = knowledge.entity(e.name);
        if (!detail || detail->offices.empty()) {
            continue;
        }
        details.push_back(std::move(*detail));
        for (const Office& o : details.back().offices) {
            if (!usable(o) || !held_in(o, q.year) || !same_head(q.title, o.title, analyzer)) {
                continue;
            }
            // A title cut short ("chairman of the St") is completed by its sentence.
            const double share = std::max(covered_share(wanted, o.title, analyzer),
                                          covered_share(wanted, o.source->text, analyzer));
            if (share > best.share) {
                best = {details.back().entity.name, &o, share};
            }
        }
    }
    if (best.office == nullptr || best.share < kMinTitleShare) {
        return std::nullopt;
    }
    return outcome_of(best, question, model, analyzer);
}

}  // namespace

std::optional<AnswerOutcome> answer_office_question(const OfficeQuestion& office,
                                                    const Question& question,
                                                    const extract::Knowledge& knowledge,
                                                    const ConfidenceModel& model,
                                                    text::Analyzer& analyzer) {
    if (office.kind == OfficeQuestion::Kind::Holder) {
        return holder_answer(office, question, knowledge, model, analyzer);
    }
    const auto detail = knowledge.entity(office.person);
    if (!detail) {
        return std::nullopt;
    }
    const Found best = relative_office(office, *detail, analyzer);
    if (best.office == nullptr || best.share < kMinTitleShare) {
        return std::nullopt;
    }
    return outcome_of(best, question, model, analyzer);
}

}  // namespace iskra::answer
