#include "iskra/ingest/html_reader.hpp"

#include <cstring>

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.hpp"

namespace iskra::ingest {
namespace {

using test::read_bytes;
using test::sample_path;
using test::source_for;
using test::source_text;

TEST(HtmlReader, ExtractsVisibleTextTitleAndParagraphs) {
    const std::string html = read_bytes(sample_path("sample.html"));
    auto doc = read_html(html, source_for("sample.html"));
    ASSERT_TRUE(doc.ok()) << doc.status().to_string();
    EXPECT_EQ(doc->title, "Trotsky & the Fourth International");
    EXPECT_EQ(doc->format, Format::Html);
    EXPECT_EQ(doc->text,
              "Leon Trotsky\n\nTrotsky founded the Fourth International in 1938.\n\n"
              "He lived in Coyoac\xC3\xA1n \xE2\x80\x93 Mexico.\nSecond line.\n\nOne\n\nTwo");
    for (const char* hidden : {"color", "do not index", "Enable JavaScript", "template text"}) {
        EXPECT_EQ(doc->text.find(hidden), std::string::npos) << hidden;
    }
}

TEST(HtmlReader, OffsetsPointAtTheSourceBytes) {
    const std::string html = read_bytes(sample_path("sample.html"));
    auto doc = read_html(html, source_for("sample.html"));
    ASSERT_TRUE(doc.ok());
    const std::string& text = doc->text;
    for (const char* phrase :
         {"Trotsky founded the", "Fourth International", "Second line", "Leon Trotsky", "Two"}) {
        const std::size_t at = text.find(phrase);
        ASSERT_NE(at, std::string::npos) << phrase;
        EXPECT_EQ(source_text(*doc, html, at, at + std::strlen(phrase)), phrase);
    }
    // A range across inline tags covers the tags.
    const std::size_t fourth = text.find("Fourth International in 1938.");
    EXPECT_EQ(source_text(*doc, html, fourth, fourth + 29), "Fourth International</b> in 1938.");
    // Decoded entities map to the whole text node that holds them.
    const std::size_t at = text.find("Coyoac");
    const std::string source = source_text(*doc, html, at, at + 6);
    EXPECT_NE(source.find("Coyoac&aacute;n"), std::string::npos) << source;
}

TEST(HtmlReader, TitleFallsBackToFirstH1ThenFileName) {
    auto with_h1 = read_html("<html><body><h2>Sub</h2><h1>Main  heading</h1><p>x</p></body></html>",
                             source_for("a.html"));
    ASSERT_TRUE(with_h1.ok());
    EXPECT_EQ(with_h1->title, "Main heading");
    auto bare = read_html("<p>just text</p>", source_for("b.html"));
    ASSERT_TRUE(bare.ok());
    EXPECT_EQ(bare->title, "b.html");
    EXPECT_EQ(bare->text, "just text");
}

TEST(HtmlReader, KeepsPreformattedWhitespace) {
    auto doc = read_html("<p>a   b</p><pre>x   y\n  z</pre>", source_for("pre.html"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "a b\n\nx   y\n  z");
}

TEST(HtmlReader, CountsAndRepairsInvalidUtf8) {
    auto doc = read_html("<p>caf\xE9 ok</p>", source_for("bad.html"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "caf\xEF\xBF\xBD ok");
    EXPECT_EQ(doc->invalid_utf8_replaced, 1u);
}

TEST(HtmlReader, SurvivesDeepNestingAndGarbage) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) {
        deep += "<div><span>";
    }
    deep += "bottom";
    auto doc = read_html(deep, source_for("deep.html"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->text, "bottom");
    auto garbage = read_html(std::string("<<<>>>&&&;;\0<p", 14), source_for("g.html"));
    EXPECT_TRUE(garbage.ok());
}

TEST(HtmlReader, FillsHashSizeAndIds) {
    const std::string html = "<p>x</p>";
    auto doc = read_html(html, source_for("x.html"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->id, "x.html");
    EXPECT_EQ(doc->source_size_bytes, html.size());
    EXPECT_NE(doc->content_hash, 0u);
    auto other = read_html("<p>y</p>", source_for("x.html"));
    ASSERT_TRUE(other.ok());
    EXPECT_NE(doc->content_hash, other->content_hash);
}

}  // namespace
}  // namespace iskra::ingest
