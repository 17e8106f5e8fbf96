#pragma once

#include <optional>
#include <string_view>

namespace iskra::server {

/// A route of the server as seen by metrics, the access log and 404-versus-405 decisions.
struct RouteInfo {
    std::string_view label;    ///< bounded metric label: "/api/v1/search", "static", "other"
    std::string_view methods;  ///< the Allow header: "GET, HEAD, POST"
};

/// The route `path` belongs to; nullopt when no route has this path (a 404).
std::optional<RouteInfo> find_route(std::string_view path);

/// True when `method` is in the comma-separated `methods` list.
bool method_allowed(const RouteInfo& route, std::string_view method);

}  // namespace iskra::server
