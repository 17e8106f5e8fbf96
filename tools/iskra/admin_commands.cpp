// iskra stats | check | show
#include <cstdio>
#include <string>

#include "iskra/json.hpp"

#include "cli_common.hpp"

namespace iskra::cli {

namespace {

void add_stats(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("stats", "Documents, sentences, terms, segments and sizes");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        auto engine = open_for_reading(args->collection);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        auto stats = (*engine)->stats();
        if (!stats.ok()) {
            context.exit_code = report_error(stats.status());
            return;
        }
        if (args->json) {
            print_json(to_json(*stats));
        } else {
            const auto& s = *stats;
            std::printf("collection  %s (generation %llu)\n",
                        s.path.c_str(),
                        static_cast<unsigned long long>(s.generation));
            std::printf("documents   %llu\nsentences   %llu\ntokens      %llu\nterms       %llu\n",
                        static_cast<unsigned long long>(s.documents),
                        static_cast<unsigned long long>(s.sentences),
                        static_cast<unsigned long long>(s.tokens),
                        static_cast<unsigned long long>(s.terms));
            double ratio = s.text_bytes > 0 ? 100.0 * static_cast<double>(s.index_bytes)
                                                  / static_cast<double>(s.text_bytes)
                                            : 0.0;
            std::printf("text        %.2f MB\nindex       %.2f MB (%.0f%% of text)\n",
                        static_cast<double>(s.text_bytes) / 1e6,
                        static_cast<double>(s.index_bytes) / 1e6,
                        ratio);
            for (const auto& segment : s.segments) {
                std::printf("  segment %-12s %8u docs %6u deleted %10.2f MB\n",
                            segment.name.c_str(),
                            segment.documents,
                            segment.deleted,
                            static_cast<double>(segment.size_bytes) / 1e6);
            }
        }
        context.exit_code = kExitOk;
    });
}

void add_check(CLI::App& app, Context& context) {
    auto dir = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("check", "Verify every file's checksum; name damaged files");
    cmd->add_option("collection", *dir, "collection directory")->required();
    cmd->callback([dir, &context] {
        auto engine = open_for_reading(*dir);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        auto status = (*engine)->check();
        if (!status.ok()) {
            context.exit_code = report_error(status);
            return;
        }
        std::printf("%s: ok\n", dir->c_str());
        context.exit_code = kExitOk;
    });
}

void add_show(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        std::string doc_id;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("show", "Print a stored document with its sentences");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("doc_id", args->doc_id, "document id")->required();
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        auto engine = open_for_reading(args->collection);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        auto doc = (*engine)->document(args->doc_id);
        if (!doc.ok()) {
            context.exit_code = report_error(doc.status());
            return;
        }
        if (args->json) {
            print_json(to_json(*doc));
        } else {
            std::printf("%s\n%s (%s)\n\n",
                        doc->title.c_str(),
                        doc->source_path.c_str(),
                        doc->format.c_str());
            for (const auto& sentence : doc->sentences) {
                std::string flags;
                for (const auto& flag : sentence.flags) {
                    flags += " " + flag;
                }
                std::printf("%4u %s%s%s\n",
                            sentence.sentence_index,
                            sentence.text.c_str(),
                            flags.empty() ? "" : "   #",
                            flags.c_str());
            }
        }
        context.exit_code = kExitOk;
    });
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& context) {
    add_stats(app, context);
    add_check(app, context);
    add_show(app, context);
}

}  // namespace iskra::cli
