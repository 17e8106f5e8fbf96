#include "iskra/server/route_table.hpp"

#include <gtest/gtest.h>

#include "iskra/server/error_mapping.hpp"
#include "iskra/server/metrics.hpp"

namespace iskra::server {
namespace {

TEST(RouteTable, KnownPathsHaveBoundedLabels) {
    EXPECT_EQ(find_route("/api/v1/search")->label, "/api/v1/search");
    EXPECT_EQ(find_route("/api/v1/documents/a/b.txt")->label, "/api/v1/documents/{id}");
    EXPECT_EQ(find_route("/")->label, "static");
    EXPECT_FALSE(find_route("/api/v1/documents/").has_value());
    EXPECT_FALSE(find_route("/api/v1/searchx").has_value());
}

TEST(RouteTable, MethodAllowedReadsTheList) {
    auto route = *find_route("/api/v1/ask");
    EXPECT_TRUE(method_allowed(route, "GET"));
    EXPECT_TRUE(method_allowed(route, "POST"));
    EXPECT_FALSE(method_allowed(route, "DELETE"));
    EXPECT_FALSE(method_allowed(route, "GE"));
}

TEST(ErrorMapping, EveryCodeHasAStatus) {
    EXPECT_EQ(http_status_for(StatusCode::InvalidArgument), 400);
    EXPECT_EQ(http_status_for(StatusCode::NotFound), 404);
    EXPECT_EQ(http_status_for(StatusCode::Unsupported), 415);
    EXPECT_EQ(http_status_for(StatusCode::ResourceExhausted), 429);
    EXPECT_EQ(http_status_for(StatusCode::Busy), 503);
    EXPECT_EQ(http_status_for(StatusCode::Corruption), 500);
}

TEST(ErrorMapping, FillsOnlyEmptyBodies) {
    httplib::Response res;
    res.status = 413;
    EXPECT_TRUE(fill_error_body(res));
    EXPECT_NE(res.body.find("payload_too_large"), std::string::npos);
    EXPECT_FALSE(fill_error_body(res));
}

TEST(Metrics, HistogramBucketsAreCumulative) {
    Metrics metrics;
    metrics.record("/api/v1/ask", 200, 0.0004);
    metrics.record("/api/v1/ask", 200, 0.02);
    metrics.record("/api/v1/ask", 400, 7.0);
    auto text = metrics.render(2);
    EXPECT_NE(text.find("iskra_http_requests_total{route=\"/api/v1/ask\",status=\"200\"} 2"),
              std::string::npos);
    EXPECT_NE(text.find("le=\"0.0005\"} 1"), std::string::npos) << text;
    EXPECT_NE(text.find("le=\"0.025\"} 2"), std::string::npos) << text;
    EXPECT_NE(text.find("le=\"+Inf\"} 3"), std::string::npos) << text;
    EXPECT_NE(text.find("iskra_http_requests_in_flight 2"), std::string::npos);
}

}  // namespace
}  // namespace iskra::server
