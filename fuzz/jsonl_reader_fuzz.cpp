// libFuzzer target: read_jsonl on arbitrary bytes: every record is a well-formed Document, every
// bad line is reported, nothing crashes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iskra/ingest/jsonl_reader.hpp"

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    iskra::ingest::SourceInfo source;
    source.id = "fuzz";
    source.source_path = "fuzz";
    const iskra::Status status = iskra::ingest::read_jsonl(
        bytes,
        source,
        [size](iskra::ingest::Document&& doc) {
            iskra::fuzz::check_document(doc, size);
            return iskra::Status::ok_status();
        },
        [](const iskra::ingest::Skipped& skipped) {
            iskra::fuzz::require(!skipped.reason.ok(), "a skip has a reason");
        });
    iskra::fuzz::require(status.ok(), "only the sink stops read_jsonl");
    return 0;
}
