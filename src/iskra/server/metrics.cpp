#include "iskra/server/metrics.hpp"

#include <fmt/format.h>

namespace iskra::server {

void Metrics::record(std::string_view route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    auto it = routes_.find(route);
    if (it == routes_.end()) {
        it = routes_.emplace(std::string(route), RouteStats{}).first;
    }
    auto& stats = it->second;
    ++stats.by_status[status];
    ++stats.count;
    stats.sum_seconds += seconds;
    for (std::size_t bucket_idx = 0; bucket_idx < kBucketBounds.size(); ++bucket_idx) {
        if (seconds <= kBucketBounds[bucket_idx]) {
            ++stats.buckets[bucket_idx];
            break;
        }
    }
}

std::string Metrics::render(std::uint64_t in_flight) const {
    std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP iskra_http_requests_total HTTP requests answered, by route and status.\n";
    out += "# TYPE iskra_http_requests_total counter\n";
    for (const auto& [route, stats] : routes_) {
        for (const auto& [status, count] : stats.by_status) {
            out += fmt::format("iskra_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                               route,
                               status,
                               count);
        }
    }
    out += "# HELP iskra_http_request_duration_seconds Time from routing to response, by route.\n";
    out += "# TYPE iskra_http_request_duration_seconds histogram\n";
    for (const auto& [route, stats] : routes_) {
        std::uint64_t cumulative = 0;
        for (std::size_t bucket_idx = 0; bucket_idx < kBucketBounds.size(); ++bucket_idx) {
            cumulative += stats.buckets[bucket_idx];
            out += fmt::format(
                "iskra_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                route,
                kBucketBounds[bucket_idx],
                cumulative);
        }
        out += fmt::format(
            "iskra_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
            route,
            stats.count);
        out += fmt::format("iskra_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n",
                           route,
                           stats.sum_seconds);
        out += fmt::format(
            "iskra_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, stats.count);
    }
    out += "# HELP iskra_http_requests_in_flight Requests being answered now.\n";
    out += "# TYPE iskra_http_requests_in_flight gauge\n";
    out += fmt::format("iskra_http_requests_in_flight {}\n", in_flight);
    return out;
}

}  // namespace iskra::server
