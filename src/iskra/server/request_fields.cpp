#include "iskra/server/request_fields.hpp"

#include <cctype>
#include <string>

namespace iskra::server {

bool is_json_content_type(std::string_view content_type) {
    auto semicolon = content_type.find(';');
    auto media = content_type.substr(0, semicolon);
    while (!media.empty() && media.back() == ' ') {
        media.remove_suffix(1);
    }
    constexpr std::string_view kJson = "application/json";
    if (media.size() != kJson.size()) {
        return false;
    }
    for (std::size_t char_idx = 0; char_idx < media.size(); ++char_idx) {
        if (std::tolower(static_cast<unsigned char>(media[char_idx])) != kJson[char_idx]) {
            return false;
        }
    }
    return true;
}

Result<nlohmann::json> json_body(const httplib::Request& req) {
    if (!is_json_content_type(req.get_header_value("Content-Type"))) {
        return Status::unsupported("Content-Type: expected application/json");
    }
    return parse_json_text(req.body);
}

Result<RequestFields> request_fields(const httplib::Request& req) {
    if (req.method == "POST") {
        auto body = json_body(req);
        ISKRA_TRY(body);
        if (!body->is_object()) {
            return Status::invalid_argument("request body: expected a JSON object");
        }
        return RequestFields{body.take(), FieldEncoding::Json};
    }
    RequestFields out{nlohmann::json::object(), FieldEncoding::QueryString};
    for (const auto& [key, value] : req.params) {
        if (out.fields.contains(key)) {
            return Status::invalid_argument(key + ": given more than once");
        }
        out.fields[key] = value;
    }
    return out;
}

}  // namespace iskra::server
