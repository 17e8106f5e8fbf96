// libFuzzer target: the API's request parsing (JSON text, then every request type). Bad input
// must come back as InvalidArgument; nothing may crash or throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iskra/json.hpp"

#include "fuzz_checks.hpp"

namespace {

template <typename R>
void expect_ok_or_invalid(const R& result) {
    if (!result.ok()) {
        iskra::fuzz::require(result.status().code() == iskra::StatusCode::InvalidArgument,
                             "a bad request is InvalidArgument");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto json = iskra::parse_json_text(bytes);
    if (!json.ok()) {
        expect_ok_or_invalid(json);
        return 0;
    }
    expect_ok_or_invalid(iskra::search_request_from_json(*json));
    expect_ok_or_invalid(iskra::ask_request_from_json(*json));
    expect_ok_or_invalid(iskra::timeline_request_from_json(*json));
    expect_ok_or_invalid(iskra::entities_request_from_json(*json));
    expect_ok_or_invalid(iskra::entity_request_from_json(*json));
    expect_ok_or_invalid(iskra::quiz_request_from_json(*json));
    expect_ok_or_invalid(iskra::inline_documents_from_json(*json));
    return 0;
}
