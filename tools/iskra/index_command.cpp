// iskra index | add | remove | optimize
#include <cstdio>
#include <string>
#include <vector>

#include "iskra/json.hpp"

#include "cli_common.hpp"

namespace iskra::cli {

namespace {

struct IndexArgs {
    std::string collection;
    std::vector<std::string> paths;
    bool json = false;
    bool quiet = false;
    bool strict = false;
    std::uint64_t memory_mb = 0;
};

// Redraws one status line on stderr; only used when stdout is a terminal.
void draw_progress(const AddProgress& progress) {
    double seconds = progress.seconds > 0 ? progress.seconds : 1e-9;
    double mb = static_cast<double>(progress.bytes) / 1e6;
    std::fprintf(stderr,
                 "\r\033[K%llu documents  %.1f MB  %.0f docs/s  %.2f MB/s  %.1f s",
                 static_cast<unsigned long long>(progress.documents),
                 mb,
                 static_cast<double>(progress.documents) / seconds,
                 mb / seconds,
                 progress.seconds);
    std::fflush(stderr);
}

void print_add_stats(const AddStats& stats, const std::string& collection) {
    double mb = static_cast<double>(stats.bytes_read) / 1e6;
    double seconds = stats.seconds > 0 ? stats.seconds : 1e-9;
    std::printf(
        "%s: %llu added, %llu replaced, %llu unchanged, %llu skipped; %.2f MB in %.2f s "
        "(%.0f docs/s, %.2f MB/s)",
        collection.c_str(),
        static_cast<unsigned long long>(stats.documents_added),
        static_cast<unsigned long long>(stats.documents_replaced),
        static_cast<unsigned long long>(stats.documents_unchanged),
        static_cast<unsigned long long>(stats.files_skipped),
        mb,
        stats.seconds,
        static_cast<double>(stats.documents_added + stats.documents_replaced) / seconds,
        mb / seconds);
    if (stats.invalid_utf8_replaced > 0) {
        std::printf("; %llu invalid UTF-8 sequences repaired",
                    static_cast<unsigned long long>(stats.invalid_utf8_replaced));
    }
    std::printf("\n");
}

int run_add(const IndexArgs& args, bool create) {
    auto engine = open_for_writing(args.collection, create, args.memory_mb << 20);
    if (!engine.ok()) {
        return report_error(engine.status());
    }
    std::vector<std::filesystem::path> paths(args.paths.begin(), args.paths.end());
    AddOptions options;
    bool progress = stdout_is_terminal() && !args.quiet && !args.json;
    if (progress) {
        options.on_progress = draw_progress;
    }
    options.on_skip = [&](const std::string& path, const Status& why) {
        if (progress) {
            std::fprintf(stderr, "\r\033[K");
        }
        std::fprintf(stderr, "iskra: skipped %s: %s\n", path.c_str(), why.message().c_str());
    };
    auto stats = (*engine)->add(paths, options);
    if (progress) {
        std::fprintf(stderr, "\r\033[K");
    }
    if (!stats.ok()) {
        return report_error(stats.status());
    }
    if (args.json) {
        print_json(to_json(*stats));
    } else if (!args.quiet) {
        print_add_stats(*stats, args.collection);
    }
    return args.strict && stats->files_skipped > 0 ? kExitPartial : kExitOk;
}

void add_add_like(
    CLI::App& app, Context& context, const char* name, const char* help, bool create) {
    auto args = std::make_shared<IndexArgs>();
    auto* cmd = app.add_subcommand(name, help);
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("paths", args->paths, "files or directories (txt, md, html, pdf, jsonl)")
        ->required();
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->add_flag("-q,--quiet", args->quiet, "print nothing on success");
    cmd->add_flag("--strict", args->strict, "exit with 6 when any input was skipped");
    cmd->add_option("--memory-mb",
                    args->memory_mb,
                    "memory budget of the indexing buffers in MiB (default 1024)")
        ->check(CLI::Range(std::uint64_t{64}, std::uint64_t{1} << 20));
    cmd->callback([args, &context, create] { context.exit_code = run_add(*args, create); });
}

}  // namespace

void add_index_commands(CLI::App& app, Context& context) {
    add_add_like(app,
                 context,
                 "index",
                 "Create a collection (or extend it) from files, directories or JSON Lines",
                 true);
    add_add_like(app,
                 context,
                 "add",
                 "Add files to an existing collection; a changed file replaces its old version",
                 false);

    struct RemoveArgs {
        std::string collection;
        std::vector<std::string> ids;
        bool json = false;
    };
    auto remove_args = std::make_shared<RemoveArgs>();
    auto* remove = app.add_subcommand("remove", "Remove documents by id");
    remove->add_option("collection", remove_args->collection, "collection directory")->required();
    remove->add_option("doc_ids", remove_args->ids, "document ids")->required();
    remove->add_flag("--json", remove_args->json, "print the result as JSON");
    remove->callback([remove_args, &context] {
        auto engine = open_for_writing(remove_args->collection, false);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        auto removed = (*engine)->remove(remove_args->ids);
        if (!removed.ok()) {
            context.exit_code = report_error(removed.status());
            return;
        }
        if (remove_args->json) {
            print_json({{"removed", *removed}, {"requested", remove_args->ids.size()}});
        } else {
            std::printf("removed %llu of %zu documents\n",
                        static_cast<unsigned long long>(*removed),
                        remove_args->ids.size());
        }
        context.exit_code = *removed == remove_args->ids.size() ? kExitOk : kExitNotFound;
    });

    auto optimize_dir = std::make_shared<std::string>();
    auto* optimize = app.add_subcommand("optimize", "Merge all segments into one");
    optimize->add_option("collection", *optimize_dir, "collection directory")->required();
    optimize->callback([optimize_dir, &context] {
        auto engine = open_for_writing(*optimize_dir, false);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        auto status = (*engine)->optimize();
        context.exit_code = status.ok() ? kExitOk : report_error(status);
    });
}

}  // namespace iskra::cli
