#include "iskra/index/deletes_file.hpp"

#include <exception>
#include <string>
#include <vector>

#include <roaring/roaring.hh>

#include "iskra/index/footer.hpp"
#include "iskra/util/checksum.hpp"
#include "iskra/util/file.hpp"

namespace iskra::index {

Result<std::uint32_t> write_deletes_file(const std::filesystem::path& path,
                                         const DeletedDocs& deleted) {
    std::vector<std::uint32_t> docs;
    docs.reserve(deleted.count());
    deleted.for_each([&](DocId doc) { docs.push_back(doc); });
    Roaring bitmap(docs.size(), docs.data());
    bitmap.runOptimize();
    std::string bytes(bitmap.getSizeInBytes(true), '\0');
    bitmap.write(bytes.data(), true);
    std::uint32_t crc = util::crc32c(bytes);
    append_footer(bytes);
    ISKRA_TRY(util::write_file_durable(path, bytes));
    return crc;
}

Result<DeletedDocs> read_deletes_file(const std::filesystem::path& path, DocId doc_count) {
    auto bytes = util::read_file(path);
    ISKRA_TRY(bytes);
    auto content = read_footer(*bytes, path.string(), true);
    ISKRA_TRY(content);
    DeletedDocs deleted(doc_count);
    try {
        Roaring bitmap = Roaring::readSafe(content->data(), content->size());
        for (std::uint32_t doc : bitmap) {
            if (doc >= doc_count) {
                return Status::corruption(path.string() + ": deleted document "
                                          + std::to_string(doc) + " is out of range");
            }
            deleted.insert(doc);
        }
    } catch (const std::exception& e) {
        return Status::corruption(path.string() + ": bad roaring bitmap: " + e.what());
    }
    return deleted;
}

}  // namespace iskra::index
