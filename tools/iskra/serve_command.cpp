// iskra serve COLLECTION [--port 8080] [--host 127.0.0.1]
#include <cstdlib>
#include <string>

#include "iskra/server.hpp"

#include "cli_common.hpp"

namespace iskra::cli {

void add_serve_command(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        ServerOptions options;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("serve", "Serve the HTTP JSON API and the web page");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("--port", args->options.port, "TCP port (0: any free port)");
    cmd->add_option("--host", args->options.host, "address to listen on");
    cmd->add_flag("--allow-writes", args->options.allow_writes, "enable adding/removing documents");
    cmd->add_option("--token", args->options.token, "bearer token for writes (or ISKRA_TOKEN)");
    cmd->add_option("--cors", args->options.cors_origin, "allowed CORS origin (off by default)");
    cmd->add_flag("--quiet", args->options.quiet, "no access log");
    cmd->callback([args, &context] {
        if (args->options.token.empty()) {
            if (const char* token = std::getenv("ISKRA_TOKEN")) {
                args->options.token = token;
            }
        }
        OpenOptions open_options;
        open_options.read_only = !args->options.allow_writes;
        auto engine = Engine::open(args->collection, open_options);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        auto status = run_server_until_signal(**engine, args->options);
        context.exit_code = status.ok() ? kExitOk : report_error(status);
    });
}

}  // namespace iskra::cli
