// Request parsing for the JSON schema of include/iskra/json.hpp: the HTTP API's bodies and URL
// parameters both land here, so validation (types, ranges, UTF-8, lengths) lives in one place.
#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>

#include "iskra/json.hpp"

namespace iskra {

using nlohmann::json;

namespace {

// Strict UTF-8 check (no overlongs, surrogates or code points past U+10FFFF); the engine's text
// module has the same rule, but requests are validated before any engine code runs.
bool valid_utf8(std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto lead = static_cast<unsigned char>(bytes[pos]);
        if (lead < 0x80) {
            ++pos;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t min_value = 0;
        std::uint32_t value = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2, min_value = 0x80, value = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, min_value = 0x800, value = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, min_value = 0x10000, value = lead & 0x07;
        } else {
            return false;
        }
        if (pos + length > bytes.size()) {
            return false;
        }
        for (std::size_t byte_idx = 1; byte_idx < length; ++byte_idx) {
            auto next = static_cast<unsigned char>(bytes[pos + byte_idx]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            value = (value << 6) | (next & 0x3F);
        }
        if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            return false;
        }
        pos += length;
    }
    return true;
}

// Reads typed fields out of a request object, remembering which ones were consumed so that
// unknown fields can be refused at the end.
class FieldReader {
  public:
    FieldReader(const json& body, FieldEncoding encoding) : body_(body), encoding_(encoding) {}

    Status check_object() const {
        if (!body_.is_object()) {
            return Status::invalid_argument("request body: expected a JSON object");
        }
        return {};
    }

    Result<std::optional<std::string>> string_field(const std::string& name,
                                                    std::size_t max_bytes) {
        const json* value = find(name);
        if (value == nullptr) {
            return std::optional<std::string>{};
        }
        if (!value->is_string()) {
            return Status::invalid_argument(name + ": expected a string");
        }
        auto text = value->get<std::string>();
        if (!valid_utf8(text)) {
            return Status::invalid_argument(name + ": not valid UTF-8");
        }
        if (text.size() > max_bytes) {
            return Status::invalid_argument(name + ": longer than " + std::to_string(max_bytes)
                                            + " bytes");
        }
        return std::optional<std::string>{std::move(text)};
    }

    Result<std::optional<std::int64_t>> integer_field(const std::string& name,
                                                      std::int64_t min_value,
                                                      std::int64_t max_value) {
        const json* value = find(name);
        if (value == nullptr) {
            return std::optional<std::int64_t>{};
        }
        std::int64_t number = 0;
        if (encoding_ == FieldEncoding::QueryString && value->is_string()) {
            const auto& text = value->get_ref<const std::string&>();
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
                return Status::invalid_argument(name + ": expected an integer");
            }
        } else if (value->is_number_integer()) {
            number = value->get<std::int64_t>();
            if (value->is_number_unsigned()
                && value->get<std::uint64_t>()
                       > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                number = std::numeric_limits<std::int64_t>::max();
            }
        } else {
            return Status::invalid_argument(name + ": expected an integer");
        }
        if (number < min_value || number > max_value) {
            return Status::invalid_argument(name + ": must be between " + std::to_string(min_value)
                                            + " and " + std::to_string(max_value));
        }
        return std::optional<std::int64_t>{number};
    }

    Result<std::optional<std::uint64_t>> unsigned_field(const std::string& name) {
        const json* value = find(name);
        if (value == nullptr) {
            return std::optional<std::uint64_t>{};
        }
        std::uint64_t number = 0;
        if (encoding_ == FieldEncoding::QueryString && value->is_string()) {
            const auto& text = value->get_ref<const std::string&>();
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
                return Status::invalid_argument(name + ": expected an unsigned integer");
            }
        } else if (value->is_number_unsigned()
                   || (value->is_number_integer() && value->get<std::int64_t>() >= 0)) {
            number = value->get<std::uint64_t>();
        } else {
            return Status::invalid_argument(name + ": expected an unsigned integer");
        }
        return std::optional<std::uint64_t>{number};
    }

    Result<std::optional<bool>> bool_field(const std::string& name) {
        const json* value = find(name);
        if (value == nullptr) {
            return std::optional<bool>{};
        }
        if (value->is_boolean()) {
            return std::optional<bool>{value->get<bool>()};
        }
        if (encoding_ == FieldEncoding::QueryString && value->is_string()) {
            const auto& text = value->get_ref<const std::string&>();
            if (text == "true" || text == "1" || text.empty()) {
                return std::optional<bool>{true};
            }
            if (text == "false" || text == "0") {
                return std::optional<bool>{false};
            }
        }
        return Status::invalid_argument(name + ": expected true or false");
    }

    /// Fails on the first field of the body that no reader call asked for.
    Status refuse_unknown(std::initializer_list<std::string_view> known) const {
        for (const auto& [key, value] : body_.items()) {
            bool found = false;
            for (auto name : known) {
                found = found || key == name;
            }
            if (!found) {
                auto shown = valid_utf8(key) ? key : std::string("(invalid UTF-8)");
                return Status::invalid_argument("unknown field '" + shown + "'");
            }
        }
        return {};
    }

  private:
    const json* find(const std::string& name) const {
        auto it = body_.find(name);
        if (it == body_.end() || it->is_null()) {
            return nullptr;
        }
        return &*it;
    }

    const json& body_;
    FieldEncoding encoding_;
};

Result<std::string> required_query(FieldReader& reader,
                                   const std::string& name,
                                   const RequestLimits& limits) {
    auto value = reader.string_field(name, limits.max_query_bytes);
    ISKRA_TRY(value);
    if (!value->has_value() || (*value)->empty()) {
        return Status::invalid_argument(name + ": required and must not be empty");
    }
    return std::move(**value);
}

}  // namespace

Result<SearchRequest> search_request_from_json(const json& body,
                                               FieldEncoding encoding,
                                               const RequestLimits& limits) {
    FieldReader reader(body, encoding);
    ISKRA_TRY(reader.check_object());
    ISKRA_TRY(reader.refuse_unknown({"q", "k", "offset", "exact_count", "show_noise", "snippets"}));
    SearchRequest request;
    auto query = required_query(reader, "q", limits);
    ISKRA_TRY(query);
    request.query = query.take();
    auto k = reader.integer_field("k", 1, limits.max_k);
    ISKRA_TRY(k);
    request.k = static_cast<std::uint32_t>(k->value_or(request.k));
    auto offset = reader.integer_field("offset", 0, limits.max_offset);
    ISKRA_TRY(offset);
    request.offset = static_cast<std::uint32_t>(offset->value_or(request.offset));
    auto exact = reader.bool_field("exact_count");
    ISKRA_TRY(exact);
    request.exact_count = exact->value_or(request.exact_count);
    auto noise = reader.bool_field("show_noise");
    ISKRA_TRY(noise);
    request.show_noise = noise->value_or(request.show_noise);
    auto snippets = reader.bool_field("snippets");
    ISKRA_TRY(snippets);
    request.snippets = snippets->value_or(request.snippets);
    return request;
}

Result<AskRequest> ask_request_from_json(const json& body,
                                         FieldEncoding encoding,
                                         const RequestLimits& limits) {
    FieldReader reader(body, encoding);
    ISKRA_TRY(reader.check_object());
    ISKRA_TRY(reader.refuse_unknown({"q", "k"}));
    AskRequest request;
    auto question = required_query(reader, "q", limits);
    ISKRA_TRY(question);
    request.question = question.take();
    auto k = reader.integer_field("k", 1, limits.max_k);
    ISKRA_TRY(k);
    request.k = static_cast<std::uint32_t>(k->value_or(request.k));
    return request;
}

Result<TimelineRequest> timeline_request_from_json(const json& body,
                                                   FieldEncoding encoding,
                                                   const RequestLimits& limits) {
    FieldReader reader(body, encoding);
    ISKRA_TRY(reader.check_object());
    ISKRA_TRY(reader.refuse_unknown({"from", "to", "entity", "limit", "all"}));
    TimelineRequest request;
    constexpr std::int64_t kYearLimit = 1000000;
    auto from = reader.integer_field("from", -kYearLimit, kYearLimit);
    ISKRA_TRY(from);
    if (from->has_value()) {
        request.from_year = static_cast<std::int32_t>(**from);
    }
    auto to = reader.integer_field("to", -kYearLimit, kYearLimit);
    ISKRA_TRY(to);
    if (to->has_value()) {
        request.to_year = static_cast<std::int32_t>(**to);
    }
    if (request.from_year && request.to_year && *request.from_year > *request.to_year) {
        return Status::invalid_argument("from: must not be after to");
    }
    auto entity = reader.string_field("entity", limits.max_query_bytes);
    ISKRA_TRY(entity);
    request.entity = entity->value_or("");
    auto limit = reader.integer_field("limit", 1, std::max<std::uint32_t>(limits.max_k, 1000));
    ISKRA_TRY(limit);
    request.limit = static_cast<std::uint32_t>(limit->value_or(request.limit));
    auto all = reader.bool_field("all");
    ISKRA_TRY(all);
    request.all = all->value_or(false);
    return request;
}

Result<EntitiesRequest> entities_request_from_json(const json& body,
                                                   FieldEncoding encoding,
                                                   const RequestLimits& limits) {
    FieldReader reader(body, encoding);
    ISKRA_TRY(reader.check_object());
    ISKRA_TRY(reader.refuse_unknown({"type", "limit"}));
    EntitiesRequest request;
    auto type = reader.string_field("type", 64);
    ISKRA_TRY(type);
    request.type = type->value_or("");
    if (!request.type.empty() && request.type != "person" && request.type != "place"
        && request.type != "organization") {
        return Status::invalid_argument("type: expected person, place or organization");
    }
    auto limit = reader.integer_field("limit", 1, limits.max_k);
    ISKRA_TRY(limit);
    request.limit = static_cast<std::uint32_t>(limit->value_or(request.limit));
    return request;
}

Result<EntityRequest> entity_request_from_json(const json& body,
                                               FieldEncoding encoding,
                                               const RequestLimits& limits) {
    FieldReader reader(body, encoding);
    ISKRA_TRY(reader.check_object());
    ISKRA_TRY(reader.refuse_unknown({"name", "q"}));
    bool has_name = body.contains("name") && !body["name"].is_null();
    auto name = required_query(reader, has_name ? "name" : "q", limits);
    if (!name.ok() && !has_name && !body.contains("q")) {
        return Status::invalid_argument("name: required and must not be empty");
    }
    ISKRA_TRY(name);
    return EntityRequest{name.take()};
}

Result<QuizRequest> quiz_request_from_json(const json& body,
                                           FieldEncoding encoding,
                                           const RequestLimits& /*limits*/) {
    FieldReader reader(body, encoding);
    ISKRA_TRY(reader.check_object());
    ISKRA_TRY(reader.refuse_unknown({"count", "seed"}));
    QuizRequest request;
    constexpr std::int64_t kMaxQuestions = 100;
    auto count = reader.integer_field("count", 1, kMaxQuestions);
    ISKRA_TRY(count);
    request.count = static_cast<std::uint32_t>(count->value_or(request.count));
    auto seed = reader.unsigned_field("seed");
    ISKRA_TRY(seed);
    request.seed = seed->value_or(request.seed);
    return request;
}

namespace {

Result<InlineDocument> inline_document(const json& item, const std::string& where) {
    if (!item.is_object()) {
        return Status::invalid_argument(where + ": expected a JSON object");
    }
    FieldReader reader(item, FieldEncoding::Json);
    auto unknown = reader.refuse_unknown({"id", "title", "text"});
    if (!unknown.ok()) {
        return unknown.with_context(where);
    }
    constexpr std::size_t kMaxIdBytes = 1024;
    auto id = reader.string_field("id", kMaxIdBytes);
    auto title = reader.string_field("title", kMaxIdBytes);
    auto text = reader.string_field("text", std::numeric_limits<std::size_t>::max());
    for (const Status* status : {&id.status(), &title.status(), &text.status()}) {
        if (!status->ok()) {
            return status->with_context(where);
        }
    }
    if (!id->has_value() || (*id)->empty()) {
        return Status::invalid_argument(where + ": id: required and must not be empty");
    }
    if (!text->has_value()) {
        return Status::invalid_argument(where + ": text: required");
    }
    return InlineDocument{std::move(**id), title->value_or(""), std::move(**text)};
}

}  // namespace

Result<std::vector<InlineDocument>> inline_documents_from_json(const json& body) {
    if (!body.is_object()) {
        return Status::invalid_argument("request body: expected a JSON object");
    }
    std::vector<InlineDocument> documents;
    if (!body.contains("documents")) {
        auto one = inline_document(body, "document");
        ISKRA_TRY(one);
        documents.push_back(one.take());
        return documents;
    }
    FieldReader reader(body, FieldEncoding::Json);
    ISKRA_TRY(reader.refuse_unknown({"documents"}));
    const auto& list = body["documents"];
    if (!list.is_array() || list.empty()) {
        return Status::invalid_argument("documents: expected a non-empty array");
    }
    for (std::size_t item_idx = 0; item_idx < list.size(); ++item_idx) {
        auto one = inline_document(list[item_idx], "documents[" + std::to_string(item_idx) + "]");
        ISKRA_TRY(one);
        documents.push_back(one.take());
    }
    return documents;
}

Result<std::vector<std::uint32_t>> parse_index_list(std::string_view text, std::string_view field) {
    std::vector<std::uint32_t> indices;
    std::size_t pos = 0;
    constexpr std::size_t kMaxIndices = 1000;
    while (pos < text.size()) {
        auto comma = text.find(',', pos);
        auto item =
            text.substr(pos, comma == std::string_view::npos ? text.size() - pos : comma - pos);
        std::uint32_t index = 0;
        auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), index);
        if (item.empty() || error != std::errc() || end != item.data() + item.size()) {
            return Status::invalid_argument(std::string(field)
                                            + ": expected comma-separated sentence indices");
        }
        if (indices.size() == kMaxIndices) {
            return Status::invalid_argument(std::string(field) + ": more than "
                                            + std::to_string(kMaxIndices) + " indices");
        }
        indices.push_back(index);
        if (comma == std::string_view::npos) {
            break;
        }
        pos = comma + 1;
    }
    return indices;
}

Result<json> parse_json_text(std::string_view text) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& error) {
        return Status::invalid_argument("malformed JSON at byte " + std::to_string(error.byte)
                                        + ": " + error.what());
    } catch (const json::exception& error) {
        // Not a syntax error but still the client's: e.g. a number too large for a double
        // ("1E999999"), which nlohmann reports as out_of_range. Found by fuzz/json_request_fuzz.
        return Status::invalid_argument(std::string("malformed JSON: ") + error.what());
    }
}

}  // namespace iskra
