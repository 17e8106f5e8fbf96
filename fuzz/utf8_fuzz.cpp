// libFuzzer target: repair_utf8 always yields valid UTF-8, agrees with is_valid_utf8, and is the
// identity on valid input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iskra/text/utf8.hpp"

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace iskra::text;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const Utf8Repair repaired = repair_utf8(bytes);
    iskra::fuzz::require(is_valid_utf8(repaired.text), "repaired text is valid");
    iskra::fuzz::require(is_valid_utf8(bytes) == (repaired.replaced_count == 0),
                         "valid exactly when nothing was replaced");
    if (repaired.replaced_count == 0) {
        iskra::fuzz::require(repaired.text == bytes, "valid input is unchanged");
    }
    iskra::fuzz::require(repaired.replaced_count <= size, "at most one replacement per byte");
    const Utf8Repair again = repair_utf8(repaired.text);
    iskra::fuzz::require(again.replaced_count == 0 && again.text == repaired.text,
                         "repair is idempotent");
    (void)looks_binary(bytes);
    return 0;
}
