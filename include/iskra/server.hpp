#pragma once

#include <cstdint>
#include <string>

#include "iskra/engine.hpp"
#include "iskra/status.hpp"

namespace iskra {

/// Options of `iskra serve` (tools/iskra/serve_command.cpp sets these fields from flags).
struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;          ///< 0: any free port
    bool allow_writes = false;          ///< POST/DELETE /api/v1/documents; needs `token`
    std::string token;                  ///< bearer token for writes
    std::string cors_origin;            ///< empty: CORS off
    bool quiet = false;                 ///< no access log on stderr
    std::uint64_t max_body_bytes = 1u << 20;
    std::uint32_t max_query_bytes = 1024;
    std::uint32_t max_k = 1000;
    unsigned threads = 0;               ///< 0: a pool sized for the machine
};

/// Serves the JSON API and the web page for `engine` until SIGINT or SIGTERM, then shuts down
/// gracefully. Prints "iskra serving <collection> at http://HOST:PORT/" once listening.
Status run_server_until_signal(Engine& engine, const ServerOptions& options);

}  // namespace iskra
