#pragma once

#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "iskra/json.hpp"
#include "iskra/status.hpp"

namespace iskra::server {

/// The fields of a read request, wherever the client put them.
struct RequestFields {
    nlohmann::json fields;  ///< always an object
    FieldEncoding encoding = FieldEncoding::Json;
};

/// GET and HEAD: the URL parameters (each given at most once). POST: the JSON body, which must
/// be declared `Content-Type: application/json` (Unsupported otherwise, i.e. 415).
Result<RequestFields> request_fields(const httplib::Request& req);

/// Parses a POST body as JSON after checking its Content-Type.
Result<nlohmann::json> json_body(const httplib::Request& req);

/// True for "application/json" with optional parameters ("; charset=utf-8").
bool is_json_content_type(std::string_view content_type);

}  // namespace iskra::server
