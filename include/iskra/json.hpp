#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "iskra/status.hpp"
#include "iskra/types.hpp"

namespace iskra {

/// JSON form of the public types: the one schema shared by the CLI's `--json` output and the
/// HTTP API (`/api/v1/...`). The schema is documented field by field in docs/json.md; fields are
/// only ever added, never renamed or removed, within API version 1.

/// The API version these functions implement; responses of `/api/v1/` follow it.
inline constexpr int kJsonSchemaVersion = 1;

nlohmann::json to_json(const SentenceRef& sentence);
nlohmann::json to_json(const Snippet& snippet);
nlohmann::json to_json(const SearchHit& hit);
nlohmann::json to_json(const SearchResponse& response);
nlohmann::json to_json(const AnswerSupport& support);
nlohmann::json to_json(const AnswerGroup& group);
nlohmann::json to_json(const AskResponse& response);
nlohmann::json to_json(const Date& date);
nlohmann::json to_json(const TimelineEvent& event);
nlohmann::json to_json(const TimelineResponse& response);
nlohmann::json to_json(const Office& office);
nlohmann::json to_json(const Entity& entity);
/// `{"entities": [...], "count": n}`.
nlohmann::json to_json(const std::vector<Entity>& entities);
nlohmann::json to_json(const EntityDetail& detail);
nlohmann::json to_json(const QuizQuestion& question);
/// `{"questions": [...], "count": n}`.
nlohmann::json to_json(const std::vector<QuizQuestion>& questions);
/// The document with its sentences; the sentences whose index is in `highlight` carry
/// `"highlighted": true` and `highlight` is echoed at the top level.
nlohmann::json to_json(const DocumentView& document, std::span<const std::uint32_t> highlight = {});
nlohmann::json to_json(const SegmentStats& segment);
nlohmann::json to_json(const CollectionStats& stats);
nlohmann::json to_json(const AddStats& stats);

/// `{"error": {"code": "invalid_argument", "message": "..."}}`. REQUIRES: !status.ok().
nlohmann::json error_json(const Status& status);
/// The snake_case wire name of a code: "invalid_argument", "not_found", "io_error", ...
std::string_view error_code_name(StatusCode code);

/// Serialises `value` as UTF-8 text. Invalid UTF-8 inside strings (which the engine should never
/// produce) is replaced by U+FFFD instead of throwing. `indent` < 0 gives the compact form.
std::string dump_json(const nlohmann::json& value, int indent = -1);

/// Where the fields of a request come from.
enum class FieldEncoding : std::uint8_t {
    Json,         ///< a JSON body: numbers must be numbers, booleans booleans
    QueryString,  ///< URL parameters: every value is a string and is parsed ("10", "true")
};

/// Limits applied while parsing requests; violating one is InvalidArgument naming the field.
struct RequestLimits {
    std::size_t max_query_bytes = 1024;  ///< `q`, `name`, `entity`
    std::uint32_t max_k = 1000;          ///< `k`, `limit`, `count`
    std::uint32_t max_offset = 100000;
};

/// Parses `{"q": "...", "k": 10, "offset": 0, "exact_count": false, "show_noise": false,
/// "snippets": true}`. `q` is required, non-empty, valid UTF-8 and at most max_query_bytes;
/// unknown fields are refused so that typos do not pass silently.
Result<SearchRequest> search_request_from_json(const nlohmann::json& body,
                                               FieldEncoding encoding = FieldEncoding::Json,
                                               const RequestLimits& limits = {});
/// Parses `{"q": "question", "k": 5}`.
Result<AskRequest> ask_request_from_json(const nlohmann::json& body,
                                         FieldEncoding encoding = FieldEncoding::Json,
                                         const RequestLimits& limits = {});
/// Parses `{"from": 1900, "to": 1940, "entity": "...", "limit": 1000}` (all optional).
Result<TimelineRequest> timeline_request_from_json(const nlohmann::json& body,
                                                   FieldEncoding encoding = FieldEncoding::Json,
                                                   const RequestLimits& limits = {});

/// Arguments of Engine::entities.
struct EntitiesRequest {
    std::string type;  ///< "", "person", "place" or "organization"
    std::uint32_t limit = 100;
};
/// Parses `{"type": "person", "limit": 100}` (both optional).
Result<EntitiesRequest> entities_request_from_json(const nlohmann::json& body,
                                                   FieldEncoding encoding = FieldEncoding::Json,
                                                   const RequestLimits& limits = {});

/// Arguments of Engine::entity.
struct EntityRequest {
    std::string name;
};
/// Parses `{"name": "..."}`; `q` is accepted as a synonym of `name`.
Result<EntityRequest> entity_request_from_json(const nlohmann::json& body,
                                               FieldEncoding encoding = FieldEncoding::Json,
                                               const RequestLimits& limits = {});

/// Arguments of Engine::quiz.
struct QuizRequest {
    std::uint32_t count = 10;
    std::uint64_t seed = 0;
};
/// Parses `{"count": 10, "seed": 0}` (both optional; count at most 100).
Result<QuizRequest> quiz_request_from_json(const nlohmann::json& body,
                                           FieldEncoding encoding = FieldEncoding::Json,
                                           const RequestLimits& limits = {});

/// One document given inline to `POST /api/v1/documents`.
struct InlineDocument {
    std::string id;
    std::string title;
    std::string text;
};
/// Parses one `{"id": "...", "title": "...", "text": "..."}` or a batch
/// `{"documents": [ {...}, ... ]}`. `id` and `text` are required and valid UTF-8.
Result<std::vector<InlineDocument>> inline_documents_from_json(const nlohmann::json& body);

/// Parses a comma-separated list of sentence indices ("3,17,18"); empty gives an empty list.
Result<std::vector<std::uint32_t>> parse_index_list(std::string_view text, std::string_view field);

/// Parses JSON text, turning a syntax error into InvalidArgument with the byte position.
Result<nlohmann::json> parse_json_text(std::string_view text);

}  // namespace iskra
