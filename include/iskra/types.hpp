#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iskra {

/// A sentence of a stored document with where it came from: the unit of every citation.
struct SentenceRef {
    std::string doc_id;  ///< the document's external id
    std::string title;
    std::string source_path;
    std::uint32_t sentence_index = 0;
    std::string text;              ///< the sentence as written
    std::uint32_t text_begin = 0;  ///< byte offsets in the extracted document text
    std::uint32_t text_end = 0;
    std::uint64_t source_begin = 0;  ///< byte offsets in the original file
    std::uint64_t source_end = 0;
    float quality = 1.0f;
    std::vector<std::string> flags;  ///< "duplicate", "off_topic", "furniture", "spun", ...
};

/// A highlighted snippet: `text` with `highlights` as [begin, end) byte ranges into it.
struct Snippet {
    SentenceRef sentence;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;
};

struct SearchHit {
    std::string doc_id;
    std::string title;
    std::string source_path;
    double score = 0;
    std::vector<Snippet> snippets;  ///< best matching sentences, best first
};

struct SearchRequest {
    std::string query;
    std::uint32_t k = 10;
    std::uint32_t offset = 0;
    bool exact_count = false;  ///< count every match (slower) instead of a lower bound
    bool show_noise = false;   ///< do not down-weight flagged sentences/documents
    bool snippets = true;
};

struct SearchResponse {
    std::string query;
    std::uint64_t total_hits = 0;
    bool total_is_exact = true;
    std::vector<SearchHit> hits;
    double took_ms = 0;
};

struct AnswerSupport {
    SentenceRef sentence;
    double score = 0;
};

/// One value the sources give, with who gives it.
struct AnswerGroup {
    std::string text;        ///< as written in the best source
    std::string normalized;  ///< ISO date, full name, number...
    double score = 0;
    std::uint32_t independent_sources = 0;
    std::vector<AnswerSupport> support;
};

struct AskRequest {
    std::string question;
    std::uint32_t k = 5;  ///< supporting sentences to return
};

struct AskResponse {
    std::string question;
    std::string status;  ///< "answered" or "not_found"
    std::string type;    ///< date, year, person, place, organization, number, definition, reason,
                         ///< list, yesno, other
    std::optional<AnswerGroup> answer;
    std::string answer_text;  ///< longer extractive answer (1-3 sentences) where useful
    double confidence = 0;
    std::vector<AnswerGroup> conflicts;  ///< other values the sources give
    std::vector<AnswerSupport> closest;  ///< when not found: the nearest sentences
    std::vector<std::string> key_terms;
    double took_ms = 0;
};

struct Date {
    std::int32_t year = 0;
    std::uint8_t month = 0;  ///< 0 when unknown
    std::uint8_t day = 0;    ///< 0 when unknown
    std::string precision;   ///< "day", "month", "year", "decade", "range"
    std::string iso;         ///< "1940-08-21", "1940-08", "1940", "1920s"
    std::string text;        ///< as written
};

struct TimelineEvent {
    Date date;
    std::optional<Date> end_date;  ///< ranges
    std::string summary;           ///< the best sentence
    std::vector<std::string> entities;
    std::vector<SentenceRef> sources;
    std::vector<Date> conflicting_dates;
};

struct TimelineRequest {
    std::optional<std::int32_t> from_year;
    std::optional<std::int32_t> to_year;
    std::string entity;
    std::uint32_t limit = 1000;
    /// Every dated event; by default a timeline without `entity` shows the collection's story
    /// (events told by several documents or naming its central entities).
    bool all = false;
};

struct TimelineResponse {
    std::vector<TimelineEvent> events;
    double took_ms = 0;
};

struct Office {
    std::string title;
    std::string from;
    std::string to;
    std::string preceded_by;
    std::string succeeded_by;
    std::optional<SentenceRef> source;
};

struct Entity {
    std::string name;  ///< canonical (longest well-attested) form
    std::string type;  ///< person, place, organization
    std::vector<std::string> aliases;
    std::uint32_t mentions = 0;
    std::uint32_t documents = 0;
};

struct EntityDetail {
    Entity entity;
    std::vector<Office> offices;
    std::vector<TimelineEvent> events;
    std::vector<std::pair<std::string, std::uint32_t>> related;  ///< co-occurring entities, count
    std::vector<SentenceRef> mentions;                           ///< a sample
};

struct QuizQuestion {
    std::string question;
    std::vector<std::string> choices;
    std::uint32_t answer_index = 0;
    std::string kind;  ///< date, person, place
    SentenceRef source;
};

struct DocumentView {
    std::string doc_id;
    std::string title;
    std::string source_path;
    std::string format;
    std::string text;
    std::vector<SentenceRef> sentences;
    std::uint64_t source_size_bytes = 0;
    std::uint32_t invalid_utf8_replaced = 0;
};

struct SegmentStats {
    std::string name;
    std::uint32_t documents = 0;
    std::uint32_t deleted = 0;
    std::uint64_t size_bytes = 0;
};

struct CollectionStats {
    std::string path;
    std::uint64_t generation = 0;
    std::uint64_t documents = 0;
    std::uint64_t sentences = 0;
    std::uint64_t terms = 0;  ///< distinct terms (sum over segments: an upper bound)
    std::uint64_t tokens = 0;
    std::uint64_t text_bytes = 0;
    std::uint64_t index_bytes = 0;
    std::vector<SegmentStats> segments;
};

struct AddStats {
    std::uint64_t documents_added = 0;
    std::uint64_t documents_replaced = 0;
    std::uint64_t documents_unchanged = 0;
    std::uint64_t files_skipped = 0;
    std::uint64_t bytes_read = 0;
    std::uint64_t invalid_utf8_replaced = 0;
    double seconds = 0;
};

}  // namespace iskra
