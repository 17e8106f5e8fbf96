#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace iskra::server {

/// Request counters by route and status and a latency histogram per route, rendered in the
/// Prometheus text exposition format (version 0.0.4) for `/metrics`.
///
/// Thread-safe. Routes are labels from a fixed table (see route_table.hpp), never raw paths, so
/// the number of series stays bounded whatever clients send.
class Metrics {
  public:
    /// Upper bounds of the latency buckets, in seconds (Prometheus' `le`).
    static constexpr std::array<double, 14> kBucketBounds = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};

    void record(std::string_view route, int status, double seconds);
    std::string render(std::uint64_t in_flight) const;

  private:
    struct RouteStats {
        std::map<int, std::uint64_t> by_status;
        std::array<std::uint64_t, kBucketBounds.size()> buckets{};  // not cumulative
        std::uint64_t count = 0;
        double sum_seconds = 0;
    };

    mutable std::mutex mutex_;
    std::map<std::string, RouteStats, std::less<>> routes_;
};

}  // namespace iskra::server
