// libFuzzer target: read_pdf on arbitrary bytes never crashes and gives a well-formed Document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iskra/ingest/pdf_reader.hpp"

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    iskra::ingest::SourceInfo source;
    source.id = "fuzz";
    source.source_path = "fuzz";
    source.file_name = "fuzz";
    auto doc = iskra::ingest::read_pdf(bytes, source);
    if (doc.ok()) {
        iskra::fuzz::check_document(*doc, size);
    }
    return 0;
}
