#include "iskra/server/api_routes.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <thread>

#include "iskra/json.hpp"
#include "iskra/server/error_mapping.hpp"
#include "iskra/server/request_fields.hpp"

namespace iskra::server {

namespace {

using Json = nlohmann::json;
using ReadHandler = std::function<Result<Json>(const RequestFields&)>;

void send_body(httplib::Response& res, const std::string& body) {
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, "application/json");
}

void send_json(httplib::Response& res, const Json& body) {
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(dump_json(body), "application/json");
}

void respond(httplib::Response& res, const Result<Json>& result) {
    if (!result.ok()) {
        set_error(res, result.status());
        return;
    }
    send_json(res, *result);
}

// Runs `parse` then the engine call `run`, and turns the engine's answer into JSON.
template <typename Parse, typename Run>
ReadHandler make_read(Parse parse, Run run, const RequestLimits& limits) {
    return [parse, run, limits](const RequestFields& fields) -> Result<Json> {
        auto request = parse(fields.fields, fields.encoding, limits);
        ISKRA_TRY(request);
        auto response = run(*request);
        ISKRA_TRY(response);
        return to_json(*response);
    };
}

}  // namespace

namespace {
std::size_t engine_slots(const ServerOptions& options) {
    if (options.engine_slots != 0) {
        return options.engine_slots;
    }
    return 2 * std::max(1u, std::thread::hardware_concurrency());
}
}  // namespace

ApiRoutes::ApiRoutes(Engine& engine, const ServerOptions& options)
    : engine_(engine),
      options_(options),
      cache_(options.cache_entries),
      gate_(engine_slots(options)) {
    limits_.max_query_bytes = options.max_query_bytes;
    limits_.max_k = options.max_k;
}

void ApiRoutes::install(httplib::Server& http) {
    install_reads(http);
    http.Get(
        R"(/api/v1/documents/(.+))",
        [this](const httplib::Request& req, httplib::Response& res) { get_document(req, res); });
    http.Post("/api/v1/documents", [this](const httplib::Request& req, httplib::Response& res) {
        add_documents(req, res);
    });
    http.Delete(
        R"(/api/v1/documents/(.+))",
        [this](const httplib::Request& req, httplib::Response& res) { remove_document(req, res); });
}

void ApiRoutes::install_reads(httplib::Server& http) {
    Engine& engine = engine_;
    auto add = [this, &http](const char* path, ReadHandler handler) {
        add_read(http, path, std::move(handler));
    };
    add("/api/v1/search",
        make_read(
            search_request_from_json,
            [&engine](const SearchRequest& r) { return engine.search(r); },
            limits_));
    add("/api/v1/ask",
        make_read(
            ask_request_from_json,
            [&engine](const AskRequest& r) { return engine.ask(r); },
            limits_));
    add("/api/v1/timeline",
        make_read(
            timeline_request_from_json,
            [&engine](const TimelineRequest& r) { return engine.timeline(r); },
            limits_));
    add("/api/v1/entities",
        make_read(
            entities_request_from_json,
            [&engine](const EntitiesRequest& r) { return engine.entities(r.type, r.limit); },
            limits_));
    add("/api/v1/entity",
        make_read(
            entity_request_from_json,
            [&engine](const EntityRequest& r) { return engine.entity(r.name); },
            limits_));
    add("/api/v1/quiz",
        make_read(
            quiz_request_from_json,
            [&engine](const QuizRequest& r) { return engine.quiz(r.count, r.seed); },
            limits_));
    http.Get("/api/v1/stats", [&engine](const httplib::Request&, httplib::Response& res) {
        auto stats = engine.stats();
        respond(res, stats.ok() ? Result<Json>(to_json(*stats)) : Result<Json>(stats.status()));
    });
    http.Get("/api/v1/health", [&engine](const httplib::Request&, httplib::Response& res) {
        send_json(res, {{"status", "ok"}, {"collection", engine.path().string()}});
    });
}

void ApiRoutes::add_read(httplib::Server& http, const std::string& path, ReadHandler handler) {
    auto endpoint = [this, path, handler = std::move(handler)](const httplib::Request& req,
                                                               httplib::Response& res) {
        answer_read(path, handler, req, res);
    };
    http.Get(path, endpoint);
    http.Post(path, endpoint);
}

void ApiRoutes::answer_read(const std::string& path,
                            const ReadHandler& handler,
                            const httplib::Request& req,
                            httplib::Response& res) {
    auto fields = request_fields(req);
    if (!fields.ok()) {
        set_error(res, fields.status());
        return;
    }
    std::string key;
    if (cache_.capacity() > 0) {
        // The generation is read before the engine runs, so a cached body is never older than
        // the generation in its key.
        key = path + '\n' + std::to_string(engine_.generation()) + '\n'
              + std::to_string(static_cast<int>(fields->encoding)) + '\n'
              + dump_json(fields->fields);
        if (auto body = cache_.get(key)) {
            send_body(res, *body);
            return;
        }
    }
    std::string body;
    {
        WorkGate::Pass pass(gate_);
        auto result = handler(*fields);
        if (!result.ok()) {
            set_error(res, result.status());
            return;
        }
        body = dump_json(*result);
    }
    send_body(res, body);
    if (!key.empty()) {
        cache_.put(key, std::move(body));
    }
}

void ApiRoutes::get_document(const httplib::Request& req, httplib::Response& res) const {
    std::string doc_id = req.matches[1];
    auto highlight = parse_index_list(req.get_param_value("highlight"), "highlight");
    if (!highlight.ok()) {
        set_error(res, highlight.status());
        return;
    }
    WorkGate::Pass pass(gate_);
    auto document = engine_.document(doc_id);
    if (!document.ok()) {
        set_error(res, document.status());
        return;
    }
    send_json(res, to_json(*document, *highlight));
}

}  // namespace iskra::server
