#pragma once

#include <functional>
#include <mutex>
#include <string>

#include <httplib.h>

#include "iskra/engine.hpp"
#include "iskra/server.hpp"
#include "iskra/server/request_fields.hpp"
#include "iskra/server/response_cache.hpp"
#include "iskra/server/work_gate.hpp"

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

    const ResponseCache& cache() const { return cache_; }

  private:
    using ReadHandler = std::function<Result<nlohmann::json>(const RequestFields&)>;

    void install_reads(httplib::Server& http);
    /// GET and POST handlers for `path` answering through the response cache.
    void add_read(httplib::Server& http, const std::string& path, ReadHandler handler);
    void answer_read(const std::string& path,
                     const ReadHandler& handler,
                     const httplib::Request& req,
                     httplib::Response& res);
    void get_document(const httplib::Request& req, httplib::Response& res) const;
    void add_documents(const httplib::Request& req, httplib::Response& res);
    void remove_document(const httplib::Request& req, httplib::Response& res);
    /// Fails (403 or 401) unless writes are enabled and the request carries the token.
    Status authorize_write(const httplib::Request& req, httplib::Response& res) const;

    Engine& engine_;
    const ServerOptions& options_;
    RequestLimits limits_;
    ResponseCache cache_;
    mutable WorkGate gate_;   // engine work, in arrival order
    std::mutex write_mutex_;  // one API writer at a time; the engine allows a single writer
};

}  // namespace iskra::server
