#include "iskra/ingest/reader.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest_test_util.hpp"
#include "support/temp_dir.hpp"

namespace iskra::ingest {
namespace {

using iskra::testing::TempDir;
using iskra::testing::write_text_file;
using test::read_all;
using test::sample_path;

std::vector<std::string> ids(const test::Collected& got) {
    std::vector<std::string> out;
    for (const Document& doc : got.docs) {
        out.push_back(doc.id);
    }
    return out;
}

TEST(ReadPath, WalksDirectoriesInSortedOrderSkippingHiddenFiles) {
    TempDir tmp;
    const auto root = tmp / "corpus";
    write_text_file(root / "b.txt", "bravo");
    write_text_file(root / "a.txt", "alpha");
    write_text_file(root / "sub" / "c.md", "# Charlie\n\ntext");
    write_text_file(root / ".hidden.txt", "hidden");
    write_text_file(root / ".git" / "config", "hidden too");
    write_text_file(root / "z" / "empty.txt", "");
    const test::Collected got = read_all(root);
    ASSERT_TRUE(got.status.ok());
    EXPECT_TRUE(got.skipped.empty());
    EXPECT_EQ(ids(got),
              (std::vector<std::string>{
                  "corpus/a.txt", "corpus/b.txt", "corpus/sub/c.md", "corpus/z/empty.txt"}));
    EXPECT_EQ(got.docs[2].format, Format::Markdown);
    EXPECT_EQ(got.docs[2].title, "Charlie");
    EXPECT_EQ(got.docs[0].source_path, (root / "a.txt").string());
    EXPECT_EQ(got.docs[3].text, "");
    EXPECT_GT(got.docs[0].source_mtime_ns, 0u);
    EXPECT_EQ(got.docs[0].source_size_bytes, 5u);
}

TEST(ReadPath, DirectoryWithTrailingSlashIsNamedByItsLastComponent) {
    TempDir tmp;
    write_text_file(tmp / "corpus" / "a.txt", "alpha");
    const test::Collected got = read_all((tmp / "corpus").string() + "/");
    EXPECT_EQ(ids(got), (std::vector<std::string>{"corpus/a.txt"}));
}

TEST(ReadPath, AFileGivenDirectlyKeepsItsPathAsId) {
    TempDir tmp;
    write_text_file(tmp / "one.txt", "one line");
    const test::Collected got = read_all(tmp / "one.txt");
    ASSERT_EQ(got.docs.size(), 1u);
    EXPECT_EQ(got.docs[0].id, (tmp / "one.txt").string());
    EXPECT_EQ(got.docs[0].title, "one line");
}

TEST(ReadPath, SkipsBinaryFilesAndContinues) {
    TempDir tmp;
    std::filesystem::copy_file(sample_path("binary.bin"), tmp / "a.bin");
    write_text_file(tmp / "b.txt", "text after the binary");
    const test::Collected got = read_all(tmp.path());
    ASSERT_EQ(got.docs.size(), 1u);
    EXPECT_EQ(got.docs[0].text, "text after the binary");
    ASSERT_EQ(got.skipped.size(), 1u);
    EXPECT_EQ(got.skipped[0].reason.code(), StatusCode::Unsupported);
    EXPECT_NE(got.skipped[0].reason.message().find("binary file"), std::string::npos);
    EXPECT_EQ(got.skipped[0].path, tmp / "a.bin");
}

TEST(ReadPath, SkipsStyleSheetsScriptsAndSvgImages) {
    TempDir tmp;
    write_text_file(tmp / "a.css", "body { color: black; }");
    write_text_file(tmp / "b.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>");
    write_text_file(tmp / "c.JS", "var x = 1;");
    write_text_file(tmp / "d.txt", "the only document");
    const test::Collected got = read_all(tmp.path());
    ASSERT_EQ(got.docs.size(), 1u);
    EXPECT_EQ(got.docs[0].text, "the only document");
    ASSERT_EQ(got.skipped.size(), 3u);
    for (const auto& skipped : got.skipped) {
        EXPECT_EQ(skipped.reason.code(), StatusCode::Unsupported);
        EXPECT_NE(skipped.reason.message().find("not a document"), std::string::npos);
    }
    EXPECT_TRUE(is_asset_file("x/y.woff2"));
    EXPECT_FALSE(is_asset_file("x/y.html"));
    EXPECT_FALSE(is_asset_file("x/README"));
}

TEST(ReadPath, PdfsParsedAheadArriveInWalkOrder) {
    TempDir tmp;
    // PDFs (parsed on worker threads), a broken PDF, text and a binary file interleaved.
    for (const char* name : {"a.pdf", "b.pdf", "d.pdf", "e.pdf", "g.pdf"}) {
        std::filesystem::copy_file(sample_path("two_pages.pdf"), tmp / name);
    }
    write_text_file(tmp / "c.txt", "text between the pdfs");
    write_text_file(tmp / "f.pdf", "%PDF-1.4\nthis is not really a pdf");
    std::filesystem::copy_file(sample_path("binary.bin"), tmp / "h.bin");
    ReadOptions options;
    options.pdf_parse_ahead = 2;
    const test::Collected got = read_all(tmp.path(), options);
    ASSERT_TRUE(got.status.ok()) << got.status.to_string();
    std::vector<std::string> ids;
    for (const auto& doc : got.docs) {
        ids.push_back(doc.id);
    }
    const std::string dir = tmp.path().filename().string() + "/";
    EXPECT_EQ(ids,
              (std::vector<std::string>{dir + "a.pdf",
                                        dir + "b.pdf",
                                        dir + "c.txt",
                                        dir + "d.pdf",
                                        dir + "e.pdf",
                                        dir + "g.pdf"}));
    EXPECT_EQ(got.docs[0].title, "A Tiny Test PDF");
    ASSERT_EQ(got.skipped.size(), 2u);
    EXPECT_EQ(got.skipped[0].path, tmp / "f.pdf");
    EXPECT_EQ(got.skipped[1].path, tmp / "h.bin");
}

TEST(ReadPath, DecodesUtf16WithByteOrderMark) {
    TempDir tmp;
    // "Hé 😀\n" in UTF-16LE with BOM, then an unpaired surrogate.
    const std::string utf16le(
        "\xFF\xFE"
        "H\0\xE9\0 \0\x3D\xD8\x00\xDE\n\0\x00\xD8",
        16);
    {
        std::ofstream out(tmp / "win.txt", std::ios::binary);
        out << utf16le;
    }
    const test::Collected got = read_all(tmp / "win.txt");
    ASSERT_TRUE(got.skipped.empty()) << got.skipped[0].reason.to_string();
    ASSERT_EQ(got.docs.size(), 1u);
    EXPECT_EQ(got.docs[0].text, "H\xC3\xA9 \xF0\x9F\x98\x80\n\xEF\xBF\xBD");
    EXPECT_EQ(got.docs[0].invalid_utf8_replaced, 1u);
    EXPECT_EQ(got.docs[0].source_size_bytes, utf16le.size());
    EXPECT_EQ(source_range(got.docs[0], 0, 1),
              (std::pair<std::uint64_t, std::uint64_t>{0, utf16le.size()}));
}

TEST(ReadPath, MissingPathIsReportedAsNotFound) {
    TempDir tmp;
    const test::Collected got = read_all(tmp / "does-not-exist.txt");
    EXPECT_TRUE(got.status.ok());
    EXPECT_TRUE(got.docs.empty());
    ASSERT_EQ(got.skipped.size(), 1u);
    EXPECT_EQ(got.skipped[0].reason.code(), StatusCode::NotFound);
    EXPECT_NE(got.skipped[0].reason.message().find("does-not-exist.txt"), std::string::npos);
}

TEST(ReadPath, UnreadableFileIsSkippedWithItsPath) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "running as root: chmod 000 does not stop reads (the missing-path test "
                        "covers the skip path)";
    }
    TempDir tmp;
    write_text_file(tmp / "secret.txt", "secret");
    ::chmod((tmp / "secret.txt").c_str(), 0);
    const test::Collected got = read_all(tmp.path());
    EXPECT_TRUE(got.docs.empty());
    ASSERT_EQ(got.skipped.size(), 1u);
    EXPECT_NE(got.skipped[0].reason.message().find("secret.txt"), std::string::npos);
}

TEST(ReadPath, SurvivesSymlinkLoops) {
    TempDir tmp;
    write_text_file(tmp / "d" / "x.txt", "x");
    std::filesystem::create_directory_symlink(tmp / "d", tmp / "d" / "loop");
    const test::Collected got = read_all(tmp / "d");
    ASSERT_TRUE(got.status.ok());
    EXPECT_EQ(ids(got), (std::vector<std::string>{"d/x.txt"}));
}

TEST(ReadPath, DetectsEveryFormatFromSamples) {
    TempDir tmp;
    for (const char* name :
         {"sample.html", "sample.md", "sample.jsonl", "two_pages.pdf", "invalid_utf8.txt"}) {
        std::filesystem::copy_file(sample_path(name), tmp / name);
    }
    const test::Collected got = read_all(tmp.path());
    ASSERT_TRUE(got.status.ok());
    std::vector<Format> formats;
    for (const Document& doc : got.docs) {
        formats.push_back(doc.format);
    }
    // Sorted names: invalid_utf8.txt, sample.html, sample.jsonl (3 records), sample.md,
    // two_pages.pdf
    EXPECT_EQ(formats,
              (std::vector<Format>{Format::Text,
                                   Format::Html,
                                   Format::JsonLines,
                                   Format::JsonLines,
                                   Format::JsonLines,
                                   Format::Markdown,
                                   Format::Pdf}));
    EXPECT_EQ(got.skipped.size(), 2u);  // the two bad JSONL lines
    EXPECT_EQ(got.docs[0].invalid_utf8_replaced, 2u);
}

TEST(ReadPath, SinkErrorStopsTheWalk) {
    TempDir tmp;
    write_text_file(tmp / "a.txt", "a");
    write_text_file(tmp / "b.txt", "b");
    int calls = 0;
    const Status status = read_path(
        tmp.path(),
        ReadOptions{},
        [&](Document&&) {
            ++calls;
            return Status::io_error("disk full");
        },
        [](const Skipped&) {});
    EXPECT_EQ(status.code(), StatusCode::IoError);
    EXPECT_EQ(calls, 1);
}

TEST(ReadPath, StructuredFilesOverTheLimitAreSkipped) {
    TempDir tmp;
    write_text_file(tmp / "big.html", "<html><body>" + std::string(2000, 'x') + "</body></html>");
    ReadOptions options;
    options.max_structured_file_bytes = 1000;
    const test::Collected got = read_all(tmp.path(), options);
    EXPECT_TRUE(got.docs.empty());
    ASSERT_EQ(got.skipped.size(), 1u);
    EXPECT_EQ(got.skipped[0].reason.code(), StatusCode::ResourceExhausted);
}

struct DetectCase {
    const char* name;
    std::string head;
    Format expected;
};

TEST(DetectFormat, ContentFirstThenExtension) {
    const std::vector<DetectCase> cases = {
        {"x.txt", "%PDF-1.7\n...", Format::Pdf},
        {"x.txt", "\xEF\xBB\xBF  <!DOCTYPE html><html>", Format::Html},
        {"x", "<html><body>hi</body></html>", Format::Html},
        {"x.dat", "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2}", Format::JsonLines},
        {"x.md", "plain words", Format::Markdown},
        {"x.htm", "plain words", Format::Html},
        {"x.txt", "# Heading\n\nSome [link](http://a) text", Format::Text},
        {"notes", "# Heading\n\nSome [link](http://a) text", Format::Markdown},
        {"notes", "trotsky was born\nin 1879\n", Format::Text},
        {"x.TXT", "A line mentioning <html> later", Format::Text},
        {"x.json", "{\n  \"pretty\": true\n}", Format::Text},
    };
    for (const DetectCase& c : cases) {
        EXPECT_EQ(detect_format(c.name, c.head), c.expected) << c.name << ": " << c.head;
    }
}

}  // namespace
}  // namespace iskra::ingest
