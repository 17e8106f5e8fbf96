// iskra ask COLLECTION "question"
#include <cstdio>
#include <string>

#include "iskra/json.hpp"

#include "cli_common.hpp"

namespace iskra::cli {

namespace {

struct AskArgs {
    std::string collection;
    std::string question;
    std::uint32_t k = 5;
    bool json = false;
};

void print_support(const AnswerSupport& support) {
    std::printf("    - \"%s\"\n      %s [%s], sentence %u, bytes %llu-%llu\n",
                support.sentence.text.c_str(),
                support.sentence.title.c_str(),
                support.sentence.doc_id.c_str(),
                support.sentence.sentence_index,
                static_cast<unsigned long long>(support.sentence.source_begin),
                static_cast<unsigned long long>(support.sentence.source_end));
}

void print_plain(const AskResponse& response) {
    std::printf("Q: %s  (type: %s)\n", response.question.c_str(), response.type.c_str());
    if (response.status != "answered" || !response.answer) {
        std::printf("A: not found in this collection (confidence %.2f)\n", response.confidence);
        if (!response.closest.empty()) {
            std::printf("  closest sentences:\n");
            for (const auto& support : response.closest) {
                print_support(support);
            }
        }
        return;
    }
    std::printf("A: %s", response.answer->text.c_str());
    if (!response.answer->normalized.empty()
        && response.answer->normalized != response.answer->text) {
        std::printf("  (%s)", response.answer->normalized.c_str());
    }
    std::printf("   confidence %.2f, %u independent source%s\n",
                response.confidence,
                response.answer->independent_sources,
                response.answer->independent_sources == 1 ? "" : "s");
    if (!response.answer_text.empty() && response.answer_text != response.answer->text) {
        std::printf("   %s\n", response.answer_text.c_str());
    }
    std::printf("  supported by:\n");
    for (const auto& support : response.answer->support) {
        print_support(support);
    }
    for (const auto& conflict : response.conflicts) {
        std::printf("  but other sources say: %s (%u source%s)\n",
                    conflict.text.c_str(),
                    conflict.independent_sources,
                    conflict.independent_sources == 1 ? "" : "s");
        for (const auto& support : conflict.support) {
            print_support(support);
        }
    }
}

}  // namespace

void add_ask_command(CLI::App& app, Context& context) {
    auto args = std::make_shared<AskArgs>();
    auto* cmd = app.add_subcommand(
        "ask", "Answer a question with the sentences and sources that support it");
    cmd->add_option("collection", args->collection, "collection directory")->required();
    cmd->add_option("question", args->question, "the question, as you would ask it")->required();
    cmd->add_option("-k,--k", args->k, "supporting sentences to show")->check(CLI::Range(1, 100));
    cmd->add_flag("--json", args->json, "print the result as JSON");
    cmd->callback([args, &context] {
        auto engine = open_for_reading(args->collection);
        if (!engine.ok()) {
            context.exit_code = report_error(engine.status());
            return;
        }
        AskRequest request;
        request.question = args->question;
        request.k = args->k;
        auto response = (*engine)->ask(request);
        if (!response.ok()) {
            context.exit_code = report_error(response.status());
            return;
        }
        if (args->json) {
            print_json(to_json(*response));
        } else {
            print_plain(*response);
        }
        context.exit_code = kExitOk;
    });
}

}  // namespace iskra::cli
