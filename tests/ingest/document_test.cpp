#include "iskra/ingest/document.hpp"

#include <gtest/gtest.h>

#include "iskra/ingest/text_builder.hpp"

namespace iskra::ingest {
namespace {

using Range = std::pair<std::uint64_t, std::uint64_t>;

TEST(SourceRange, ExactRunsMapByteForByteAndRewrittenRunsWiden) {
    Document doc;
    doc.text = "hello & world";
    doc.offsets = {{0, 6, 100, 106}, {6, 7, 106, 111}, {7, 13, 111, 117}};
    EXPECT_EQ(source_range(doc, 0, 5), (Range{100, 105}));
    EXPECT_EQ(source_range(doc, 6, 7), (Range{106, 111}));
    EXPECT_EQ(source_range(doc, 2, 9), (Range{102, 113}));
    EXPECT_EQ(source_range(doc, 8, 13), (Range{112, 117}));
    Document empty;
    EXPECT_EQ(source_range(empty, 0, 0), (Range{0, 0}));
}

TEST(SourceRange, SeparatorsMapToTheNearestRun) {
    TextBuilder builder(/*collapse_whitespace=*/true);
    builder.append_exact("first", 10);
    builder.paragraph_break();
    builder.append_exact("second", 50);
    Document doc;
    builder.finish(doc);
    EXPECT_EQ(doc.text, "first\n\nsecond");
    EXPECT_EQ(source_range(doc, 5, 7), (Range{15, 15}));
    EXPECT_EQ(source_range(doc, 0, 13), (Range{10, 56}));
}

TEST(TextBuilder, CollapsesWhitespaceAndMergesExactRuns) {
    TextBuilder builder(/*collapse_whitespace=*/true);
    builder.append_exact("  a b", 0);
    builder.append_exact("   c\n\n d  ", 5);
    builder.line_break();
    builder.append_exact("e", 20);
    Document doc;
    builder.finish(doc);
    EXPECT_EQ(doc.text, "a b c d\ne");
    EXPECT_EQ(source_range(doc, 0, 3), (Range{2, 5}));
    EXPECT_EQ(source_range(doc, 4, 5), (Range{8, 9}));
    EXPECT_EQ(source_range(doc, 6, 7), (Range{12, 13}));
    EXPECT_EQ(source_range(doc, 8, 9), (Range{20, 21}));
}

TEST(TextBuilder, NoSeparatorAtTheStartOrEnd) {
    TextBuilder builder(/*collapse_whitespace=*/false);
    builder.paragraph_break();
    builder.line_break();
    builder.append_exact("x", 0);
    builder.paragraph_break();
    Document doc;
    builder.finish(doc);
    EXPECT_EQ(doc.text, "x");
}

TEST(FormatName, NamesEveryFormat) {
    EXPECT_STREQ(format_name(Format::Text), "text");
    EXPECT_STREQ(format_name(Format::Markdown), "markdown");
    EXPECT_STREQ(format_name(Format::Html), "html");
    EXPECT_STREQ(format_name(Format::Pdf), "pdf");
    EXPECT_STREQ(format_name(Format::JsonLines), "jsonl");
}

}  // namespace
}  // namespace iskra::ingest
