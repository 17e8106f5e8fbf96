#include "iskra/text/fast_sentence_boundaries.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "support/paths.hpp"

namespace iskra::text {
namespace {

std::vector<std::size_t> fast(std::string_view text) {
    std::vector<std::size_t> out;
    EXPECT_TRUE(fast_sentence_boundaries(text, out));
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

TEST(FastSentenceBoundaries, FollowsUax29OnTrickyCases) {
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
             "He said \xE2\x80\x9Cstop.\xE2\x80\x9D Then left.",
             "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0. "
             "\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4.",
             "Z\xC3\xBCrich ist sch\xC3\xB6n. \xC3\x9C"
             "brigens ja.",
             "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82\xE8\x8B\xB1\xE6\x96\x87\xE3\x80\x82",
             "Wait\xE2\x80\xA6 then. And\xC2\xA0so. On\xE2\x80\x94 yes? \xE2\x80\x94 no.",
             "1.Start and end.)Next a?b",
             "e\xCC\x81. Next",
         }) {
        EXPECT_EQ(fast(text), icu_boundaries(*icu, text)) << text;
    }
}

TEST(FastSentenceBoundaries, DeclinesParagraphSeparators) {
    std::vector<std::size_t> out{7};
    EXPECT_FALSE(
        fast_sentence_boundaries("a\xE2\x80\xA8"
                                 "b",
                                 out));
    EXPECT_EQ(out, std::vector<std::size_t>{7});
}

TEST(FastSentenceBoundaries, AgreesWithIcuOnEverySeedLine) {
    const auto icu = make_icu();
    std::size_t lines = 0;
    for (const auto& entry : std::filesystem::directory_iterator(iskra::testing::seeds_dir())) {
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            ++lines;
            EXPECT_EQ(fast(line), icu_boundaries(*icu, line)) << line.substr(0, 200);
        }
    }
    EXPECT_GT(lines, 500u) << "data/seeds/ is missing";
}

}  // namespace
}  // namespace iskra::text
