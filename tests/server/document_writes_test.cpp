// POST /api/v1/documents and DELETE /api/v1/documents/{id} on a writable collection.
#include <string>

#include "server_test_support.hpp"
#include "support/temp_dir.hpp"

namespace iskra::testing {
namespace {

using nlohmann::json;

class DocumentWritesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto engine = Engine::open(dir_.path() / "collection", {.create_if_missing = true});
        ASSERT_TRUE(engine.ok()) << engine.status().to_string();
        ServerOptions options;
        options.allow_writes = true;
        options.token = "s3cret-token";
        server_ = std::make_unique<TestServer>(engine.take(), options);
    }
    httplib::Headers auth(const std::string& token = "s3cret-token") {
        return {{"Authorization", "Bearer " + token}};
    }

    TempDir dir_{"iskra-server-writes"};
    std::unique_ptr<TestServer> server_;
};

constexpr const char* kDocument =
    R"({"id": "note-1", "title": "A note", "text": "The quokka lives on Rottnest Island. It was described in 1830."})";

TEST_F(DocumentWritesTest, MissingOrWrongTokenIsUnauthorized) {
    auto client = server_->client();
    expect_json_error(
        client.Post("/api/v1/documents", kDocument, "application/json"), 401, "unauthorized");
    expect_json_error(
        client.Post("/api/v1/documents", auth("s3cret-tokeN"), kDocument, "application/json"),
        401,
        "unauthorized");
    expect_json_error(client.Delete("/api/v1/documents/note-1", auth("")), 401, "unauthorized");
}

TEST_F(DocumentWritesTest, AddedDocumentIsSearchableAndRemovable) {
    auto client = server_->client();
    // Asked before the add: the cached "no hits" must not outlive the commit.
    EXPECT_TRUE(body_json(client.Get("/api/v1/search?q=quokka"))["hits"].empty());
    auto added = client.Post("/api/v1/documents", auth(), kDocument, "application/json");
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 200) << added->body;
    auto stats = body_json(added);
    EXPECT_EQ(stats["documents_added"], 1);
    EXPECT_EQ(stats["ids"], json::array({"note-1"}));

    auto found = body_json(client.Get("/api/v1/search?q=quokka"));
    ASSERT_EQ(found["hits"].size(), 1u) << found.dump();
    EXPECT_EQ(found["hits"][0]["doc_id"], "note-1");
    auto document = body_json(client.Get("/api/v1/documents/note-1"));
    EXPECT_EQ(document["title"], "A note");

    auto removed = client.Delete("/api/v1/documents/note-1", auth());
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->status, 200) << removed->body;
    EXPECT_TRUE(body_json(client.Get("/api/v1/search?q=quokka"))["hits"].empty());
    expect_json_error(client.Delete("/api/v1/documents/note-1", auth()), 404, "not_found");
}

TEST_F(DocumentWritesTest, BatchAddAndBadBatches) {
    auto client = server_->client();
    auto batch = R"({"documents": [{"id": "a", "text": "Alpha text about wombats."},
                                   {"id": "b", "text": "Beta text about numbats."}]})";
    auto added = client.Post("/api/v1/documents", auth(), batch, "application/json");
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 200) << added->body;
    EXPECT_EQ(body_json(added)["documents_added"], 2);
    expect_json_error(
        client.Post("/api/v1/documents", auth(), R"({"documents": []})", "application/json"),
        400,
        "invalid_argument");
    expect_json_error(
        client.Post("/api/v1/documents", auth(), R"({"id": 5, "text": "x"})", "application/json"),
        400,
        "invalid_argument");
    expect_json_error(
        client.Post("/api/v1/documents", auth(), "id=a", "text/plain"), 415, "unsupported");
}

}  // namespace
}  // namespace iskra::testing
