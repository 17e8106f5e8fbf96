#include "iskra/extract/date_finder.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace iskra::extract {
namespace {

struct DateCase {
    std::string text;
    std::string iso;        ///< of the first mention ("" = no date expected)
    std::string precision;  ///< "day", "month", "year", "decade", "range"
    std::string written;    ///< the span as written
};

std::string describe(const std::vector<DateMention>& mentions, std::string_view text) {
    std::string out;
    for (const auto& mention : mentions) {
        Date date = mention.to_date(text);
        out += "[" + date.iso + " " + date.precision + " '" + date.text + "']";
    }
    return out;
}

TEST(FindDates, NormalisesTheFormatsOfTheIssue) {
    const std::vector<DateCase> cases = {
        {"Trotsky died on 21 august 1940 in Coyoacan.", "1940-08-21", "day", "21 august 1940"},
        {"On August 21, 1940, he died.", "1940-08-21", "day", "August 21, 1940"},
        {"died 1940-08-21 aged 60", "1940-08-21", "day", "1940-08-21"},
        {"born 7 november [o.s. 26 october] 1879 near",
         "1879-11-07",
         "day",
         "7 november [o.s. 26 october] 1879"},
        {"born 25 October (N.S. 7 November) 1917",
         "1917-11-07",
         "day",
         "25 October (N.S. 7 November) 1917"},
        {"In March 1918 he became commissar.", "1918-03", "month", "March 1918"},
        {"red army troops attack kronstadt sailors march 1921", "1921-03", "month", "march 1921"},
        {"The revolution of 1917 changed Russia.", "1917", "year", "1917"},
        {"Lenin died in 1924.", "1924", "year", "1924"},
        {"He commanded the army 1918–1925.", "1918/1925", "range", "1918–1925"},
        {"the purges of 1927-1928 began", "1927/1928", "range", "1927-1928"},
        {"from 1927 to 1953 by Joseph Stalin", "1927/1953", "range", "from 1927 to 1953"},
        {"in Spain in 1936-37 was", "1936/1937", "range", "1936-37"},
        {"During the mid-1920s, Trotsky responded", "1920s", "decade", "mid-1920s"},
        {"in late 1922 Lenin wrote", "1922", "year", "late 1922"},
        {"In the 1930s, Stalin launched purges", "1930s", "decade", "1930s"},
        {"rise of joseph stalin 1920 s against", "1920s", "decade", "1920 s"},
        {"suffered a stroke in early 1921", "1921", "year", "early 1921"},
        {"the 23rd of May, 1987 meeting", "1987-05-23", "day", "23rd of May, 1987"},
        {"Sept. 4, 1987", "1987-09-04", "day", "Sept. 4, 1987"},
    };
    for (const auto& c : cases) {
        auto mentions = find_dates(c.text);
        ASSERT_FALSE(mentions.empty()) << c.text;
        Date date = mentions.front().to_date(c.text);
        EXPECT_EQ(date.iso, c.iso) << c.text << " -> " << describe(mentions, c.text);
        EXPECT_EQ(date.precision, c.precision) << c.text;
        EXPECT_EQ(date.text, c.written) << c.text;
    }
}

TEST(FindDates, KeepsBothCalendars) {
    std::string text = "born 7 november [o.s. 26 october] 1879";
    auto mentions = find_dates(text);
    ASSERT_EQ(mentions.size(), 1u) << describe(mentions, text);
    ASSERT_TRUE(mentions[0].old_style.has_value());
    EXPECT_EQ(mentions[0].old_style->iso(), "1879-10-26");
    EXPECT_EQ(mentions[0].value.iso(), "1879-11-07");
}

TEST(FindDates, ReadsOldStyleBracketsInTheirCommonForms) {
    const std::vector<DateCase> cases = {
        {"born 3 March [O.S. 19 February] 1855 in a village",
         "1855-03-03",
         "day",
         "3 March [O.S. 19 February] 1855"},
        {"born 3 March (O.S. 19 February) 1855",
         "1855-03-03",
         "day",
         "3 March (O.S. 19 February) 1855"},
        {"born 3 march [o.s. 19 february] 1855",
         "1855-03-03",
         "day",
         "3 march [o.s. 19 february] 1855"},
        {"born 3 march [o february] 1855 village",
         "1855-03-03",
         "day",
         "3 march [o february] 1855"},
        {"born March 3 [O.S. February 19], 1855",
         "1855-03-03",
         "day",
         "March 3 [O.S. February 19], 1855"},
        {"born 3 March 1855 (O.S. 19 February 1855), he",
         "1855-03-03",
         "day",
         "3 March 1855 (O.S. 19 February 1855)"},
        {"died 12 January 1701 [O.S. 1 January 1700]",
         "1701-01-12",
         "day",
         "12 January 1701 [O.S. 1 January 1700]"},
    };
    for (const auto& c : cases) {
        auto mentions = find_dates(c.text);
        ASSERT_FALSE(mentions.empty()) << c.text;
        Date date = mentions.front().to_date(c.text);
        EXPECT_EQ(date.iso, c.iso) << c.text << " -> " << describe(mentions, c.text);
        EXPECT_EQ(date.precision, c.precision) << c.text;
        EXPECT_EQ(date.text, c.written) << c.text;
    }
    auto mentions = find_dates("died 12 January 1701 [O.S. 1 January 1700]");
    ASSERT_EQ(mentions.size(), 1u);
    ASSERT_TRUE(mentions[0].old_style.has_value());
    EXPECT_EQ(mentions[0].old_style->iso(), "1700-01-01");
    mentions = find_dates("born March 3 [O.S. February 19], 1855");
    ASSERT_EQ(mentions.size(), 1u);
    ASSERT_TRUE(mentions[0].old_style.has_value());
    EXPECT_EQ(mentions[0].old_style->iso(), "1855-02-19");
}

TEST(FindDates, GivesTheNewStyleTextWithoutTheOldStyleBracket) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"born 3 March [O.S. 19 February] 1855 in", "3 March 1855"},
        {"born 3 march [o\nfebruary] 1855 kiev", "3 march 1855"},
        {"born March 3 [O.S. February 19], 1855", "March 3, 1855"},
        {"born 3 March 1855 (O.S. 19 February 1855), he", "3 March 1855"},
        {"born on 3 March 1855 in Kiev", "3 March 1855"},
    };
    for (const auto& [text, expected] : cases) {
        const auto mentions = find_dates(text);
        ASSERT_FALSE(mentions.empty()) << text;
        EXPECT_EQ(mentions.front().text_without_aside(text), expected) << text;
    }
}

TEST(FindDates, RejectsNumbersThatAreNotDates) {
    const std::vector<std::string> cases = {
        "some 140000 strikers marched",
        "see page 1917 of the report",
        "order № 13/2182-90 of the commissariat",
        "He led 1500 men into battle.",
        "resulting death 1000 demonstrators",
        "prices of 1,750 to 1,780 dlrs per tonne",
        "isni 0000 0001 2277 1584 gnd",
        "call 504-528-1944 today",
        "a 3000 km march",
        "it rose 1987 pct",
        "at 15:01 the market",
        "number 2021 in the list",
        "year 3500 is far",
    };
    for (const auto& text : cases) {
        auto mentions = find_dates(text);
        EXPECT_TRUE(mentions.empty()) << text << " -> " << describe(mentions, text);
    }
}

TEST(FindDates, BareNumbersNeedDateContextOrAPlausibleYear) {
    const std::vector<std::string> not_dates = {
        "stayed nearly three months 1522 vyse avenue bronx",
        "He lived at 1917 Main Street for a while.",
        "A cubic measure containing 1000 cubic meters",
        "it was estimated to be 1000 MFLOPS",
        "a block of 1024 entries",
        "Defaults to 0x1000.",
        "The value, ranging from -1000 to +1000, is added",
        "the 1000-line scripts",
        "WinFast DTV1000-T and AOPEN VA1000 POWER",
        "--object-path /org/freedesktop/login1/user/_1000",
        "a screen of 1920x1080 pixels",
        "set kB=1000 and MB=1000*1000",
    };
    for (const auto& text : not_dates) {
        auto mentions = find_dates(text);
        EXPECT_TRUE(mentions.empty()) << text << " -> " << describe(mentions, text);
    }
    const std::vector<std::pair<std::string, std::string>> dates = {
        {"in 1000 a. d. the world did not end", "1000"},
        {"the year 1000 came", "1000"},
        {"Until 1500 the town was small.", "1500"},
        {"the aftermath of the 1848 revolution", "1848"},
        {"history of russia since 1855", "1855"},
        {"1897 trotsky became involved in revolutionary activities", "1897"},
        {"the transitional program\u20141938 text", "1938"},
        {"During mid-1919 the front moved.", "1919"},
        {"Copyright 1998 the authors", "1998"},
        {"born: 1879 in Yanovka", "1879"},
        {"Trotsky (1879) was born", "1879"},
    };
    for (const auto& [text, iso] : dates) {
        auto mentions = find_dates(text);
        ASSERT_EQ(mentions.size(), 1u) << text << " -> " << describe(mentions, text);
        EXPECT_EQ(mentions[0].value.iso(), iso) << text;
    }
}

TEST(FindDates, SplitsGluedInfoboxTokens) {
    std::string text =
        "born lev davidovich bronstein1879-11-077 november 1879 near yelizavetgrad died 21 "
        "august 19401940-08-21 aged 60 foreign affairs rsfsr office8 november 1917 13 march 1918";
    auto mentions = find_dates(text);
    std::vector<std::string> isos;
    for (const auto& m : mentions) {
        isos.push_back(m.value.iso());
    }
    std::vector<std::string> expected = {
        "1879-11-07", "1879-11-07", "1940-08-21", "1940-08-21", "1917-11-08", "1918-03-13"};
    EXPECT_EQ(isos, expected) << describe(mentions, text);
}

TEST(FindDates, MarksRelativeAndYearlessMentionsUnresolved) {
    std::string text = "The next day, he died; two months later the trial began on May 3.";
    auto mentions = find_dates(text);
    ASSERT_EQ(mentions.size(), 3u) << describe(mentions, text);
    EXPECT_EQ(mentions[0].kind, DateKind::Relative);
    EXPECT_EQ(mentions[0].unit, OffsetUnit::Day);
    EXPECT_EQ(mentions[0].offset, 1);
    EXPECT_EQ(mentions[1].unit, OffsetUnit::Month);
    EXPECT_EQ(mentions[1].offset, 2);
    EXPECT_EQ(mentions[2].kind, DateKind::Partial);
    EXPECT_FALSE(mentions[2].resolved);
    EXPECT_EQ(mentions[2].value.month, 5);
    EXPECT_EQ(mentions[2].value.day, 3);
}

TEST(FindDates, ReadsLifespansAsLifespans) {
    std::string text = "Leon Trotsky (1879–1940) and david bronstein 1847–1922 wife";
    auto mentions = find_dates(text);
    ASSERT_EQ(mentions.size(), 2u) << describe(mentions, text);
    EXPECT_EQ(mentions[0].kind, DateKind::Lifespan);
    EXPECT_EQ(mentions[1].kind, DateKind::Lifespan);
    auto war = find_dates("russian civil war 1918–1923");
    ASSERT_EQ(war.size(), 1u);
    EXPECT_EQ(war[0].kind, DateKind::Explicit);
}

TEST(FindDates, IgnoresTextWithoutDates) {
    EXPECT_TRUE(find_dates("").empty());
    EXPECT_TRUE(find_dates("Stalin may be the answer; March on!").empty());
}

}  // namespace
}  // namespace iskra::extract
