// Events of the timeline: every dated sentence gives one event per distinct date; retellings of
// the same event (compatible dates, shared content words) merge into one event with all their
// sources; the same content told with a different day is kept as a conflict on both events.
//
// Candidates for merging come from buckets keyed by (year, content word), skipping words so
// common that their bucket is large, so the work stays near-linear in the number of events.

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "iskra/extract/knowledge_tables.hpp"
#include "iskra/extract/lexicon.hpp"
#include "iskra/extract/name_fold.hpp"
#include "iskra/extract/word_scanner.hpp"

namespace iskra::extract {

namespace {

constexpr std::size_t kMaxDatesPerSentence = 12;
constexpr std::size_t kMaxBucket = 48;
constexpr int kConflictDays = 3;

std::vector<std::uint64_t> content_terms(std::string_view sentence) {
    std::vector<std::uint64_t> terms;
    std::string folded;
    for (const auto& token : scan_words(sentence)) {
        if (token.kind != TokenKind::Word || token.end - token.begin < 3) {
            continue;
        }
        folded.clear();
        append_folded(sentence.substr(token.begin, token.end - token.begin), folded);
        if (lexicon::is_function_word(folded) || lexicon::month_number(folded) != 0) {
            continue;
        }
        terms.push_back(std::hash<std::string_view>{}(folded));
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

std::uint64_t bucket_key(std::int32_t year, std::uint64_t term) {
    return term * 1000003u + static_cast<std::uint64_t>(year);
}

int day_distance(const DateValue& a, const DateValue& b) {
    if (a.year != b.year) {
        return 1000;
    }
    int diff = (a.month - b.month) * 31 + (a.day - b.day);
    return diff < 0 ? -diff : diff;
}

constexpr std::uint32_t kPronounReach = 3;
constexpr std::uint32_t kMaxStoryDates = 4;

// Counts the words around the date and tells whether the sentence reads as a statement (ends
// with a full stop or runs long enough, and is not the tail of a cut sentence) and holds a
// personal pronoun.
void describe_sentence(std::string_view sentence, Event& event) {
    std::uint32_t words = 0;
    std::string folded;
    int depth = 0;
    bool fragment = false;
    for (const auto& token : scan_words(sentence)) {
        if (token.kind == TokenKind::Punct) {
            char c = sentence[token.begin];
            depth += (c == '(' || c == '[') ? 1 : 0;
            // A closing bracket never opened: the tail of a sentence cut by a line break.
            fragment = fragment || ((c == ')' || c == ']') && depth == 0);
            depth -= ((c == ')' || c == ']') && depth > 0) ? 1 : 0;
        }
        if (token.kind != TokenKind::Word
            || (token.begin >= event.date_begin && token.end <= event.date_end)) {
            continue;
        }
        folded.clear();
        append_folded(sentence.substr(token.begin, token.end - token.begin), folded);
        // A copyright notice dates a text; it is not an event the text tells.
        fragment = fragment || (words == 0 && folded == "copyright");
        ++words;
        event.has_pronoun = event.has_pronoun || folded == "he" || folded == "she"
                            || folded == "his" || folded == "her" || folded == "him";
    }
    std::size_t last = sentence.find_last_not_of(" \t\r\n\"'\u201d)");
    char end = last == std::string_view::npos ? ' ' : sentence[last];
    event.words = words;
    event.statement = !fragment && (end == '.' || end == '!' || end == '?' || words >= 5);
}

class EventBuilder {
  public:
    EventBuilder(Knowledge::Tables& tables,
                 std::span<const DocumentInput> docs,
                 const std::vector<RawMention>& mentions)
        : tables_(tables), docs_(docs), mentions_(mentions) {}

    void run() {
        std::size_t mention_idx = 0;
        for (std::uint32_t doc = 0; doc < docs_.size(); ++doc) {
            while (mention_idx < mentions_.size() && mentions_[mention_idx].doc < doc) {
                ++mention_idx;
            }
            add_document(doc, mention_idx);
        }
        finish();
    }

  private:
    void add_document(std::uint32_t doc, std::size_t mention_idx);
    void add_document_event(std::uint32_t doc, const DateValue& written);
    std::uint32_t person_before(std::uint32_t doc,
                                std::uint32_t sentence,
                                std::size_t mention_idx) const;
    void add_event(Event event);
    void finish();

    Knowledge::Tables& tables_;
    std::span<const DocumentInput> docs_;
    const std::vector<RawMention>& mentions_;
    std::vector<Event> events_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;
};

void EventBuilder::add_document(std::uint32_t doc, std::size_t mention_idx) {
    const DocumentInput& input = docs_[doc];
    std::uint32_t terms_sentence = kNoId;
    std::vector<std::uint64_t> terms;
    std::vector<DateValue> seen;
    std::uint32_t seen_sentence = kNoId;
    const auto& written = tables_.docs[doc].date;
    if (written && tables_.docs[doc].dated_by_title) {
        add_document_event(doc, *written);
    }
    std::unordered_map<std::uint32_t, std::uint32_t> dates_in_sentence;
    for (const auto& found : input.facts.dates) {
        ++dates_in_sentence[found.sentence];
    }
    for (const auto& found : input.facts.dates) {
        const DateMention date = written ? anchored_to_document(found, *written) : found;
        if (!date.is_event_date() || date.sentence >= input.sentences.size()) {
            continue;
        }
        if (date.sentence < input.sentence_flags.size()
            && input.sentence_flags[date.sentence] != 0) {
            continue;
        }
        if (seen_sentence != date.sentence) {
            seen.clear();
            seen_sentence = date.sentence;
        }
        if (seen.size() >= kMaxDatesPerSentence
            || std::find(seen.begin(), seen.end(), date.value) != seen.end()) {
            continue;
        }
        seen.push_back(date.value);
        const auto& span = input.sentences[date.sentence];
        if (span.end > input.text.size() || date.begin < span.begin || date.end_byte > span.end) {
            continue;
        }
        std::string_view sentence = input.text.substr(span.begin, span.end - span.begin);
        if (terms_sentence != date.sentence) {
            terms = content_terms(sentence);
            terms_sentence = date.sentence;
        }
        Event event;
        event.date = date.value;
        event.end = date.end;
        event.date_text = std::string(input.text.substr(date.begin, date.end_byte - date.begin));
        event.date_begin = date.begin - span.begin;
        event.date_end = date.end_byte - span.begin;
        event.sources.push_back(sentence_key(doc, date.sentence));
        event.terms = terms;
        describe_sentence(sentence, event);
        // Many dates in one sentence make a list or a reference ("retrieved 29 July 2007").
        event.statement = event.statement && dates_in_sentence[date.sentence] < kMaxStoryDates;
        while (mention_idx < mentions_.size() && mentions_[mention_idx].doc == doc
               && mentions_[mention_idx].sentence < date.sentence) {
            ++mention_idx;
        }
        for (std::size_t k = mention_idx; k < mentions_.size() && mentions_[k].doc == doc
                                          && mentions_[k].sentence == date.sentence;
             ++k) {
            std::uint32_t cluster = tables_.form_cluster[mentions_[k].form];
            if (std::find(event.clusters.begin(), event.clusters.end(), cluster)
                == event.clusters.end()) {
                event.clusters.push_back(cluster);
            }
        }
        if (event.has_pronoun) {
            event.implied = person_before(doc, date.sentence, mention_idx);
        }
        tables_.keep_sentence(doc, date.sentence, input);
        add_event(std::move(event));
    }
}

// A document dated by its title (an address, a dated report) is an event of its own: its first
// sentence tells it.
void EventBuilder::add_document_event(std::uint32_t doc, const DateValue& written) {
    const DocumentInput& input = docs_[doc];
    if (input.sentences.empty() || input.sentences[0].end > input.text.size()) {
        return;
    }
    Event event;
    event.date = written;
    event.date_text = written.iso();
    event.document = true;
    event.sources.push_back(sentence_key(doc, 0));
    tables_.keep_sentence(doc, 0, input);
    add_event(std::move(event));
}

// The last person named in the few sentences before `sentence` (or earlier in it).
std::uint32_t EventBuilder::person_before(std::uint32_t doc,
                                          std::uint32_t sentence,
                                          std::size_t mention_idx) const {
    std::size_t k = mention_idx;
    while (k < mentions_.size() && mentions_[k].doc == doc && mentions_[k].sentence <= sentence) {
        ++k;
    }
    while (k > 0) {
        const RawMention& m = mentions_[--k];
        if (m.doc != doc || m.sentence + kPronounReach < sentence) {
            break;
        }
        std::uint32_t cluster = tables_.form_cluster[m.form];
        if (cluster != kNoId && tables_.clusters[cluster].type == EntityType::Person) {
            return cluster;
        }
    }
    return kNoId;
}

void EventBuilder::add_event(Event event) {
    std::unordered_map<std::uint32_t, std::uint32_t> shared;
    for (std::uint64_t term : event.terms) {
        auto it = buckets_.find(bucket_key(event.date.year, term));
        if (it == buckets_.end() || it->second.size() > kMaxBucket) {
            continue;
        }
        for (std::uint32_t id : it->second) {
            ++shared[id];
        }
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranked(shared.begin(), shared.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return std::tie(b.second, a.first) < std::tie(a.second, b.first);
    });
    auto new_id = static_cast<std::uint32_t>(events_.size());
    for (const auto& [id, count] : ranked) {
        Event& other = events_[id];
        std::size_t smaller = std::min(event.terms.size(), other.terms.size());
        double similarity =
            smaller == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(smaller);
        if (count < 2) {
            break;
        }
        bool same_span = event.end == other.end;
        bool compatible = event.date.compatible(other.date) && same_span;
        if (compatible && (similarity >= 0.5 || (count >= 3 && similarity >= 0.3))) {
            if (std::find(other.sources.begin(), other.sources.end(), event.sources.front())
                == other.sources.end()) {
                other.sources.push_back(event.sources.front());
            }
            other.words = std::max(other.words, event.words);
            other.statement = other.statement || event.statement;
            if (other.implied == kNoId) {
                other.implied = event.implied;
            }
            for (std::uint32_t cluster : event.clusters) {
                if (std::find(other.clusters.begin(), other.clusters.end(), cluster)
                    == other.clusters.end()) {
                    other.clusters.push_back(cluster);
                }
            }
            if (event.date.precision < other.date.precision) {
                other.date = event.date;
                other.date_text = event.date_text;
                std::swap(other.sources.front(), other.sources.back());
                other.date_begin = event.date_begin;
                other.date_end = event.date_end;
            }
            return;
        }
        bool shared_sentence =
            std::any_of(event.sources.begin(), event.sources.end(), [&](std::uint64_t s) {
                return std::find(other.sources.begin(), other.sources.end(), s)
                       != other.sources.end();
            });
        bool conflict = !shared_sentence && event.date.precision == DatePrecision::Day
                        && other.date.precision == DatePrecision::Day && !(event.date == other.date)
                        && day_distance(event.date, other.date) <= kConflictDays
                        && similarity >= 0.5;
        if (conflict) {
            if (std::find(other.conflicts.begin(), other.conflicts.end(), event.date)
                == other.conflicts.end()) {
                other.conflicts.push_back(event.date);
            }
            if (std::find(event.conflicts.begin(), event.conflicts.end(), other.date)
                == event.conflicts.end()) {
                event.conflicts.push_back(other.date);
            }
        }
    }
    for (std::uint64_t term : event.terms) {
        auto& bucket = buckets_[bucket_key(event.date.year, term)];
        if (bucket.size() <= kMaxBucket) {
            bucket.push_back(new_id);
        }
    }
    events_.push_back(std::move(event));
}

void EventBuilder::finish() {
    std::vector<std::uint32_t> order(events_.size());
    for (std::uint32_t idx = 0; idx < order.size(); ++idx) {
        order[idx] = idx;
    }
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
        const Event& ea = events_[a];
        const Event& eb = events_[b];
        return std::make_tuple(ea.date.sort_key(), ea.sources.front())
               < std::make_tuple(eb.date.sort_key(), eb.sources.front());
    });
    tables_.events.reserve(events_.size());
    for (std::uint32_t idx : order) {
        Event& event = events_[idx];
        event.terms.clear();
        event.terms.shrink_to_fit();
        auto event_id = static_cast<std::uint32_t>(tables_.events.size());
        for (std::uint32_t cluster : event.clusters) {
            tables_.clusters[cluster].events.push_back(event_id);
        }
        tables_.events.push_back(std::move(event));
    }
}

}  // namespace

void build_lifespans(Knowledge::Tables& tables,
                     std::span<const DocumentInput> documents,
                     const std::vector<RawMention>& mentions) {
    // Votes per cluster and (birth, death), once per document; a cased document counts double,
    // since lower-case dumps run names and book titles together ("armed tolstoy 1879–1921").
    using Key = std::pair<std::uint32_t, std::pair<std::int32_t, std::int32_t>>;
    std::map<Key, std::uint32_t> votes;
    std::set<Key> seen_in_doc;
    std::size_t idx = 0;
    for (std::uint32_t doc = 0; doc < documents.size(); ++doc) {
        while (idx < mentions.size() && mentions[idx].doc < doc) {
            ++idx;
        }
        seen_in_doc.clear();
        for (const auto& date : documents[doc].facts.dates) {
            if (date.kind != DateKind::Lifespan || !date.end) {
                continue;
            }
            for (std::size_t k = idx; k < mentions.size() && mentions[k].doc == doc; ++k) {
                const RawMention& m = mentions[k];
                if (m.sentence == date.sentence && m.end <= date.begin && date.begin - m.end <= 3) {
                    Key key{tables.form_cluster[m.form], {date.value.year, date.end->year}};
                    if (seen_in_doc.insert(key).second) {
                        votes[key] += documents[doc].facts.lower_case ? 1 : 2;
                    }
                }
            }
        }
    }
    std::unordered_map<std::uint32_t, std::uint32_t> best;
    for (const auto& [key, count] : votes) {
        Cluster& cluster = tables.clusters[key.first];
        if (cluster.type != EntityType::Person) {
            continue;
        }
        if (count > best[key.first]) {
            best[key.first] = count;
            cluster.lifespan = key.second;
        }
    }
}

namespace {

// A sentence with fewer content words is a heading or a table cell ("childhood and family
// 1879-1895"), not a statement of an event.
constexpr std::uint32_t kMinStoryWords = 3;
// An entity is central when at least this share of the documents (and two of them) name it.
constexpr double kCentralShare = 0.4;

std::vector<bool> central_clusters(const Knowledge::Tables& tables) {
    auto docs = static_cast<double>(tables.docs.size());
    double needed = std::max(std::min(2.0, docs), kCentralShare * docs);
    std::vector<bool> central(tables.clusters.size(), false);
    for (std::size_t c = 0; c < tables.clusters.size(); ++c) {
        const Cluster& cluster = tables.clusters[c];
        central[c] = cluster.type != EntityType::Unknown && cluster.docs >= needed;
    }
    return central;
}

// Documents telling the event in their own words: sources repeating a sentence already seen
// (a dictionary's citation line, a template, a copied notice) are one source, not many.
std::size_t independent_sources(const Knowledge::Tables& tables, const Event& event) {
    std::vector<std::uint64_t> docs;
    std::vector<std::size_t> texts;
    for (std::uint64_t source : event.sources) {
        auto it = tables.sentences.find(source);
        std::size_t text = it == tables.sentences.end()
                               ? std::hash<std::uint64_t>{}(source)
                               : std::hash<std::string_view>{}(it->second.text);
        if (std::find(texts.begin(), texts.end(), text) != texts.end()) {
            continue;
        }
        texts.push_back(text);
        docs.push_back(source >> 32);
    }
    std::sort(docs.begin(), docs.end());
    return static_cast<std::size_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
}

// The years an event covers.
std::pair<std::int32_t, std::int32_t> event_years(const Event& event) {
    std::int32_t last = event.end ? event.end->year : event.date.year;
    if (event.date.precision == DatePrecision::Decade) {
        last = event.date.year + 9;
    }
    return {event.date.year, last};
}

bool overlaps(std::pair<std::int32_t, std::int32_t> years,
              std::pair<std::int32_t, std::int32_t> life) {
    return years.second >= life.first && years.first <= life.second;
}

// An event dated outside the life of every central person it names is a side mention ("the
// ideas of 1848 that X later took up"); one naming no such person must fall within the span of
// the central lives, when the collection has any ("as of July 2010, ...").
bool within_central_lives(const Knowledge::Tables& tables,
                          const Event& event,
                          const std::vector<bool>& central,
                          std::optional<std::pair<std::int32_t, std::int32_t>> story_span) {
    auto years = event_years(event);
    bool any_life = false;
    std::vector<std::uint32_t> named = event.clusters;
    if (event.implied != kNoId) {
        named.push_back(event.implied);
    }
    for (std::uint32_t c : named) {
        const Cluster& cluster = tables.clusters[c];
        if (!central[c] || cluster.type != EntityType::Person || !cluster.lifespan) {
            continue;
        }
        any_life = true;
        if (overlaps(years, *cluster.lifespan)) {
            return true;
        }
    }
    return !any_life && (!story_span || overlaps(years, *story_span));
}

// From the first birth to the last death of the central people with known lives.
std::optional<std::pair<std::int32_t, std::int32_t>> central_span(
    const Knowledge::Tables& tables, const std::vector<bool>& central) {
    std::optional<std::pair<std::int32_t, std::int32_t>> span;
    for (std::size_t c = 0; c < tables.clusters.size(); ++c) {
        const Cluster& cluster = tables.clusters[c];
        if (!central[c] || cluster.type != EntityType::Person || !cluster.lifespan) {
            continue;
        }
        auto [birth, death] = *cluster.lifespan;
        span = span ? std::make_pair(std::min(span->first, birth), std::max(span->second, death))
                    : std::make_pair(birth, death);
    }
    return span;
}

}  // namespace

void mark_story_events(Knowledge::Tables& tables) {
    auto central = central_clusters(tables);
    auto story_span = central_span(tables, central);
    // In a collection of dated documents (addresses, reports) the documents themselves are the
    // story; elsewhere a date in a title ("rca 1802") is incidental.
    auto dated = std::count_if(tables.docs.begin(), tables.docs.end(), [](const DocInfo& doc) {
        return doc.dated_by_title;
    });
    bool dated_collection = 2 * static_cast<std::size_t>(dated) >= tables.docs.size();
    for (Event& event : tables.events) {
        if (event.document) {
            event.story = dated_collection;
            continue;
        }
        if (!event.statement || event.words < kMinStoryWords) {
            continue;
        }
        bool names_central = std::any_of(event.clusters.begin(),
                                         event.clusters.end(),
                                         [&](std::uint32_t c) { return central[c]; })
                             || (event.implied != kNoId && central[event.implied]);
        bool retold = independent_sources(tables, event) >= 2;
        event.story =
            retold || (names_central && within_central_lives(tables, event, central, story_span));
    }
}

void build_events(Knowledge::Tables& tables,
                  std::span<const DocumentInput> documents,
                  const std::vector<RawMention>& mentions) {
    EventBuilder(tables, documents, mentions).run();
}

}  // namespace iskra::extract
