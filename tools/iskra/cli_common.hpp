#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "iskra/engine.hpp"

namespace iskra::cli {

/// Exit codes scripts can rely on (documented in the README).
enum ExitCode : int {
    kExitOk = 0,
    kExitError = 1,     ///< an operation failed (I/O, corruption, internal)
    kExitUsage = 2,     ///< bad command line or malformed query
    kExitNotFound = 3,  ///< collection, document or entity not found
    kExitDamaged = 4,   ///< `check` found damaged files
    kExitBusy = 5,      ///< another writer holds the collection
    kExitPartial = 6,   ///< indexing finished but some inputs were skipped (only with --strict)
};

/// Maps a failed Status to an exit code, in one place.
int exit_code_for(const Status& status);

/// Prints "iskra: <message>" to stderr and returns the exit code for it.
int report_error(const Status& status);

/// Opens the collection for a read-only command; fails when it does not exist.
Result<std::unique_ptr<Engine>> open_for_reading(const std::filesystem::path& dir);
/// Opens (creating when `create`) the collection for writing.
/// `memory_budget_bytes` 0 keeps the engine's default (1 GiB).
Result<std::unique_ptr<Engine>> open_for_writing(const std::filesystem::path& dir,
                                                 bool create,
                                                 std::uint64_t memory_budget_bytes = 0);

/// Writes `value` as one JSON document on stdout.
void print_json(const nlohmann::json& value);

/// True when stdout is a terminal (progress bars, colours).
bool stdout_is_terminal();

/// Shared state of one run: every subcommand stores its exit code here.
struct Context {
    int exit_code = kExitOk;
};

void add_index_commands(CLI::App& app, Context& context);  // index, add, remove, optimize
void add_search_command(CLI::App& app, Context& context);
void add_ask_command(CLI::App& app, Context& context);
void add_extract_commands(CLI::App& app, Context& context);  // timeline, entities, entity, quiz
void add_admin_commands(CLI::App& app, Context& context);    // stats, check, show
void add_serve_command(CLI::App& app, Context& context);

}  // namespace iskra::cli
