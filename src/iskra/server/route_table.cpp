#include "iskra/server/route_table.hpp"

#include <array>

#include "iskra/server/web_assets.hpp"

namespace iskra::server {

namespace {

constexpr std::string_view kReadMethods = "GET, HEAD, POST";
constexpr std::string_view kGetMethods = "GET, HEAD";

constexpr std::array<RouteInfo, 10> kExactRoutes = {{
    {"/api/v1/search", kReadMethods},
    {"/api/v1/ask", kReadMethods},
    {"/api/v1/timeline", kReadMethods},
    {"/api/v1/entities", kReadMethods},
    {"/api/v1/entity", kReadMethods},
    {"/api/v1/quiz", kReadMethods},
    {"/api/v1/stats", kGetMethods},
    {"/api/v1/health", kGetMethods},
    {"/api/v1/documents", "POST"},
    {"/metrics", kGetMethods},
}};

constexpr std::string_view kDocumentPrefix = "/api/v1/documents/";

}  // namespace

std::optional<RouteInfo> find_route(std::string_view path) {
    for (const auto& route : kExactRoutes) {
        if (route.label == path) {
            return route;
        }
    }
    if (path.size() > kDocumentPrefix.size() && path.starts_with(kDocumentPrefix)) {
        return RouteInfo{"/api/v1/documents/{id}", "GET, HEAD, DELETE"};
    }
    if (find_web_asset(path) != nullptr) {
        return RouteInfo{"static", kGetMethods};
    }
    return std::nullopt;
}

bool method_allowed(const RouteInfo& route, std::string_view method) {
    std::string_view rest = route.methods;
    while (!rest.empty()) {
        auto comma = rest.find(',');
        auto item = rest.substr(0, comma);
        if (item == method) {
            return true;
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
        while (!rest.empty() && rest.front() == ' ') {
            rest.remove_prefix(1);
        }
    }
    return false;
}

}  // namespace iskra::server
