#include "iskra/ingest/pdf_reader.hpp"

#include <gtest/gtest.h>

#include "ingest/ingest_test_util.hpp"

namespace iskra::ingest {
namespace {

using test::read_bytes;
using test::sample_path;
using test::source_for;

TEST(PdfReader, ExtractsTextPerPageAndTitle) {
    const std::string pdf = read_bytes(sample_path("two_pages.pdf"));
    ASSERT_FALSE(pdf.empty()) << "tests/data/ingest/two_pages.pdf is missing";
    auto doc = read_pdf(pdf, source_for("two_pages.pdf"));
    ASSERT_TRUE(doc.ok()) << doc.status().to_string();
    EXPECT_EQ(doc->title, "A Tiny Test PDF");
    EXPECT_EQ(doc->format, Format::Pdf);
    EXPECT_EQ(doc->text,
              "The first page talks about the revolution of 1905.\nIt has a second line.\n\n"
              "The second page says he was exiled in 1929.");
    // Offsets cover the whole file (documented limitation).
    const auto [begin, end] = source_range(*doc, 0, 10);
    EXPECT_EQ(begin, 0u);
    EXPECT_EQ(end, pdf.size());
}

TEST(PdfReader, RejectsBytesThatAreNotAPdf) {
    auto doc = read_pdf("%PDF-1.4\nthis is not really a pdf", source_for("broken.pdf"));
    EXPECT_FALSE(doc.ok());
    auto empty = read_pdf("", source_for("empty.pdf"));
    EXPECT_FALSE(empty.ok());
}

TEST(PdfReader, TruncatedPdfFailsOrReadsWithoutCrashing) {
    const std::string pdf = read_bytes(sample_path("two_pages.pdf"));
    for (std::size_t cut : {pdf.size() / 4, pdf.size() / 2, pdf.size() - 20}) {
        auto doc = read_pdf(pdf.substr(0, cut), source_for("cut.pdf"));
        if (doc.ok()) {
            EXPECT_LE(doc->text.size(), 200u);
        }
    }
}

}  // namespace
}  // namespace iskra::ingest
