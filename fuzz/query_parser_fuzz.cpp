// libFuzzer target: the query parser on arbitrary bytes. It must either parse or return
// InvalidArgument with a position inside the input; it must never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iskra/search/query_parser.hpp"
#include "iskra/text/analyzer.hpp"

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static iskra::text::Analyzer analyzer;  // built once: ICU state is expensive to create
    auto query = iskra::search::parse_query(bytes, analyzer);
    if (!query.ok()) {
        iskra::fuzz::require(query.status().code() == iskra::StatusCode::InvalidArgument,
                             "a bad query is InvalidArgument");
        iskra::fuzz::require(!query.status().message().empty(), "the error says why");
    }
    return 0;
}
