#include "iskra/server.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <httplib.h>

#include "iskra/server/api_routes.hpp"
#include "iskra/server/error_mapping.hpp"
#include "iskra/server/listen_backlog.hpp"
#include "iskra/server/metrics.hpp"
#include "iskra/server/route_table.hpp"
#include "iskra/server/web_assets.hpp"

namespace iskra {

namespace {

using Clock = std::chrono::steady_clock;

unsigned default_threads() {
    // cpp-httplib gives each open keep-alive connection a worker until it closes, so the pool
    // bounds the connections served at once, not the CPU used: with fewer workers than clients,
    // whole connections queue behind others and tail latency explodes (64 wrk connections on 16
    // workers: p99 ~ 4x p50). Idle workers cost a stack and a poll; the engine work itself is
    // short and CPU bound, so the cores stay the limit either way.
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::clamp(cores * 32, 64u, 256u);
}

void write_stderr_line(std::string_view line) {
    std::string with_newline(line);
    with_newline += '\n';
    std::fwrite(with_newline.data(), 1, with_newline.size(), stderr);
}

}  // namespace

struct Server::Impl {
    Impl(Engine& engine_ref, ServerOptions opts)
        : engine(engine_ref), options(std::move(opts)), routes(engine_ref, options) {}

    void configure();
    void install_routes();
    void serve_static_or_error(const httplib::Request& req, httplib::Response& res) const;
    httplib::Server::HandlerResponse before_routing(const httplib::Request& req,
                                                    httplib::Response& res);
    void after_response(const httplib::Request& req, const httplib::Response& res);

    Engine& engine;
    ServerOptions options;
    server::ApiRoutes routes;
    server::Metrics metrics;
    httplib::Server http;

    std::mutex timing_mutex;
    std::unordered_map<const httplib::Request*, Clock::time_point> started;

    std::mutex lifecycle_mutex;
    std::condition_variable finished_cv;
    bool finished = true;
    std::thread thread;
    std::uint16_t port = 0;
};

void Server::Impl::configure() {
    unsigned threads = options.threads != 0 ? options.threads : default_threads();
    // httplib takes ownership of the queue it is handed (its API wants a raw pointer).
    http.new_task_queue = [threads] {
        return std::make_unique<httplib::ThreadPool>(threads).release();
    };
    // Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm holds the
    // body until the client's delayed ACK (~40 ms on Linux) on every keep-alive response.
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(options.max_body_bytes);
    http.set_read_timeout(static_cast<time_t>(options.read_timeout_seconds));
    http.set_write_timeout(static_cast<time_t>(options.write_timeout_seconds));
    http.set_keep_alive_timeout(static_cast<time_t>(options.keep_alive_seconds));
    // A server-side close after N requests makes the client reconnect mid-load; the idle timeout
    // already bounds how long a connection holds its worker.
    http.set_keep_alive_max_count(1000000);
    httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"}};
    if (!options.cors_origin.empty()) {
        headers.emplace("Access-Control-Allow-Origin", options.cors_origin);
        headers.emplace("Vary", "Origin");
    }
    http.set_default_headers(std::move(headers));
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        return before_routing(req, res);
    });
    http.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            return server::fill_error_body(res) ? httplib::Server::HandlerResponse::Handled
                                                : httplib::Server::HandlerResponse::Unhandled;
        }));
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
            server::set_error(res, server::HttpError::Internal, "internal error");
        });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        after_response(req, res);
    });
}

httplib::Server::HandlerResponse Server::Impl::before_routing(const httplib::Request& req,
                                                              httplib::Response& res) {
    std::lock_guard lock(timing_mutex);
    if (started.size() >= options.max_in_flight) {
        server::set_error(res, server::HttpError::TooManyRequests, "too many requests in flight");
        res.set_header("Retry-After", "1");
        return httplib::Server::HandlerResponse::Handled;
    }
    started[&req] = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
}

void Server::Impl::after_response(const httplib::Request& req, const httplib::Response& res) {
    double seconds = 0;
    {
        std::lock_guard lock(timing_mutex);
        auto it = started.find(&req);
        if (it != started.end()) {
            seconds = std::chrono::duration<double>(Clock::now() - it->second).count();
            started.erase(it);
        }
    }
    auto route = server::find_route(req.path);
    metrics.record(route ? route->label : "other", res.status, seconds);
    if (options.quiet) {
        return;
    }
    // The path only: query strings carry users' questions, which a log should not keep.
    auto line = fmt::format("{} \"{} {}\" {} {}B {:.2f}ms",
                            req.remote_addr,
                            req.method,
                            route ? req.path : std::string_view("-"),
                            res.status,
                            res.body.size(),
                            seconds * 1e3);
    if (options.access_log) {
        options.access_log(line);
    } else {
        write_stderr_line(line);
    }
}

void Server::Impl::serve_static_or_error(const httplib::Request& req,
                                         httplib::Response& res) const {
    if (req.method == "GET" || req.method == "HEAD") {
        if (const auto* asset = server::find_web_asset(req.path)) {
            res.status = 200;
            res.set_header("Cache-Control", "no-cache");
            res.set_header("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                           "frame-ancestors 'none'; base-uri 'none'");
            res.set_content(std::string(asset->bytes), std::string(asset->content_type));
            return;
        }
    }
    auto route = server::find_route(req.path);
    if (!route) {
        server::set_error(res, server::HttpError::NotFound, "no route for " + req.path);
        return;
    }
    if (req.method == "OPTIONS" && !options.cors_origin.empty()) {
        res.status = 204;
        res.set_header("Access-Control-Allow-Methods", std::string(route->methods) + ", OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization");
        res.set_header("Access-Control-Max-Age", "600");
        return;
    }
    server::set_error(
        res,
        server::HttpError::MethodNotAllowed,
        req.method + " is not allowed on " + req.path + "; use " + std::string(route->methods));
    res.set_header("Allow", std::string(route->methods));
}

void Server::Impl::install_routes() {
    routes.install(http);
    http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        std::size_t in_flight = 0;
        {
            std::lock_guard lock(timing_mutex);
            in_flight = started.size();
        }
        auto text = metrics.render(in_flight);
        text += fmt::format(
            "# HELP iskra_response_cache_hits_total Read responses served from the cache.\n"
            "# TYPE iskra_response_cache_hits_total counter\n"
            "iskra_response_cache_hits_total {}\n"
            "# HELP iskra_response_cache_misses_total Cacheable reads the engine answered.\n"
            "# TYPE iskra_response_cache_misses_total counter\n"
            "iskra_response_cache_misses_total {}\n",
            routes.cache().hits(),
            routes.cache().misses());
        res.set_content(text, "text/plain; version=0.0.4");
    });
    auto fallback = [this](const httplib::Request& req, httplib::Response& res) {
        serve_static_or_error(req, res);
    };
    http.Get(".*", fallback);
    http.Post(".*", fallback);
    http.Put(".*", fallback);
    http.Patch(".*", fallback);
    http.Delete(".*", fallback);
    http.Options(".*", fallback);
}

Server::Server(Engine& engine, ServerOptions options)
    : impl_(std::make_unique<Impl>(engine, std::move(options))) {}

Server::~Server() {
    stop();
}

Result<std::uint16_t> Server::start() {
    std::lock_guard lock(impl_->lifecycle_mutex);
    if (impl_->thread.joinable()) {
        return Status::invalid_argument("server already started");
    }
    const auto& options = impl_->options;
    if (options.allow_writes && options.token.empty()) {
        return Status::invalid_argument(
            "--allow-writes needs a token (--token or the ISKRA_TOKEN environment variable)");
    }
    impl_->configure();
    impl_->install_routes();
    int port = options.port;
    if (options.port == 0) {
        port = impl_->http.bind_to_any_port(options.host);
    } else if (!impl_->http.bind_to_port(options.host, options.port)) {
        port = -1;
    }
    if (port <= 0) {
        return Status::io_error(fmt::format(
            "cannot listen on {}:{} (address in use or invalid)", options.host, options.port));
    }
    impl_->port = static_cast<std::uint16_t>(port);
    (void)server::widen_listen_backlog(impl_->port);  // best effort: httplib's 5 still works
    impl_->finished = false;
    impl_->thread = std::thread([impl = impl_.get()] {
        impl->http.listen_after_bind();
        std::lock_guard done_lock(impl->lifecycle_mutex);
        impl->finished = true;
        impl->finished_cv.notify_all();
    });
    // stop() only takes effect once the accept loop runs; wait for it (bounded).
    for (int attempt = 0; attempt < 5000 && !impl_->http.is_running(); ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return impl_->port;
}

void Server::stop() {
    std::thread thread;
    {
        std::lock_guard lock(impl_->lifecycle_mutex);
        if (!impl_->thread.joinable()) {
            return;
        }
        impl_->http.stop();
        thread = std::move(impl_->thread);
    }
    thread.join();
}

void Server::wait() {
    std::unique_lock lock(impl_->lifecycle_mutex);
    impl_->finished_cv.wait(lock, [this] { return impl_->finished; });
}

std::uint16_t Server::port() const {
    return impl_->port;
}

const std::string& Server::host() const {
    return impl_->options.host;
}

}  // namespace iskra
