// iskra: an answer engine for document collections. One file per subcommand group; every
// subcommand takes the collection directory as its first argument.
#include <CLI/CLI.hpp>

#include "cli_common.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "iskra: ask questions of a document collection and get answers with their sources.\n"
        "Every subcommand takes the collection directory first. Exit codes: 0 ok, 1 error, "
        "2 usage or malformed query, 3 not found, 4 damaged collection, 5 collection busy."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "iskra 0.1.0");
    iskra::cli::Context context;
    iskra::cli::add_index_commands(app, context);
    iskra::cli::add_search_command(app, context);
    iskra::cli::add_ask_command(app, context);
    iskra::cli::add_extract_commands(app, context);
    iskra::cli::add_admin_commands(app, context);
    iskra::cli::add_serve_command(app, context);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? 0 : iskra::cli::kExitUsage;
    }
    return context.exit_code;
}
