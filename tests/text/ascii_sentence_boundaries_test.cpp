#include "iskra/text/ascii_sentence_boundaries.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "iskra/text/fold.hpp"

#include "support/paths.hpp"

namespace iskra::text {
namespace {

std::vector<std::size_t> ascii(std::string_view text) {
    std::vector<std::size_t> out;
    ascii_sentence_boundaries(text, out);
    return out;
}

std::vector<std::size_t> icu_boundaries(icu::BreakIterator& breaker, std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    breaker.setText(&utext, status);
    std::vector<std::size_t> out;
    for (int32_t next = breaker.next(); next != icu::BreakIterator::DONE; next = breaker.next()) {
        out.push_back(static_cast<std::size_t>(next));
    }
    utext_close(&utext);
    return out;
}

std::unique_ptr<icu::BreakIterator> make_icu() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    EXPECT_TRUE(U_SUCCESS(status));
    return breaker;
}

TEST(AsciiSentenceBoundaries, FollowsUax29OnTrickyCases) {
    const auto icu = make_icu();
    for (const char* text : {
             "He left. She stayed.",
             "Is it? Yes! Done.",
             "Pi is 3.14 today. Next.",
             "The U.S. army left. Then what?",
             "e.g. the cat. The dog.",
             "He said \"stop.\" Then left.",
             "Wait... and see. OK.",
             "Why? : a question",
             "End.",
             "",
             "no punctuation at all",
             "(See above.) Next one.",
             "A.B.C. Def.",
             "Items: 1. first 2. second",
         }) {
        EXPECT_EQ(ascii(text), icu_boundaries(*icu, text)) << text;
    }
}

TEST(AsciiSentenceBoundaries, AgreesWithIcuOnEveryAsciiSeedLine) {
    const auto icu = make_icu();
    std::size_t lines = 0;
    for (const auto& entry : std::filesystem::directory_iterator(iskra::testing::seeds_dir())) {
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            if (!is_ascii(line)) {
                continue;
            }
            ++lines;
            EXPECT_EQ(ascii(line), icu_boundaries(*icu, line)) << line.substr(0, 200);
        }
    }
    EXPECT_GT(lines, 500u) << "data/seeds/ is missing";
}

}  // namespace
}  // namespace iskra::text
