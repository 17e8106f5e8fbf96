#include "iskra/ingest/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <deque>
#include <future>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>

#include "iskra/ingest/html_reader.hpp"
#include "iskra/ingest/jsonl_reader.hpp"
#include "iskra/ingest/markdown_reader.hpp"
#include "iskra/ingest/pdf_reader.hpp"
#include "iskra/ingest/text_reader.hpp"
#include "iskra/ingest/utf16_decoder.hpp"
#include "iskra/text/utf8.hpp"
#include "iskra/util/file.hpp"

// Document ids: a file given directly keeps the path as given ("data/seeds/001.txt"); a file
// found in a directory is "<directory name>/<path relative to it>" ("seeds/001.txt"), so the
// same collection indexed from another working directory gets the same ids. JSONL records use
// their "id" field; chunks of huge text files add "#2", "#3"...

namespace iskra::ingest {

namespace {

constexpr std::size_t kHeadBytes = 64 << 10;

Status stat_error(const std::filesystem::path& path, int error_number) {
    const std::string message = path.string() + ": " + util::errno_message(error_number);
    if (error_number == ENOENT || error_number == ENOTDIR) {
        return Status::not_found(message);
    }
    return Status::io_error(message);
}

std::uint64_t mtime_ns(const struct stat& info) {
    return static_cast<std::uint64_t>(info.st_mtim.tv_sec) * 1'000'000'000ull
           + static_cast<std::uint64_t>(info.st_mtim.tv_nsec);
}

Result<std::string> read_head(util::File& file, std::uint64_t size) {
    std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(size, kHeadBytes)), '\0');
    std::size_t filled = 0;
    while (filled < head.size()) {
        auto got =
            file.pread_some(std::span<char>(head.data() + filled, head.size() - filled), filled);
        if (!got.ok()) {
            return got.status();
        }
        if (*got == 0) {
            break;
        }
        filled += *got;
    }
    head.resize(filled);
    return head;
}

Result<Document> read_in_memory(Format format, std::string_view bytes, const SourceInfo& source) {
    switch (format) {
        case Format::Html:
            return read_html(bytes, source);
        case Format::Markdown:
            return read_markdown(bytes, source);
        case Format::Pdf:
            return read_pdf(bytes, source);
        case Format::Text:
        case Format::JsonLines:
            break;
    }
    return read_text(bytes, source);
}

class PathReader {
  public:
    PathReader(const ReadOptions& options, const DocumentSink& on_document, const SkipSink& on_skip)
        : options_(clamped(options)), on_document_(on_document), on_skip_(on_skip) {
        silence_poppler();
    }

    Status read_top(const std::filesystem::path& path) {
        Status status = read_path_or_dir(path);
        Status drained = drain();
        if (!status.ok()) {
            return status;
        }
        return !error_.ok() ? error_ : drained;
    }

  private:
    /// A PDF being parsed on a worker thread; documents are delivered in walk order.
    struct PendingPdf {
        std::filesystem::path path;
        std::future<Result<Document>> document;
    };

    Status read_path_or_dir(const std::filesystem::path& path);
    Status parse_pdf_ahead(const std::filesystem::path& path,
                           const SourceInfo& source,
                           std::string bytes);
    Status deliver_oldest_pdf();
    /// Delivers every pending PDF: called before anything else is handed on, to keep the order.
    Status drain() {
        while (!pending_.empty()) {
            ISKRA_TRY(deliver_oldest_pdf());
        }
        return Status::ok_status();
    }
    Status read_directory(const std::filesystem::path& dir, const std::string& id_prefix);
    Status read_file(const std::filesystem::path& path,
                     const std::string& id,
                     const struct stat& info);
    Status read_file_contents(util::File& file, const SourceInfo& source, std::uint64_t size);
    Status read_utf16(const SourceInfo& source, std::uint64_t size);
    void skip(const std::filesystem::path& path, Status reason) {
        if (error_.ok()) {
            error_ = drain();  // a sink error stops the walk at the next file
        }
        on_skip_(Skipped{path, std::move(reason)});
    }

    // Document text offsets are 32-bit: no document (chunk, structured file or JSONL line) may
    // reach 4 GiB, whatever the caller asks.
    static ReadOptions clamped(ReadOptions options) {
        constexpr std::uint64_t kMaxDocumentBytes = std::uint64_t{1} << 30;
        options.chunk_bytes = std::clamp<std::uint64_t>(options.chunk_bytes, 64, kMaxDocumentBytes);
        options.max_structured_file_bytes =
            std::min(options.max_structured_file_bytes, kMaxDocumentBytes);
        return options;
    }

    const ReadOptions options_;
    const DocumentSink& on_document_;
    const SkipSink& on_skip_;
    std::set<std::pair<dev_t, ino_t>> visited_dirs_;  // follows symlinks without looping
    std::deque<PendingPdf> pending_;
    Status error_ = Status::ok_status();  // a sink error met while draining from skip()
};

Status PathReader::read_path_or_dir(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        skip(path, stat_error(path, errno));
        return Status::ok_status();
    }
    if (S_ISDIR(info.st_mode)) {
        std::string name = path.filename().string();
        if (name.empty() && path.has_parent_path()) {
            name = path.parent_path().filename().string();  // "corpus/" names "corpus"
        }
        if (name.empty() || name == "." || name == "..") {
            std::error_code error;
            name = std::filesystem::weakly_canonical(path, error).filename().string();
        }
        return read_directory(path, name);
    }
    return read_file(path, path.string(), info);
}

Status PathReader::read_directory(const std::filesystem::path& dir, const std::string& id_prefix) {
    struct stat info {};
    if (::stat(dir.c_str(), &info) != 0) {
        skip(dir, stat_error(dir, errno));
        return Status::ok_status();
    }
    if (!visited_dirs_.insert({info.st_dev, info.st_ino}).second) {
        return Status::ok_status();  // a symlink loop or a second link to a directory seen
    }
    std::error_code error;
    std::vector<std::string> names;
    for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end;
         it.increment(error)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] != '.') {
            names.push_back(std::move(name));
        }
    }
    if (error) {
        skip(dir, Status::io_error(dir.string() + ": " + error.message()));
        return Status::ok_status();
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        const std::filesystem::path child = dir / name;
        const std::string id = id_prefix.empty() ? name : id_prefix + "/" + name;
        struct stat child_info {};
        if (::stat(child.c_str(), &child_info) != 0) {
            skip(child, stat_error(child, errno));  // e.g. a dangling symlink
            continue;
        }
        if (S_ISDIR(child_info.st_mode)) {
            ISKRA_TRY(read_directory(child, id));
        } else {
            ISKRA_TRY(read_file(child, id, child_info));
        }
        if (!error_.ok()) {
            return error_;
        }
    }
    return Status::ok_status();
}

Status PathReader::read_file(const std::filesystem::path& path,
                             const std::string& id,
                             const struct stat& info) {
    if (!S_ISREG(info.st_mode)) {
        skip(path, Status::unsupported(path.string() + ": not a regular file"));
        return Status::ok_status();
    }
    auto file = util::File::open_read(path);
    if (!file.ok()) {
        skip(path, file.status());
        return Status::ok_status();
    }
    SourceInfo source;
    source.id = id;
    source.source_path = path.string();
    source.file_name = path.filename().string();
    source.mtime_ns = mtime_ns(info);
    return read_file_contents(*file, source, static_cast<std::uint64_t>(info.st_size));
}

Status PathReader::read_file_contents(util::File& file,
                                      const SourceInfo& source,
                                      std::uint64_t size) {
    const std::filesystem::path path = source.source_path;
    if (is_asset_file(path)) {
        skip(path,
             Status::unsupported(source.source_path
                                 + ": style sheet, script, font or image, not a document"));
        return Status::ok_status();
    }
    auto head = read_head(file, size);
    if (!head.ok()) {
        skip(path, head.status().with_context(source.source_path));
        return Status::ok_status();
    }
    if (has_utf16_bom(*head)) {
        ISKRA_TRY(drain());
        return read_utf16(source, size);
    }
    const Format format = detect_format(path, *head);
    if (format != Format::Pdf) {
        ISKRA_TRY(drain());
    }
    if (format != Format::Pdf && text::looks_binary(head->substr(0, 8192))) {
        skip(path, Status::unsupported(source.source_path + ": binary file"));
        return Status::ok_status();
    }
    if (format == Format::JsonLines) {
        const Status status = read_jsonl_file(file, source, options_, on_document_, on_skip_);
        if (!status.ok() && status.code() == StatusCode::IoError) {
            skip(path, status);
            return Status::ok_status();
        }
        return status;
    }
    if (format == Format::Text && size > options_.chunk_bytes) {
        return read_text_chunks(file, source, options_.chunk_bytes, on_document_);
    }
    if (format != Format::Text && size > options_.max_structured_file_bytes) {
        skip(path,
             Status::resource_exhausted(source.source_path + ": " + std::to_string(size) + "-byte "
                                        + format_name(format) + " file is over the limit"));
        return Status::ok_status();
    }
    auto bytes =
        util::read_file(path, std::max(options_.max_structured_file_bytes, options_.chunk_bytes));
    if (!bytes.ok()) {
        skip(path, bytes.status());
        return Status::ok_status();
    }
    if (format == Format::Pdf && options_.pdf_parse_ahead > 0) {
        return parse_pdf_ahead(path, source, bytes.take());
    }
    auto doc = read_in_memory(format, *bytes, source);
    if (!doc.ok()) {
        skip(path, doc.status());
        return Status::ok_status();
    }
    return on_document_(doc.take());
}

Status PathReader::parse_pdf_ahead(const std::filesystem::path& path,
                                   const SourceInfo& source,
                                   std::string bytes) {
    pending_.push_back({path, std::async(std::launch::async, [bytes = std::move(bytes), source] {
                            return extract_pdf(bytes, source);
                        })});
    while (pending_.size() > options_.pdf_parse_ahead) {
        ISKRA_TRY(deliver_oldest_pdf());
    }
    return Status::ok_status();
}

Status PathReader::deliver_oldest_pdf() {
    PendingPdf pdf = std::move(pending_.front());
    pending_.pop_front();
    Result<Document> doc = pdf.document.get();
    if (!doc.ok()) {
        on_skip_(Skipped{pdf.path, doc.status()});
        return Status::ok_status();
    }
    return on_document_(doc.take());
}

// UTF-16 files are decoded whole, then read as their content says. The decoded text no longer
// lines up with the file's bytes, so every run maps to the whole file.
Status PathReader::read_utf16(const SourceInfo& source, std::uint64_t size) {
    const std::filesystem::path path = source.source_path;
    if (size > options_.max_structured_file_bytes) {
        skip(path, Status::resource_exhausted(source.source_path + ": UTF-16 file over the limit"));
        return Status::ok_status();
    }
    auto bytes = util::read_file(path, options_.max_structured_file_bytes);
    if (!bytes.ok()) {
        skip(path, bytes.status());
        return Status::ok_status();
    }
    std::size_t replaced = 0;
    const std::string decoded = utf16_to_utf8(*bytes, replaced);
    Format format = detect_format(path, decoded);
    if (format == Format::Pdf || format == Format::JsonLines) {
        format = Format::Text;
    }
    auto doc = read_in_memory(format, decoded, source);
    if (!doc.ok()) {
        skip(path, doc.status());
        return Status::ok_status();
    }
    Document fixed = new_document(source, format, *bytes);
    fixed.title = std::move(doc->title);
    fixed.text = std::move(doc->text);
    fixed.invalid_utf8_replaced = doc->invalid_utf8_replaced + replaced;
    if (!fixed.text.empty()) {
        fixed.offsets.push_back(
            {0, static_cast<std::uint32_t>(fixed.text.size()), 0, bytes->size()});
    }
    return on_document_(std::move(fixed));
}

}  // namespace

Status read_path(const std::filesystem::path& path,
                 const ReadOptions& options,
                 const DocumentSink& on_document,
                 const SkipSink& on_skip) {
    PathReader reader(options, on_document, on_skip);
    return reader.read_top(path);
}

}  // namespace iskra::ingest
