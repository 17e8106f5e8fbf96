#pragma once

// Internal tables of Knowledge, shared by the files that build and query them.

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "iskra/extract/knowledge.hpp"
#include "iskra/extract/union_find.hpp"

namespace iskra::extract {

constexpr std::uint32_t kNoId = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMaxNameWords = 5;

/// (document index << 32) | sentence index.
inline std::uint64_t sentence_key(std::uint32_t doc, std::uint32_t sentence) {
    return (static_cast<std::uint64_t>(doc) << 32) | sentence;
}

/// One folded spelling of a name ("leon tolstoy") with its statistics.
struct Form {
    std::string key;      ///< folded, without a leading "the"
    std::string display;  ///< the most frequent capitalised spelling seen
    bool display_capitalised = false;
    std::uint32_t count = 0;
    std::uint32_t non_initial = 0;  ///< mentions not flagged sentence-initial
    std::uint32_t docs = 0;
    std::uint32_t last_doc = kNoId;
    std::array<float, 4> votes{};  ///< indexed by EntityType
    std::uint32_t words = 1;
    bool acronym = false;
    bool valid = true;
    std::vector<std::pair<std::string, std::uint32_t>> spellings;  ///< during build only
};

/// A mention of a form, with its span in the document text.
struct RawMention {
    std::uint32_t doc = 0;
    std::uint32_t sentence = 0;
    std::uint32_t form = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct Cluster {
    std::string name;
    EntityType type = EntityType::Unknown;
    std::vector<std::uint32_t> forms;
    std::vector<std::string> aliases;
    std::uint32_t mentions = 0;
    std::uint32_t docs = 0;
    std::vector<std::uint32_t> events;
    std::vector<Office> offices;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> related;   ///< cluster, count
    std::vector<std::uint64_t> samples;                             ///< sentence keys
    std::optional<std::pair<std::int32_t, std::int32_t>> lifespan;  ///< birth, death years
};

/// A blank for a person/place quiz question: the span of a name inside a stored sentence.
struct QuizSlot {
    std::uint32_t cluster = 0;
    std::uint64_t sentence = 0;
    std::uint32_t begin = 0;  ///< relative to the sentence text
    std::uint32_t end = 0;
};

struct Event {
    DateValue date;
    std::optional<DateValue> end;
    std::string date_text;
    std::vector<std::uint64_t> sources;
    std::vector<std::uint32_t> clusters;
    std::vector<DateValue> conflicts;
    std::vector<std::uint64_t> terms;  ///< sorted hashes of content words
    std::uint32_t date_begin = 0;      ///< span of the date in the first source sentence
    std::uint32_t date_end = 0;
    std::uint32_t words = 0;  ///< words of the longest source sentence, the date excluded
    bool statement = false;   ///< some source ends like a sentence (not a heading)
    /// The person a pronoun of a source most likely names (the last person named in the
    /// sentences before it); used to judge the event's place in the story only.
    std::uint32_t implied = kNoId;
    bool has_pronoun = false;  ///< during build only
    bool document = false;     ///< the document itself, dated by its title
    bool story = false;        ///< shown by the default (story) timeline; see mark_story_events
};

struct StoredSentence {
    std::string text;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct DocInfo {
    std::string doc_id;
    std::string title;
    std::string source_path;
    bool lower_case = false;
    std::uint32_t subject = kNoId;  ///< the most mentioned person cluster
    std::optional<DateValue> date;  ///< when it was written, if its title or dateline says
    bool dated_by_title = false;    ///< `date` comes from the title (not from the text)
};

struct Knowledge::Tables {
    std::vector<DocInfo> docs;
    std::unordered_map<std::uint64_t, StoredSentence> sentences;
    std::vector<Form> forms;
    std::unordered_map<std::string, std::uint32_t> form_index;
    std::vector<std::uint32_t> form_cluster;
    std::vector<Cluster> clusters;
    std::vector<Event> events;  ///< in timeline order
    std::vector<QuizSlot> quiz_slots;

    /// Keeps the sentence's text for citations. REQUIRES: valid span.
    void keep_sentence(std::uint32_t doc, std::uint32_t sentence, const DocumentInput& input);
    SentenceRef sentence_ref(std::uint64_t key) const;
    /// The form of a folded key (with "the " stripped), or kNoId.
    std::uint32_t find_form(std::string_view key) const;
};

/// When `input` was written: the year in its title, else a day or month on its first lines.
std::optional<DateValue> document_date(const DocumentInput& input);
/// The date its title gives (not a range or decade), if any.
std::optional<DateValue> title_date(std::string_view title);

/// `mention` anchored to the document's date when it is a "this year" or a year-less day that
/// its passage left unresolved; otherwise unchanged.
DateMention anchored_to_document(DateMention mention, const DateValue& written);

/// Folds a name into a form key: fold_name, without a leading "the ", possessive or dots.
std::string form_key(std::string_view name);

/// Known forms in `text`: greedy longest match of up to kMaxNameWords words; `min_single`
/// restricts one-word matches to forms that are safe to match in lower-case text.
std::vector<RawMention> match_forms(const Knowledge::Tables& tables,
                                    std::string_view text,
                                    bool lower_case_rules);

/// Builds forms and mentions (capitalised names, learned names in lower-case text), clusters the
/// forms into entities and fills tables.clusters and tables.form_cluster.
std::vector<RawMention> build_clusters(Knowledge::Tables& tables,
                                       std::span<const DocumentInput> documents);

/// Builds the events of the timeline from dated sentences, merging retellings.
void build_events(Knowledge::Tables& tables,
                  std::span<const DocumentInput> documents,
                  const std::vector<RawMention>& mentions);

/// Reads lifespans written after names ("Leon Tolstoy (1879–1940)") into their clusters.
void build_lifespans(Knowledge::Tables& tables,
                     std::span<const DocumentInput> documents,
                     const std::vector<RawMention>& mentions);

/// Marks the events of the collection's story: statements (not headings) told by several
/// documents, or naming an entity central to the collection within the lifespan of the central
/// people they name. REQUIRES: build_events and build_lifespans ran.
void mark_story_events(Knowledge::Tables& tables);

/// Attaches office statements to the clusters of their holders.
void build_offices(Knowledge::Tables& tables,
                   std::span<const DocumentInput> documents,
                   const std::vector<RawMention>& mentions);

}  // namespace iskra::extract
