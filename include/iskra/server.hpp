#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "iskra/engine.hpp"
#include "iskra/json.hpp"
#include "iskra/status.hpp"

namespace iskra {

/// How `iskra serve` listens and what it allows (tools/iskra/serve_command.cpp sets these from
/// flags). Defaults are safe for a laptop: loopback only, read-only, no CORS.
struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  ///< 0: any free port (see Server::start)

    /// Enables POST /api/v1/documents and DELETE /api/v1/documents/{id}. Requires `token`.
    bool allow_writes = false;
    /// Bearer token for write requests (`Authorization: Bearer <token>`).
    /// run_server_until_signal reads ISKRA_TOKEN when this is empty.
    std::string token;
    /// When non-empty, CORS headers allow this origin (e.g. "https://example.org" or "*").
    std::string cors_origin;

    std::uint64_t max_body_bytes = 1u << 20;  ///< larger bodies get 413
    std::uint32_t max_query_bytes = 1024;     ///< longer `q`/`name`/`entity` get 400
    std::uint32_t max_k = 1000;               ///< larger `k`/`limit` get 400

    /// Worker threads. cpp-httplib keeps one thread per open keep-alive connection, so this bounds
    /// concurrent connections being served, not CPU use; 0 picks a default for the machine.
    unsigned threads = 0;
    /// Seconds a client may stall while sending a request before its connection is closed.
    unsigned read_timeout_seconds = 5;
    unsigned write_timeout_seconds = 5;
    /// Seconds an idle keep-alive connection is kept open (this also bounds how long a graceful
    /// shutdown waits for idle browsers).
    unsigned keep_alive_seconds = 5;
    /// Read responses kept in an LRU cache keyed by route, request and collection generation
    /// (a commit invalidates them all). 0 turns the cache off.
    std::size_t cache_entries = 1024;
    /// Requests answered at once before new ones get 429.
    unsigned max_in_flight = 256;
    /// Requests running engine work at once; the others queue in arrival order (see
    /// server/work_gate.hpp). 0: two per core.
    unsigned engine_slots = 0;

    /// One line per request ("127.0.0.1 GET /api/v1/search 200 312B 0.41ms"). Null: stderr.
    std::function<void(std::string_view line)> access_log;
    bool quiet = false;  ///< no access log at all
};

/// The HTTP JSON API (`/api/v1/...`, see docs/api.md), `/metrics` and the embedded web page,
/// answering from `engine`.
///
/// REQUIRES: `engine` outlives the server. Thread-safe: stop() may be called from any thread.
class Server {
  public:
    Server(Engine& engine, ServerOptions options);
    ~Server();  ///< stops and joins
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    Server(Server&&) = delete;
    Server& operator=(Server&&) = delete;

    /// Binds and starts answering on a background thread; returns the bound port (useful with
    /// port 0). Fails with IoError when the address cannot be bound, InvalidArgument when the
    /// options are inconsistent (writes without a token).
    Result<std::uint16_t> start();
    /// Stops accepting, finishes the requests in progress and joins. Idempotent.
    void stop();
    /// Blocks until the server stops (after stop() from another thread).
    void wait();

    std::uint16_t port() const;
    const std::string& host() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Serves `engine` until SIGINT or SIGTERM, then shuts down gracefully (requests in progress
/// finish). Prints "iskra serving <collection> at http://HOST:PORT/" to stdout once listening.
/// Blocks the two signals in the calling thread (and the server threads it starts) while it
/// runs: call it from the main thread before starting other threads.
Status run_server_until_signal(Engine& engine, const ServerOptions& options);

/// Same as run_server_until_signal.
Status serve(Engine& engine, const ServerOptions& options);

}  // namespace iskra
