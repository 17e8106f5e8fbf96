// iskra timeline | entities | entity | quiz
#include <cstdio>
#include <optional>
#include <string>

#include "iskra/json.hpp"

#include "cli_common.hpp"

namespace iskra::cli {

namespace {

void print_event(const TimelineEvent& event) {
    std::string when = event.date.iso;
    // A range's ISO form already names both ends ("1896/1900").
    if (event.end_date && event.date.iso.find('/') == std::string::npos) {
        when += " to " + event.end_date->iso;
    }
    std::printf("%-24s %s\n", when.c_str(), event.summary.c_str());
    for (const auto& source : event.sources) {
        std::printf(
            "%-24s   [%s, sentence %u]\n", "", source.doc_id.c_str(), source.sentence_index);
    }
    for (const auto& other : event.conflicting_dates) {
        std::printf("%-24s   other sources date it %s\n", "", other.iso.c_str());
    }
}

template <typename Fn>
void with_engine(const std::string& dir, Context& context, Fn&& fn) {
    auto engine = open_for_reading(dir);
    if (!engine.ok()) {
        context.exit_code = report_error(engine.status());
        return;
    }
    context.exit_code = fn(**engine);
}

void add_timeline(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        std::optional<std::int32_t> from;
        std::optional<std::int32_t> to;
        std::string entity;
        std::uint32_t limit = 1000;
        bool all = false;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("timeline", "Dated events the collection tells, in order");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("--from", args->from, "first year");
    cmd->add_option("--to", args->to, "last year");
    cmd->add_option("--entity", args->entity, "only events involving this entity (any alias)");
    cmd->add_option("--limit", args->limit, "at most this many events");
    cmd->add_flag("--all",
                  args->all,
                  "every dated event, not only the collection's story (events told by several "
                  "documents or naming its central entities)");
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        with_engine(args->collection, context, [&](const Engine& engine) {
            TimelineRequest request;
            request.all = args->all;
            request.from_year = args->from;
            request.to_year = args->to;
            request.entity = args->entity;
            request.limit = args->limit;
            auto response = engine.timeline(request);
            if (!response.ok()) {
                return report_error(response.status());
            }
            if (args->json) {
                print_json(to_json(*response));
            } else {
                for (const auto& event : response->events) {
                    print_event(event);
                }
            }
            return static_cast<int>(kExitOk);
        });
    });
}

void add_entities(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        std::string type;
        std::uint32_t limit = 50;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("entities", "People, places and organisations, with aliases");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("--type", args->type, "person, place or organization")
        ->check(CLI::IsMember({"person", "place", "organization", ""}));
    cmd->add_option("--limit", args->limit, "at most this many");
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        with_engine(args->collection, context, [&](const Engine& engine) {
            auto entities = engine.entities(args->type, args->limit);
            if (!entities.ok()) {
                return report_error(entities.status());
            }
            if (args->json) {
                print_json(to_json(*entities));
                return static_cast<int>(kExitOk);
            }
            for (const auto& entity : *entities) {
                std::string aliases;
                for (const auto& alias : entity.aliases) {
                    aliases += (aliases.empty() ? "" : ", ") + alias;
                }
                std::printf("%-13s %-32s %5u mentions  %s\n",
                            entity.type.c_str(),
                            entity.name.c_str(),
                            entity.mentions,
                            aliases.c_str());
            }
            return static_cast<int>(kExitOk);
        });
    });
}

void add_entity(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        std::string name;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("entity", "One entity: aliases, offices, events, related");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("name", args->name, "any of its names")->required();
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        with_engine(args->collection, context, [&](const Engine& engine) {
            auto detail = engine.entity(args->name);
            if (!detail.ok()) {
                return report_error(detail.status());
            }
            if (args->json) {
                print_json(to_json(*detail));
                return static_cast<int>(kExitOk);
            }
            const auto& e = detail->entity;
            std::printf("%s (%s), %u mentions in %u documents\n",
                        e.name.c_str(),
                        e.type.c_str(),
                        e.mentions,
                        e.documents);
            for (const auto& alias : e.aliases) {
                std::printf("  also: %s\n", alias.c_str());
            }
            for (const auto& office : detail->offices) {
                std::printf("  office: %s", office.title.c_str());
                if (!office.from.empty() || !office.to.empty()) {
                    std::printf(" (%s to %s)", office.from.c_str(), office.to.c_str());
                }
                if (!office.preceded_by.empty()) {
                    std::printf(", preceded by %s", office.preceded_by.c_str());
                }
                if (!office.succeeded_by.empty()) {
                    std::printf(", succeeded by %s", office.succeeded_by.c_str());
                }
                std::printf("\n");
            }
            for (const auto& [name, count] : detail->related) {
                std::printf("  appears with: %s (%u)\n", name.c_str(), count);
            }
            for (const auto& event : detail->events) {
                print_event(event);
            }
            return static_cast<int>(kExitOk);
        });
    });
}

void add_quiz(CLI::App& app, Context& context) {
    struct Args {
        std::string collection;
        std::uint32_t n = 5;
        std::uint64_t seed = 1;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("quiz", "Multiple-choice questions from the collection's facts");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("-n,--n", args->n, "number of questions")->check(CLI::Range(1, 100));
    cmd->add_option("--seed", args->seed, "random seed (same seed, same quiz)");
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        with_engine(args->collection, context, [&](const Engine& engine) {
            auto quiz = engine.quiz(args->n, args->seed);
            if (!quiz.ok()) {
                return report_error(quiz.status());
            }
            if (args->json) {
                print_json(to_json(*quiz));
                return static_cast<int>(kExitOk);
            }
            int number = 0;
            for (const auto& q : *quiz) {
                std::printf("%d. %s\n", ++number, q.question.c_str());
                for (std::size_t i = 0; i < q.choices.size(); ++i) {
                    std::printf("   %c) %s\n", static_cast<char>('a' + i), q.choices[i].c_str());
                }
                std::printf("   answer: %c   source: %s, sentence %u\n\n",
                            static_cast<char>('a' + q.answer_index),
                            q.source.doc_id.c_str(),
                            q.source.sentence_index);
            }
            return static_cast<int>(kExitOk);
        });
    });
}

}  // namespace

void add_extract_commands(CLI::App& app, Context& context) {
    add_timeline(app, context);
    add_entities(app, context);
    add_entity(app, context);
    add_quiz(app, context);
}

}  // namespace iskra::cli
