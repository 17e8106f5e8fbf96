#pragma once

#include <cstdint>
#include <string_view>

#include <httplib.h>

#include "iskra/status.hpp"

namespace iskra::server {

/// Failures that only exist at the HTTP layer (the engine never returns them).
enum class HttpError : std::uint8_t {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    Internal,
    Unavailable,
};

/// The HTTP status for an engine status code: the one place where that mapping lives.
int http_status_for(StatusCode code);

/// Sets `res` to the JSON error `{"error": {"code", "message"}}` for `status`.
/// REQUIRES: !status.ok().
void set_error(httplib::Response& res, const Status& status);
/// Sets `res` to the JSON error for an HTTP-layer failure.
void set_error(httplib::Response& res, HttpError error, std::string_view message);
/// Gives a JSON body to an error response that has none yet (errors httplib produced itself:
/// malformed request line, body over the size limit, URI too long). Returns false when `res`
/// already had a body and was left alone.
bool fill_error_body(httplib::Response& res);

}  // namespace iskra::server
