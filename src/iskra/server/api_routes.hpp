#pragma once

#include <mutex>

#include <httplib.h>

#include "iskra/engine.hpp"
#include "iskra/server.hpp"

namespace iskra::server {

/// The `/api/v1/` handlers: read endpoints (search, ask, timeline, entities, entity, quiz,
/// documents/{id}, stats, health) and, when enabled, the write endpoints.
///
/// REQUIRES: `engine` and `options` outlive the routes and the httplib server they are
/// installed on.
class ApiRoutes {
  public:
    ApiRoutes(Engine& engine, const ServerOptions& options);
    ApiRoutes(const ApiRoutes&) = delete;
    ApiRoutes& operator=(const ApiRoutes&) = delete;
    ApiRoutes(ApiRoutes&&) = delete;
    ApiRoutes& operator=(ApiRoutes&&) = delete;

    /// Registers every API handler on `http`.
    void install(httplib::Server& http);

  private:
    void install_reads(httplib::Server& http);
    void get_document(const httplib::Request& req, httplib::Response& res) const;
    void add_documents(const httplib::Request& req, httplib::Response& res);
    void remove_document(const httplib::Request& req, httplib::Response& res);
    /// Fails (403 or 401) unless writes are enabled and the request carries the token.
    Status authorize_write(const httplib::Request& req, httplib::Response& res) const;

    Engine& engine_;
    const ServerOptions& options_;
    RequestLimits limits_;
    std::mutex write_mutex_;  // one API writer at a time; the engine allows a single writer
};

}  // namespace iskra::server
