#include <algorithm>
#include <cctype>
#include <string>

#include "iskra/ingest/reader.hpp"

// Content first: a PDF header, an HTML document start or a JSON object per line are certain
// whatever the file is called. Then the extension. Markdown is only guessed from content when the
// extension says nothing, because ordinary text (lists, "#1") would otherwise be misread and lose
// its line structure.

namespace iskra::ingest {

namespace {

constexpr std::size_t kSniffBytes = 4096;

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return out;
}

std::string_view skip_bom_and_space(std::string_view head) {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") {
        head.remove_prefix(3);
    }
    const std::size_t first = head.find_first_not_of(" \t\r\n\f\v");
    return first == std::string_view::npos ? std::string_view() : head.substr(first);
}

bool looks_html(std::string_view start) {
    const std::string lower = lower_ascii(start.substr(0, kSniffBytes));
    if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0) {
        return true;
    }
    if (lower.rfind("<", 0) != 0) {
        return false;  // text that merely mentions a tag later on
    }
    for (const char* tag : {"<html", "<head", "<body", "<title", "<div", "<p>", "<meta"}) {
        if (lower.find(tag) != std::string::npos) {
            return true;
        }
    }
    return false;
}

bool looks_jsonl(std::string_view start) {
    if (start.empty() || start.front() != '{') {
        return false;
    }
    std::string_view first_line = start.substr(0, start.find('\n'));
    while (!first_line.empty() && std::isspace(static_cast<unsigned char>(first_line.back()))) {
        first_line.remove_suffix(1);
    }
    // A whole object on the first line (or a first line cut by the sniff window).
    return first_line.size() >= 2 && (first_line.back() == '}' || first_line.size() == start.size())
           && first_line.find('"') != std::string_view::npos;
}

bool looks_markdown(std::string_view start) {
    std::size_t signals = 0;
    std::size_t pos = 0;
    while (pos < start.size()) {
        std::size_t end = start.find('\n', pos);
        if (end == std::string_view::npos) {
            end = start.size();
        }
        const std::string_view line = start.substr(pos, end - pos);
        std::size_t hashes = 0;
        while (hashes < line.size() && line[hashes] == '#') {
            ++hashes;
        }
        if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') {
            signals += 2;
        }
        if (line.rfind("```", 0) == 0) {
            signals += 2;
        }
        if (line.find("](") != std::string_view::npos) {
            ++signals;
        }
        if (line.find("**") != std::string_view::npos) {
            ++signals;
        }
        pos = end + 1;
    }
    return signals >= 2;
}

}  // namespace

bool is_asset_file(const std::filesystem::path& path) {
    const std::string extension = lower_ascii(path.extension().string());
    for (const char* asset : {".css",
                              ".js",
                              ".mjs",
                              ".map",
                              ".svg",
                              ".svgz",
                              ".xpm",
                              ".xbm",
                              ".woff",
                              ".woff2",
                              ".ttf",
                              ".otf",
                              ".eot"}) {
        if (extension == asset) {
            return true;
        }
    }
    return false;
}

Format detect_format(const std::filesystem::path& path, std::string_view head_bytes) {
    const std::string_view start = skip_bom_and_space(head_bytes.substr(0, kSniffBytes));
    if (head_bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
        return Format::Pdf;
    }
    if (looks_html(start)) {
        return Format::Html;
    }
    if (looks_jsonl(start)) {
        return Format::JsonLines;
    }
    const std::string extension = lower_ascii(path.extension().string());
    if (extension == ".md" || extension == ".markdown" || extension == ".mdown"
        || extension == ".mkd") {
        return Format::Markdown;
    }
    if (extension == ".html" || extension == ".htm" || extension == ".xhtml") {
        return Format::Html;
    }
    if (extension == ".pdf") {
        return Format::Pdf;
    }
    if (extension == ".jsonl" || extension == ".ndjson") {
        return Format::JsonLines;
    }
    if (extension == ".txt" || extension == ".text") {
        return Format::Text;
    }
    return looks_markdown(start) ? Format::Markdown : Format::Text;
}

}  // namespace iskra::ingest
