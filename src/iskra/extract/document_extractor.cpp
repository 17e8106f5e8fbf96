#include <optional>

#include "iskra/extract/date_finder.hpp"
#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/entity_finder.hpp"
#include "iskra/extract/office_finder.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

namespace {

// How far back (in sentences) an anchor date may be for a relative or year-less date.
constexpr std::uint32_t kAnchorReach = 4;

// The last explicit date of the current passage.
struct Anchor {
    DateValue value;
    std::uint32_t sentence = 0;
};

bool passage_break(std::string_view gap) {
    std::size_t first = gap.find('\n');
    return first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos;
}

// Anchors a relative or year-less mention; leaves it unresolved when that is not safe: the
// anchor is too far, or too coarse for the offset ("the next day" after "1917").
void resolve(DateMention& mention,
             const std::optional<Anchor>& anchor,
             const std::optional<DateValue>& later_in_sentence) {
    if (mention.kind == DateKind::Partial) {
        if (later_in_sentence) {
            mention.value.year = later_in_sentence->year;
        } else if (anchor && mention.sentence - anchor->sentence <= kAnchorReach) {
            mention.value.year = anchor->value.year;
        } else {
            return;
        }
        mention.resolved =
            mention.value.day <= days_in_month(mention.value.year, mention.value.month);
        return;
    }
    if (!anchor || mention.sentence - anchor->sentence > kAnchorReach) {
        return;
    }
    DatePrecision needed = DatePrecision::Year;
    if (mention.unit == OffsetUnit::Day || mention.unit == OffsetUnit::Week) {
        needed = DatePrecision::Day;
    } else if (mention.unit == OffsetUnit::Month) {
        needed = DatePrecision::Month;
    }
    if (anchor->value.precision > needed || anchor->value.part != DatePart::None) {
        return;
    }
    mention.value =
        shift_date(anchor->value, mention.offset, static_cast<std::uint8_t>(mention.unit));
    mention.resolved = true;
}

void add_sentence_dates(std::string_view sentence,
                        const std::vector<ScanToken>& tokens,
                        const FoldedWords& folded,
                        std::uint32_t sentence_idx,
                        std::uint32_t offset,
                        std::optional<Anchor>& anchor,
                        DocumentFacts& facts) {
    auto dates = find_dates(sentence, tokens, folded);
    for (std::size_t idx = 0; idx < dates.size(); ++idx) {
        DateMention& mention = dates[idx];
        mention.sentence = sentence_idx;
        if (!mention.resolved && mention.kind != DateKind::Deictic) {
            std::optional<DateValue> later;
            for (std::size_t k = idx + 1; k < dates.size(); ++k) {
                if (dates[k].kind == DateKind::Explicit) {
                    later = dates[k].value;
                    break;
                }
            }
            resolve(mention, anchor, later);
        }
        if (mention.resolved && mention.kind != DateKind::Lifespan && !mention.end) {
            anchor = Anchor{mention.value, sentence_idx};
        }
        mention.begin += offset;
        mention.end_byte += offset;
        facts.dates.push_back(mention);
    }
}

}  // namespace

bool looks_lower_case(std::string_view text) {
    // The first few thousand words tell; long documents need not be read to the end.
    constexpr std::size_t kSampleWords = 1000;
    std::size_t words = 0;
    std::size_t capitals = 0;
    bool in_word = false;
    for (std::size_t pos = 0; pos < text.size() && words < kSampleWords; ++pos) {
        char c = text[pos];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && !in_word) {
            ++words;
            capitals += (c >= 'A' && c <= 'Z') ? 1 : 0;
        }
        in_word = letter || (in_word && static_cast<unsigned char>(c) >= 0x80);
    }
    return words >= 20 && capitals * 50 < words;
}

DocumentFacts extract_document(std::string_view text,
                               std::span<const text::SentenceSpan> sentences) {
    DocumentFacts facts;
    facts.lower_case = looks_lower_case(text);
    std::optional<Anchor> anchor;
    std::uint32_t previous_end = 0;
    std::vector<ScanToken> tokens;  // reused by every sentence
    FoldedWords folded;
    std::vector<DateMention> local_dates;
    for (std::uint32_t sentence_idx = 0; sentence_idx < sentences.size(); ++sentence_idx) {
        const auto& span = sentences[sentence_idx];
        if (span.begin > span.end || span.end > text.size()) {
            continue;
        }
        if (span.begin >= previous_end
            && passage_break(text.substr(previous_end, span.begin - previous_end))) {
            anchor.reset();
        }
        previous_end = span.end;
        std::string_view sentence = text.substr(span.begin, span.end - span.begin);
        scan_words(sentence, tokens);
        folded.assign(sentence, tokens);
        std::size_t dates_before = facts.dates.size();
        add_sentence_dates(sentence, tokens, folded, sentence_idx, span.begin, anchor, facts);
        auto found = find_entities(sentence, tokens, folded, facts.lower_case);
        local_dates.assign(facts.dates.begin() + static_cast<std::ptrdiff_t>(dates_before),
                           facts.dates.end());
        for (auto& date : local_dates) {
            date.begin -= span.begin;
            date.end_byte -= span.begin;
        }
        auto offices = find_offices(sentence, tokens, folded, local_dates, found.mentions);
        for (auto& mention : found.mentions) {
            mention.sentence = sentence_idx;
            mention.begin += span.begin;
            mention.end += span.begin;
            facts.entities.push_back(std::move(mention));
        }
        for (auto& alias : found.aliases) {
            alias.sentence = sentence_idx;
            alias.position += span.begin;
            facts.aliases.push_back(std::move(alias));
        }
        for (auto& office : offices) {
            office.sentence = sentence_idx;
            facts.offices.push_back(std::move(office));
        }
    }
    return facts;
}

}  // namespace iskra::extract
