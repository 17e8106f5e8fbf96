#include "iskra/index/file_sink.hpp"

#include "iskra/index/footer.hpp"
#include "iskra/util/checksum.hpp"

namespace iskra::index {

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}

Result<FileSink> FileSink::create(const std::filesystem::path& path) {
    auto file = util::File::create(path);
    if (!file.ok()) {
        return file.status();
    }
    FileSink sink;
    sink.file_ = file.take();
    sink.buffer_.reserve(kBufferBytes);
    return sink;
}

FileSink FileSink::in_memory() {
    FileSink sink;
    sink.in_memory_ = true;
    return sink;
}

void FileSink::append(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kBufferBytes) {
        flush();
    }
}

void FileSink::flush() {
    if (buffer_.empty() || in_memory_) {
        return;
    }
    crc_ = util::crc32c(buffer_, crc_);
    if (status_.ok()) {
        status_ = file_.write_all(buffer_);
    }
    written_ += buffer_.size();
    buffer_.clear();
}

Status FileSink::finish() {
    if (in_memory_) {
        return Status::internal("an in-memory sink has no file to finish");
    }
    std::uint64_t content_size = size();
    flush();
    auto footer = make_footer(content_size, crc_);
    if (status_.ok()) {
        status_ = file_.write_all(footer);
    }
    ISKRA_TRY(status_);
    ISKRA_TRY(file_.sync());
    return file_.close();
}

}  // namespace iskra::index
