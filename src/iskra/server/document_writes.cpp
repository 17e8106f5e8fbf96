// The write half of ApiRoutes: POST /api/v1/documents and DELETE /api/v1/documents/{id}.
// Off unless the server was started with allow_writes, and then guarded by a bearer token.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <stdlib.h>

#include "iskra/json.hpp"
#include "iskra/server/api_routes.hpp"
#include "iskra/server/error_mapping.hpp"
#include "iskra/server/request_fields.hpp"

namespace iskra::server {

namespace {

// Compares in time independent of where the strings differ, so the token cannot be guessed
// byte by byte from response times.
bool constant_time_equal(std::string_view given, std::string_view expected) {
    if (expected.empty() || given.size() != expected.size()) {
        return false;  // the length is not a secret worth hiding
    }
    unsigned char diff = 0;
    for (std::size_t char_idx = 0; char_idx < expected.size(); ++char_idx) {
        diff |= static_cast<unsigned char>(given[char_idx] ^ expected[char_idx]);
    }
    return diff == 0;
}

// A private directory under the system temp dir, removed with its content on destruction.
class UploadDir {
  public:
    UploadDir() {
        auto pattern = (std::filesystem::temp_directory_path() / "iskra-upload-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) {
            path_ = pattern;
        }
    }
    ~UploadDir() {
        std::error_code ec;
        if (!path_.empty()) {
            std::filesystem::remove_all(path_, ec);
        }
    }
    UploadDir(const UploadDir&) = delete;
    UploadDir& operator=(const UploadDir&) = delete;
    UploadDir(UploadDir&&) = delete;
    UploadDir& operator=(UploadDir&&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// The engine ingests files; inline documents become one JSON Lines file, whose records keep
// their ids and titles (the JSONL reader takes "id", "title" and "text").
Result<std::filesystem::path> write_jsonl(const UploadDir& dir,
                                          const std::vector<InlineDocument>& documents) {
    if (dir.path().empty()) {
        return Status::io_error("cannot create a temporary directory for the upload");
    }
    auto file = dir.path() / "documents.jsonl";
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (const auto& document : documents) {
        nlohmann::json record = {
            {"id", document.id}, {"title", document.title}, {"text", document.text}};
        out << dump_json(record) << '\n';
    }
    out.close();
    if (!out) {
        return Status::io_error("cannot write " + file.string());
    }
    return file;
}

}  // namespace

Status ApiRoutes::authorize_write(const httplib::Request& req, httplib::Response& res) const {
    if (!options_.allow_writes) {
        set_error(res,
                  HttpError::Forbidden,
                  "writes are disabled; start the server with --allow-writes and a token");
        return Status::unsupported("writes disabled");
    }
    constexpr std::string_view kBearer = "Bearer ";
    auto header = req.get_header_value("Authorization");
    std::string_view given = header;
    if (!given.starts_with(kBearer)
        || !constant_time_equal(given.substr(kBearer.size()), options_.token)) {
        set_error(res, HttpError::Unauthorized, "missing or wrong bearer token");
        res.set_header("WWW-Authenticate", "Bearer");
        return Status::unsupported("unauthorized");
    }
    return {};
}

void ApiRoutes::add_documents(const httplib::Request& req, httplib::Response& res) {
    if (!authorize_write(req, res).ok()) {
        return;
    }
    auto body = json_body(req);
    if (!body.ok()) {
        set_error(res, body.status());
        return;
    }
    auto documents = inline_documents_from_json(*body);
    if (!documents.ok()) {
        set_error(res, documents.status());
        return;
    }
    UploadDir dir;
    auto file = write_jsonl(dir, *documents);
    if (!file.ok()) {
        set_error(res, file.status());
        return;
    }
    std::lock_guard lock(write_mutex_);
    auto stats = engine_.add({*file});
    if (!stats.ok()) {
        set_error(res, stats.status());
        return;
    }
    auto out = to_json(*stats);
    out["ids"] = nlohmann::json::array();
    for (const auto& document : *documents) {
        out["ids"].push_back(document.id);
    }
    res.status = 200;
    res.set_content(dump_json(out), "application/json");
}

void ApiRoutes::remove_document(const httplib::Request& req, httplib::Response& res) {
    if (!authorize_write(req, res).ok()) {
        return;
    }
    std::string doc_id = req.matches[1];
    std::lock_guard lock(write_mutex_);
    auto removed = engine_.remove({doc_id});
    if (!removed.ok()) {
        set_error(res, removed.status());
        return;
    }
    if (*removed == 0) {
        set_error(res, Status::not_found("no document with id '" + doc_id + "'"));
        return;
    }
    res.status = 200;
    res.set_content(dump_json({{"removed", *removed}, {"id", doc_id}}), "application/json");
}

}  // namespace iskra::server
