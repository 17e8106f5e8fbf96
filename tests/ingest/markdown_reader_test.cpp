#include "iskra/ingest/markdown_reader.hpp"

#include <cstring>

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.hpp"

namespace iskra::ingest {
namespace {

using test::read_bytes;
using test::sample_path;
using test::source_for;
using test::source_text;

TEST(MarkdownReader, DropsMarkupAndKeepsText) {
    const std::string md = read_bytes(sample_path("sample.md"));
    auto doc = read_markdown(md, source_for("sample.md"));
    ASSERT_TRUE(doc.ok()) << doc.status().to_string();
    EXPECT_EQ(doc->title, "Leon Trotsky");
    EXPECT_EQ(doc->format, Format::Markdown);
    EXPECT_EQ(doc->text,
              "Some intro line\n\nLeon Trotsky\n\nTrotsky was a Marxist revolutionary and "
              "theorist. He led the Red Army.\n\nfirst item\n\nsecond item & more\n\n"
              "code block text");
    EXPECT_EQ(doc->text.find("raw html"), std::string::npos);
    EXPECT_EQ(doc->text.find("example.org"), std::string::npos);
}

TEST(MarkdownReader, OffsetsPointAtTheSourceBytes) {
    const std::string md = read_bytes(sample_path("sample.md"));
    auto doc = read_markdown(md, source_for("sample.md"));
    ASSERT_TRUE(doc.ok());
    for (const char* phrase : {"Marxist",
                               "revolutionary and ",
                               "He led the",
                               "Red Army",
                               "second item",
                               "code block text",
                               "Leon Trotsky"}) {
        const std::size_t at = doc->text.find(phrase);
        ASSERT_NE(at, std::string::npos) << phrase;
        EXPECT_EQ(source_text(*doc, md, at, at + std::strlen(phrase)), phrase);
    }
}

TEST(MarkdownReader, TitlePrefersLevelOneHeading) {
    auto doc = read_markdown("## Minor\n\n# Major\n\ntext\n", source_for("t.md"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->title, "Major");
    auto plain = read_markdown("no headings here\n", source_for("p.md"));
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->title, "no headings here");
}

TEST(MarkdownReader, SkipsYamlFrontMatterAndTakesItsTitle) {
    const std::string md =
        "---\ntitle: \"The Real Title\"\ndate: 2020\n---\n# Heading\n\nBody text.\n";
    auto doc = read_markdown(md, source_for("fm.md"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->title, "The Real Title");
    EXPECT_EQ(doc->text, "Heading\n\nBody text.");
    const std::size_t at = doc->text.find("Body");
    EXPECT_EQ(source_text(*doc, md, at, at + 4), "Body");
    auto unterminated = read_markdown("---\ntitle: x\nno end\n", source_for("u.md"));
    ASSERT_TRUE(unterminated.ok());
    EXPECT_NE(unterminated->text.find("no end"), std::string::npos);
}

TEST(MarkdownReader, RepairsInvalidUtf8) {
    auto doc = read_markdown("caf\xE9 **x**\n", source_for("bad.md"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "caf\xEF\xBF\xBD x");
    EXPECT_EQ(doc->invalid_utf8_replaced, 1u);
}

TEST(MarkdownReader, EmptyInputGivesEmptyText) {
    auto doc = read_markdown("", source_for("empty.md"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "");
    EXPECT_EQ(doc->title, "empty.md");
}

}  // namespace
}  // namespace iskra::ingest
