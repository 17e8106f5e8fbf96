#include "cli_common.hpp"

#include <cstdio>
#include <iostream>

#include <unistd.h>

namespace iskra::cli {

int exit_code_for(const Status& status) {
    switch (status.code()) {
        case StatusCode::Ok:
            return kExitOk;
        case StatusCode::InvalidArgument:
            return kExitUsage;
        case StatusCode::NotFound:
            return kExitNotFound;
        case StatusCode::Corruption:
            return kExitDamaged;
        case StatusCode::Busy:
            return kExitBusy;
        default:
            return kExitError;
    }
}

int report_error(const Status& status) {
    std::fprintf(stderr, "iskra: %s\n", status.message().c_str());
    return exit_code_for(status);
}

Result<std::unique_ptr<Engine>> open_for_reading(const std::filesystem::path& dir) {
    OpenOptions options;
    options.read_only = true;
    return Engine::open(dir, options);
}

Result<std::unique_ptr<Engine>> open_for_writing(const std::filesystem::path& dir,
                                                 bool create,
                                                 std::uint64_t memory_budget_bytes) {
    OpenOptions options;
    options.create_if_missing = create;
    if (memory_budget_bytes != 0) {
        options.memory_budget_bytes = memory_budget_bytes;
    }
    return Engine::open(dir, options);
}

void print_json(const nlohmann::json& value) {
    // error_handler::replace: stored text is valid UTF-8 already, but never let output abort.
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace iskra::cli
