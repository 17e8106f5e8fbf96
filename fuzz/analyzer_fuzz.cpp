// libFuzzer target: the analyzer and the sentence splitter on arbitrary text (repaired to valid
// UTF-8 as the readers do): tokens and sentences are in order, inside the text, non-empty.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iskra/text/analyzer.hpp"
#include "iskra/text/sentence_splitter.hpp"
#include "iskra/text/utf8.hpp"

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace iskra::text;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string text = repair_utf8(bytes).text;
    static Analyzer analyzer;  // built once: ICU iterators are expensive to create
    std::uint32_t previous_end = 0;
    for (const Token& token : analyzer.analyze(text)) {
        iskra::fuzz::require(token.begin >= previous_end, "tokens in order");
        iskra::fuzz::require(token.begin < token.end && token.end <= text.size(), "token inside");
        iskra::fuzz::require(!token.term.empty(), "token has a term");
        iskra::fuzz::require(is_valid_utf8(token.term), "term is valid UTF-8");
        previous_end = token.end;
    }
    previous_end = 0;
    for (const SentenceSpan& span : split_sentences(text)) {
        iskra::fuzz::require(span.begin >= previous_end, "sentences in order");
        iskra::fuzz::require(span.begin < span.end && span.end <= text.size(), "sentence inside");
        iskra::fuzz::require(span.end - span.begin <= 1000, "sentence capped");
        previous_end = span.end;
    }
    // The analyzer never asserts on raw bytes either (it treats ill-formed bytes as separators).
    (void)analyzer.analyze(bytes);
    return 0;
}
