// run_server_until_signal: the `iskra serve` main loop. Signals are handled synchronously with
// sigwait (no handler, no global flag): SIGINT and SIGTERM are blocked before the server threads
// start, so they inherit the mask and the signal is delivered to the waiting thread only.
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#include <signal.h>

#include "iskra/server.hpp"

namespace iskra {

namespace {

std::string url_host(const std::string& host) {
    if (host.find(':') != std::string::npos) {
        return "[" + host + "]";  // IPv6 literal
    }
    return host;
}

}  // namespace

Status run_server_until_signal(Engine& engine, const ServerOptions& options) {
    ServerOptions effective = options;
    if (effective.token.empty()) {
        if (const char* token = std::getenv("ISKRA_TOKEN")) {
            effective.token = token;
        }
    }
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigset_t previous;
    if (pthread_sigmask(SIG_BLOCK, &stop_signals, &previous) != 0) {
        return Status::internal("cannot block SIGINT/SIGTERM");
    }
    Status result;
    {
        Server server(engine, effective);
        auto port = server.start();
        if (!port.ok()) {
            result = port.status();
        } else {
            fmt::print("iskra serving {} at http://{}:{}/\n",
                       engine.path().string(),
                       url_host(effective.host),
                       *port);
            std::fflush(stdout);
            int signal_number = 0;
            sigwait(&stop_signals, &signal_number);
            fmt::print(stderr,
                       "iskra: {}, shutting down\n",
                       signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
            server.stop();
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return result;
}

Status serve(Engine& engine, const ServerOptions& options) {
    return run_server_until_signal(engine, options);
}

}  // namespace iskra
