#pragma once
// Helpers shared by the server tests: a seed collection built once per test binary build and
// reused by every test process, and a real server on 127.0.0.1 port 0 in front of it.

#include <cerrno>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "iskra/engine.hpp"
#include "iskra/server.hpp"

#include "support/paths.hpp"

namespace iskra::testing {

// gtest_discover_tests runs each test in its own process: building the seed collection once
// per build of this binary (keyed by its modification time) keeps the suite fast. The
// collection is built in a private directory and renamed into place, so concurrent test
// processes never see half of it.
inline std::filesystem::path shared_seed_collection() {
    struct stat exe_stat {};
    ::stat("/proc/self/exe", &exe_stat);
    auto key =
        std::to_string(exe_stat.st_mtim.tv_sec) + "-" + std::to_string(exe_stat.st_mtim.tv_nsec);
    auto root = binary_dir() / "test-collections";
    auto final_dir = root / ("server-seeds-" + key);
    if (std::filesystem::exists(final_dir / "MANIFEST")) {
        return final_dir;
    }
    std::filesystem::create_directories(root);
    auto building = root / ("building-" + key + "-" + std::to_string(::getpid()));
    {
        auto engine = Engine::open(building, {.create_if_missing = true});
        EXPECT_TRUE(engine.ok()) << engine.status().to_string();
        if (!engine.ok()) {
            return {};
        }
        auto added = (*engine)->add({seeds_dir()});
        EXPECT_TRUE(added.ok()) << added.status().to_string();
    }
    std::error_code ec;
    std::filesystem::rename(building, final_dir, ec);
    if (ec) {  // another process won the race; use its copy
        std::filesystem::remove_all(building, ec);
    }
    return final_dir;
}

/// A server in front of an engine, on 127.0.0.1 and a free port, with a client to talk to it.
class TestServer {
  public:
    TestServer(std::unique_ptr<Engine> engine, ServerOptions options) : engine_(std::move(engine)) {
        options.host = "127.0.0.1";
        options.port = 0;
        options.quiet = true;
        server_ = std::make_unique<Server>(*engine_, std::move(options));
        auto port = server_->start();
        EXPECT_TRUE(port.ok()) << port.status().to_string();
        port_ = port.ok() ? *port : 0;
    }

    httplib::Client client() const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(30, 0);
        return client;
    }
    std::uint16_t port() const { return port_; }
    Engine& engine() { return *engine_; }
    Server& server() { return *server_; }

  private:
    std::unique_ptr<Engine> engine_;
    std::unique_ptr<Server> server_;
    std::uint16_t port_ = 0;
};

/// A read-only server on the seed collection.
inline std::unique_ptr<TestServer> seed_server(ServerOptions options = {}) {
    auto dir = shared_seed_collection();
    auto engine = Engine::open(dir, {.read_only = true});
    EXPECT_TRUE(engine.ok()) << engine.status().to_string();
    if (!engine.ok()) {
        return nullptr;
    }
    return std::make_unique<TestServer>(engine.take(), std::move(options));
}

/// Parses a response body, failing the test when it is not JSON.
inline nlohmann::json body_json(const httplib::Result& result) {
    if (!result) {
        ADD_FAILURE() << "no response: " << httplib::to_string(result.error());
        return nullptr;
    }
    auto parsed = nlohmann::json::parse(result->body, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << result->body;
    return parsed;
}

/// Checks that `result` is the JSON error `code` with HTTP `status`.
inline void expect_json_error(const httplib::Result& result, int status, const std::string& code) {
    ASSERT_TRUE(result) << "no response";
    EXPECT_EQ(result->status, status) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
    auto body = body_json(result);
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body["error"]["code"], code) << result->body;
    EXPECT_TRUE(body["error"]["message"].is_string());
}

/// A TCP connection to the server for byte-level tests; closed on destruction.
class RawConnection {
  public:
    explicit RawConnection(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        timeval timeout{10, 0};  // never hang the test on a server that does not answer
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawConnection() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    RawConnection(RawConnection&&) = delete;
    RawConnection& operator=(RawConnection&&) = delete;

    bool connected() const { return connected_; }
    bool send(std::string_view bytes) {
        return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL)
               == static_cast<ssize_t>(bytes.size());
    }
    /// Everything received until the server closes the connection; `closed` tells whether it
    /// did (false: the 10 s receive timeout passed first).
    std::string read_until_closed(bool& closed) {
        std::string received;
        char buffer[4096];
        while (true) {
            auto count = ::recv(fd_, buffer, sizeof buffer, 0);
            if (count > 0) {
                received.append(buffer, static_cast<std::size_t>(count));
                continue;
            }
            closed = count == 0 || errno == ECONNRESET;
            return received;
        }
    }

  private:
    int fd_ = -1;
    bool connected_ = false;
};

/// Sends `bytes` on a fresh connection and returns what comes back until the server closes it.
inline std::string raw_exchange(std::uint16_t port, std::string_view bytes) {
    RawConnection connection(port);
    EXPECT_TRUE(connection.connected());
    EXPECT_TRUE(connection.send(bytes));
    bool closed = false;
    return connection.read_until_closed(closed);
}

}  // namespace iskra::testing
