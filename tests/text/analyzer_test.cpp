#include "iskra/text/analyzer.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace iskra::text {
namespace {

std::vector<std::string> terms(Analyzer& analyzer, std::string_view text) {
    std::vector<std::string> out;
    for (const Token& token : analyzer.analyze(text)) {
        out.push_back(token.term);
    }
    return out;
}

std::vector<std::string> words(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& token : tokens) {
        out.emplace_back(text.substr(token.begin, token.end - token.begin));
    }
    return out;
}

struct TokenCase {
    const char* text;
    std::vector<std::string> unstemmed;
};

class AnalyzerTokens : public ::testing::TestWithParam<TokenCase> {};

TEST_P(AnalyzerTokens, FoldsAndSplits) {
    Analyzer analyzer(AnalyzerOptions{.stem = false, .fold_diacritics = true});
    EXPECT_EQ(terms(analyzer, GetParam().text), GetParam().unstemmed) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table,
    AnalyzerTokens,
    ::testing::Values(
        TokenCase{"", {}},
        TokenCase{"  ,.;  ", {}},
        TokenCase{"Leon Trotsky", {"leon", "trotsky"}},
        TokenCase{"assassinated coyoac\xC3\xA1n df mexico",
                  {"assassinated", "coyoacan", "df", "mexico"}},
        TokenCase{"Ram\xC3\xB3n Mercader", {"ramon", "mercader"}},
        TokenCase{"COYOAC\xC3\x81N", {"coyoacan"}},
        // Cyrillic keeps its letters; the combining stress accents go; "й" stays "й".
        TokenCase{
            "\xD0\xBB\xD0\xB5\xD0\xB2 \xD0\xB4\xD0\xB0\xD0\xB2\xD0\xB8\xCC\x81\xD0\xB4\xD0\xBE"
            "\xD0\xB2\xD0\xB8\xD1\x87 \xD1\x82\xD1\x80\xD0\xBE\xCC\x81\xD1\x86\xD0\xBA\xD0\xB8"
            "\xD0\xB9",
            {"\xD0\xBB\xD0\xB5\xD0\xB2",
             "\xD0\xB4\xD0\xB0\xD0\xB2\xD0\xB8\xD0\xB4\xD0\xBE\xD0\xB2"
             "\xD0\xB8\xD1\x87",
             "\xD1\x82\xD1\x80\xD0\xBE\xD1\x86\xD0\xBA\xD0\xB8\xD0\xB9"}},
        TokenCase{"\xE2\x80\x9CSocialism in one country\xE2\x80\x9D",
                  {"socialism", "in", "one", "country"}},
        TokenCase{"people's commissar", {"people's", "commissar"}},
        TokenCase{"people\xE2\x80\x99s commissar", {"people's", "commissar"}},
        TokenCase{"'40s workers' rights", {"40s", "workers", "rights"}},
        TokenCase{"Bolshevik\xE2\x80\x93Leninist", {"bolshevik", "leninist"}},
        TokenCase{"ice-axe", {"ice", "axe"}},
        TokenCase{"1940-08-21", {"1940", "08", "21"}},
        TokenCase{"office13 march 1918", {"office13", "march", "1918"}},
        TokenCase{"the 1920s", {"the", "1920s"}},
        TokenCase{"Python3 v4l2 MP3 utf8", {"python3", "v4l2", "mp3", "utf8"}},
        TokenCase{"x86_64 snake_case __init__ a_", {"x86_64", "snake_case", "init", "a"}},
        TokenCase{"U.S. e.g. foo.conf", {"u.s", "e.g", "foo.conf"}},
        TokenCase{"3.14 1,000 2.6.32; 7;8", {"3.14", "1,000", "2.6.32", "7;8"}},
        TokenCase{"e-mail 10:30 v.2 1917.The x,y",
                  {"e", "mail", "10", "30", "v", "2", "1917", "the", "x", "y"}},
        TokenCase{"end. Next, 1940. 3,", {"end", "next", "1940", "3"}},
        TokenCase{"caf\xC3\xA9s2 na\xC3\xAFve.x", {"cafes2", "naive.x"}},
        TokenCase{"\xEF\xAC\x81nal \xEF\xBC\xA1\xEF\xBC\xA2", {"final", "ab"}},
        TokenCase{"\xC5\x81\xC3\xB3\x64\xC5\xBA Stra\xC3\x9F\x65", {"lodz", "strasse"}},
        TokenCase{"na\xC3\xAFve cafe\xCC\x81", {"naive", "cafe"}},
        TokenCase{"revo\xC2\xADlution zero\xE2\x80\x8Bwidth", {"revolution", "zerowidth"}},
        TokenCase{"[a] /\xCB\x88tr\xC9\x92tski/", {"a", "\xCB\x88tr\xC9\x92tski"}}));

TEST(Analyzer, StemsEnglish) {
    Analyzer analyzer;
    EXPECT_EQ(analyzer.term("running"), "run");
    EXPECT_EQ(analyzer.term("revolutionaries"), "revolutionari");
    EXPECT_EQ(analyzer.term("Revolutionary"), "revolutionari");
    EXPECT_EQ(terms(analyzer, "people's Trotsky\xE2\x80\x99s Trotskys"),
              (std::vector<std::string>{"peopl", "trotski", "trotski"}));
    EXPECT_EQ(terms(analyzer, "the exiled 1940"),
              (std::vector<std::string>{"the", "exil", "1940"}));
    // Words with digits, periods or underscores are kept as written (folded).
    EXPECT_EQ(terms(analyzer, "python3 mp3s U.S. files_installed running"),
              (std::vector<std::string>{"python3", "mp3s", "u.s", "files_installed", "run"}));
}

TEST(Analyzer, TermMatchesAnalyzeForSingleWords) {
    Analyzer analyzer;
    for (const char* word :
         {"Coyoac\xC3\xA1n", "assassinated", "Stalin's", "1917", "Mercader", "python3", "3.14"}) {
        const std::vector<Token> tokens = analyzer.analyze(word);
        ASSERT_EQ(tokens.size(), 1u) << word;
        EXPECT_EQ(tokens[0].term, analyzer.term(word)) << word;
    }
}

TEST(Analyzer, OffsetsPointAtTheWordsAsWritten) {
    Analyzer analyzer;
    const std::string text =
        "Ram\xC3\xB3n Mercader, a Spanish-born agent (1913\xE2\x80\x93"
        "1978).";
    const std::vector<Token> tokens = analyzer.analyze(text);
    EXPECT_EQ(words(text, tokens),
              (std::vector<std::string>{
                  "Ram\xC3\xB3n", "Mercader", "a", "Spanish", "born", "agent", "1913", "1978"}));
}

TEST(Analyzer, FoldDoesNotStem) {
    Analyzer analyzer;
    EXPECT_EQ(analyzer.fold("Coyoac\xC3\xA1n Running"), "coyoacan running");
    EXPECT_EQ(analyzer.fold("TROTSKY"), "trotsky");
}

TEST(Analyzer, KeepsDiacriticsWhenAsked) {
    Analyzer analyzer(AnalyzerOptions{.stem = false, .fold_diacritics = false});
    EXPECT_EQ(terms(analyzer, "Coyoac\xC3\xA1n"), (std::vector<std::string>{"coyoac\xC3\xA1n"}));
}

TEST(Analyzer, SegmentsChineseWithIcu) {
    Analyzer analyzer;
    // "我们是学生" (we are students): ICU's dictionary gives several words, not one.
    const std::string text = "\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\xAF\xE5\xAD\xA6\xE7\x94\x9F";
    const std::vector<Token> tokens = analyzer.analyze(text);
    EXPECT_GE(tokens.size(), 2u);
    std::string joined;
    for (const Token& token : tokens) {
        joined += text.substr(token.begin, token.end - token.begin);
    }
    EXPECT_EQ(joined, text);
}

TEST(Analyzer, SkipsIllFormedBytesWithoutCrashing) {
    Analyzer analyzer(AnalyzerOptions{.stem = false});
    EXPECT_EQ(terms(analyzer,
                    "abc\xFF\xFE"
                    "def \xC3"),
              (std::vector<std::string>{"abc", "def"}));
}

TEST(Analyzer, DropsOverlongWords) {
    Analyzer analyzer;
    EXPECT_EQ(terms(analyzer, std::string(300, 'x') + " ok"), (std::vector<std::string>{"ok"}));
}

TEST(Analyzer, CacheGivesSameTermsOnRepeat) {
    Analyzer analyzer;
    const std::string text = "Revolutionaries were running; revolutionaries ran.";
    EXPECT_EQ(terms(analyzer, text), terms(analyzer, text));
    EXPECT_EQ(terms(analyzer, text)[0], "revolutionari");
}

TEST(Analyzer, IsMovable) {
    Analyzer first;
    Analyzer second = std::move(first);
    EXPECT_EQ(second.term("running"), "run");
}

}  // namespace
}  // namespace iskra::text
