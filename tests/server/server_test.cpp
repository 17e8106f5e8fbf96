// Bad input and server lifecycle: every mistake a client can make gets a 4xx JSON error and the
// server keeps answering.
#include <algorithm>
#include <string>
#include <thread>

#include "server_test_support.hpp"

namespace iskra::testing {
namespace {

using nlohmann::json;

class ServerBadInputTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ServerOptions options;
        options.read_timeout_seconds = 1;  // the slow-client test waits for these
        options.keep_alive_seconds = 1;
        server_ = seed_server(options);
        ASSERT_NE(server_, nullptr);
    }
    void TearDown() override {
        // Whatever happened, the server still answers.
        auto client = server_->client();
        auto health = client.Get("/api/v1/health");
        ASSERT_TRUE(health);
        EXPECT_EQ(health->status, 200);
    }

    std::unique_ptr<TestServer> server_;
};

TEST_F(ServerBadInputTest, MalformedJsonIsBadRequest) {
    auto client = server_->client();
    expect_json_error(client.Post("/api/v1/search", "{\"q\": \"x\"", "application/json"),
                      400,
                      "invalid_argument");
    expect_json_error(client.Post("/api/v1/ask", "", "application/json"), 400, "invalid_argument");
    expect_json_error(
        client.Post("/api/v1/ask", "[\"q\"]", "application/json"), 400, "invalid_argument");
}

TEST_F(ServerBadInputTest, WrongTypesNameTheField) {
    auto client = server_->client();
    auto result = client.Post("/api/v1/search", R"({"q": "x", "k": "many"})", "application/json");
    expect_json_error(result, 400, "invalid_argument");
    EXPECT_NE(body_json(result)["error"]["message"].get<std::string>().find("k:"),
              std::string::npos);
    expect_json_error(
        client.Post("/api/v1/ask", R"({"q": ["x"]})", "application/json"), 400, "invalid_argument");
    expect_json_error(client.Get("/api/v1/timeline?from=nineteen"), 400, "invalid_argument");
    expect_json_error(client.Get("/api/v1/search?q=x&unknown=1"), 400, "invalid_argument");
}

TEST_F(ServerBadInputTest, NonJsonBodyIsUnsupportedMediaType) {
    auto client = server_->client();
    expect_json_error(client.Post("/api/v1/search", "q=x", "application/x-www-form-urlencoded"),
                      415,
                      "unsupported");
}

TEST_F(ServerBadInputTest, HugeBodyIsPayloadTooLarge) {
    auto client = server_->client();
    std::string huge = R"({"q": ")" + std::string(2u << 20, 'a') + R"("})";
    expect_json_error(
        client.Post("/api/v1/search", huge, "application/json"), 413, "payload_too_large");
}

TEST_F(ServerBadInputTest, LimitsOnQueryLengthAndK) {
    auto client = server_->client();
    expect_json_error(
        client.Get("/api/v1/search?q=" + std::string(1025, 'a')), 400, "invalid_argument");
    expect_json_error(client.Get("/api/v1/search?q=x&k=1001"), 400, "invalid_argument");
    expect_json_error(client.Get("/api/v1/search?q="), 400, "invalid_argument");
    expect_json_error(client.Get("/api/v1/search"), 400, "invalid_argument");
    expect_json_error(client.Get("/api/v1/search?q=a&q=b"), 400, "invalid_argument");
}

TEST_F(ServerBadInputTest, InvalidUtf8InTheQueryIsBadRequest) {
    auto response = raw_exchange(server_->port(),
                                 "GET /api/v1/search?q=%FF%FEabc HTTP/1.1\r\nHost: x\r\n"
                                 "Connection: close\r\n\r\n");
    EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << response;
    EXPECT_NE(response.find("UTF-8"), std::string::npos) << response;
    auto overlong = raw_exchange(server_->port(),
                                 "GET /api/v1/ask?q=%C0%AF HTTP/1.1\r\nHost: x\r\n"
                                 "Connection: close\r\n\r\n");
    EXPECT_EQ(overlong.rfind("HTTP/1.1 400", 0), 0u) << overlong;
}

TEST_F(ServerBadInputTest, UnknownRoutesAreJson404) {
    auto client = server_->client();
    expect_json_error(client.Get("/api/v1/nope"), 404, "not_found");
    expect_json_error(client.Get("/api/v2/search?q=x"), 404, "not_found");
    expect_json_error(client.Get("/../../etc/passwd"), 404, "not_found");
    expect_json_error(client.Post("/nope", "{}", "application/json"), 404, "not_found");
}

TEST_F(ServerBadInputTest, WrongMethodIs405WithAllow) {
    auto client = server_->client();
    auto put = client.Put("/api/v1/search", "{}", "application/json");
    expect_json_error(put, 405, "method_not_allowed");
    EXPECT_EQ(put->get_header_value("Allow"), "GET, HEAD, POST");
    expect_json_error(client.Delete("/api/v1/stats"), 405, "method_not_allowed");
    expect_json_error(
        client.Post("/api/v1/health", "{}", "application/json"), 405, "method_not_allowed");
    expect_json_error(client.Get("/api/v1/documents"), 405, "method_not_allowed");
}

TEST_F(ServerBadInputTest, GarbageRequestLineIsBadRequest) {
    auto response = raw_exchange(server_->port(), "NONSENSE\r\n\r\n");
    EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << response;
    EXPECT_NE(response.find("\"error\""), std::string::npos) << response;
}

TEST_F(ServerBadInputTest, SlowClientIsCutOffWhileOthersAreServed) {
    RawConnection slow(server_->port());
    ASSERT_TRUE(slow.connected());
    std::string partial = "GET /api/v1/health HTTP/1.1\r\nHo";
    for (char byte : partial) {
        ASSERT_TRUE(slow.send(std::string_view(&byte, 1)));
    }
    // The stalled client holds a worker; another client is still answered.
    auto client = server_->client();
    auto result = client.Get("/api/v1/search?q=Lenin");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    // The server's read timeout closes the stalled connection without a successful answer.
    bool closed = false;
    auto received = slow.read_until_closed(closed);
    EXPECT_TRUE(closed);
    EXPECT_EQ(received.find("200 OK"), std::string::npos) << received;
}

TEST_F(ServerBadInputTest, WritesAreForbiddenByDefault) {
    auto client = server_->client();
    httplib::Headers auth = {{"Authorization", "Bearer anything"}};
    expect_json_error(client.Post("/api/v1/documents",
                                  auth,
                                  R"({"id": "x", "title": "t", "text": "hello"})",
                                  "application/json"),
                      403,
                      "forbidden");
    expect_json_error(client.Delete("/api/v1/documents/x", auth), 403, "forbidden");
}

TEST_F(ServerBadInputTest, CorsIsOffByDefault) {
    auto client = server_->client();
    auto result = client.Get("/api/v1/health", {{"Origin", "https://example.org"}});
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->has_header("Access-Control-Allow-Origin"));
    expect_json_error(client.Options("/api/v1/search"), 405, "method_not_allowed");
}

TEST(ServerLifecycle, CorsOriginIsSentWhenConfigured) {
    ServerOptions options;
    options.cors_origin = "https://example.org";
    auto server = seed_server(options);
    ASSERT_NE(server, nullptr);
    auto client = server->client();
    auto result = client.Get("/api/v1/health");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->get_header_value("Access-Control-Allow-Origin"), "https://example.org");
    auto preflight = client.Options("/api/v1/search");
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 204);
    EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Methods").find("POST"),
              std::string::npos);
}

TEST(ServerLifecycle, WritesWithoutATokenRefuseToStart) {
    auto dir = shared_seed_collection();
    auto engine = Engine::open(dir, {.read_only = true});
    ASSERT_TRUE(engine.ok());
    ServerOptions options;
    options.port = 0;
    options.allow_writes = true;
    Server server(**engine, options);
    auto port = server.start();
    ASSERT_FALSE(port.ok());
    EXPECT_EQ(port.status().code(), StatusCode::InvalidArgument);
}

TEST(ServerLifecycle, StopEndsWaitAndIsIdempotent) {
    auto server = seed_server();
    ASSERT_NE(server, nullptr);
    std::thread waiter([&] { server->server().wait(); });
    server->server().stop();
    waiter.join();
    server->server().stop();
    auto client = server->client();
    EXPECT_FALSE(client.Get("/api/v1/health"));
}

TEST(ServerLifecycle, AccessLogHasOneLinePerRequestWithoutTheQuery) {
    std::mutex mutex;
    std::vector<std::string> lines;
    ServerOptions options;
    options.quiet = false;
    options.access_log = [&](std::string_view line) {
        std::lock_guard lock(mutex);
        lines.emplace_back(line);
    };
    auto dir = shared_seed_collection();
    auto engine = Engine::open(dir, {.read_only = true});
    ASSERT_TRUE(engine.ok());
    options.port = 0;
    Server server(**engine, options);
    auto port = server.start();
    ASSERT_TRUE(port.ok());
    httplib::Client client("127.0.0.1", *port);
    ASSERT_TRUE(client.Get("/api/v1/search?q=secret-question"));
    ASSERT_TRUE(client.Get("/api/v1/nope"));
    server.stop();
    std::lock_guard lock(mutex);
    ASSERT_EQ(lines.size(), 2u);
    std::sort(lines.begin(), lines.end());  // the two workers may log in either order
    EXPECT_NE(lines[0].find("\"GET -\" 404 "), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find("\"GET /api/v1/search\" 200"), std::string::npos) << lines[1];
    for (const auto& line : lines) {
        EXPECT_EQ(line.find("secret-question"), std::string::npos) << line;
    }
}

}  // namespace
}  // namespace iskra::testing
