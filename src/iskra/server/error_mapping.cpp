#include "iskra/server/error_mapping.hpp"

#include <string>

#include "iskra/json.hpp"

namespace iskra::server {

namespace {

struct HttpErrorInfo {
    int status;
    std::string_view code;
};

HttpErrorInfo info(HttpError error) {
    switch (error) {
        case HttpError::BadRequest:
            return {400, "bad_request"};
        case HttpError::Unauthorized:
            return {401, "unauthorized"};
        case HttpError::Forbidden:
            return {403, "forbidden"};
        case HttpError::NotFound:
            return {404, "not_found"};
        case HttpError::MethodNotAllowed:
            return {405, "method_not_allowed"};
        case HttpError::PayloadTooLarge:
            return {413, "payload_too_large"};
        case HttpError::UnsupportedMediaType:
            return {415, "unsupported_media_type"};
        case HttpError::TooManyRequests:
            return {429, "too_many_requests"};
        case HttpError::Internal:
            return {500, "internal"};
        case HttpError::Unavailable:
            return {503, "unavailable"};
    }
    return {500, "internal"};
}

void set_json_error(httplib::Response& res,
                    int status,
                    std::string_view code,
                    std::string_view message) {
    nlohmann::json body = {
        {"error", {{"code", std::string(code)}, {"message", std::string(message)}}}};
    res.status = status;
    res.set_content(dump_json(body), "application/json");
}

}  // namespace

int http_status_for(StatusCode code) {
    switch (code) {
        case StatusCode::Ok:
            return 200;
        case StatusCode::InvalidArgument:
            return 400;
        case StatusCode::NotFound:
            return 404;
        case StatusCode::AlreadyExists:
            return 409;
        case StatusCode::Unsupported:
            return 415;
        case StatusCode::ResourceExhausted:
            return 429;
        case StatusCode::Busy:
        case StatusCode::Cancelled:
            return 503;
        case StatusCode::IoError:
        case StatusCode::Corruption:
        case StatusCode::Internal:
            return 500;
    }
    return 500;
}

void set_error(httplib::Response& res, const Status& status) {
    set_json_error(
        res, http_status_for(status.code()), error_code_name(status.code()), status.message());
}

void set_error(httplib::Response& res, HttpError error, std::string_view message) {
    auto [status, code] = info(error);
    set_json_error(res, status, code, message);
}

bool fill_error_body(httplib::Response& res) {
    if (!res.body.empty()) {
        return false;
    }
    switch (res.status) {
        case 404:
            set_error(res, HttpError::NotFound, "no such route");
            break;
        case 405:
            set_error(res, HttpError::MethodNotAllowed, "method not allowed");
            break;
        case 413:
            set_error(res, HttpError::PayloadTooLarge, "request body larger than the limit");
            break;
        case 414:
            set_json_error(res, 414, "uri_too_long", "request URI too long");
            break;
        case 416:
            set_json_error(res, 416, "range_not_satisfiable", "range not satisfiable");
            break;
        case 503:
            set_error(res, HttpError::Unavailable, "server unavailable");
            break;
        default:
            if (res.status >= 500) {
                set_error(res, HttpError::Internal, "internal error");
            } else {
                int status = res.status;
                set_error(res, HttpError::BadRequest, "malformed request");
                res.status = status;
            }
    }
    return true;
}

}  // namespace iskra::server
