// Every read endpoint of /api/v1/ on the seed collection, through a real HTTP client.
#include <chrono>
#include <string>
#include <thread>

#include "server_test_support.hpp"

namespace iskra::testing {
namespace {

using nlohmann::json;

class ApiRoutesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = seed_server();
        ASSERT_NE(server_, nullptr);
    }
    json get(const std::string& path, int expected_status = 200) {
        auto client = server_->client();
        auto result = client.Get(path);
        EXPECT_TRUE(result);
        if (!result) {
            return nullptr;
        }
        EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
        EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
        return body_json(result);
    }
    json post(const std::string& path, const json& body) {
        auto client = server_->client();
        auto result = client.Post(path, body.dump(), "application/json");
        EXPECT_TRUE(result);
        if (!result) {
            return nullptr;
        }
        EXPECT_EQ(result->status, 200) << path << ": " << result->body;
        return body_json(result);
    }
    /// The id and a sentence index of the best hit for `query`.
    std::pair<std::string, int> first_hit(const std::string& query) {
        auto response = get("/api/v1/search?q=" + query);
        EXPECT_FALSE(response["hits"].empty());
        if (response["hits"].empty()) {
            return {};
        }
        const auto& sentence = response["hits"][0]["snippets"][0]["sentence"];
        return {response["hits"][0]["doc_id"], sentence["sentence_index"]};
    }

    std::unique_ptr<TestServer> server_;
};

TEST_F(ApiRoutesTest, HealthSaysOk) {
    auto body = get("/api/v1/health");
    EXPECT_EQ(body["status"], "ok");
}

TEST_F(ApiRoutesTest, SearchByGetFindsSeedDocumentsWithSnippets) {
    auto body = get("/api/v1/search?q=Trotsky&k=3");
    EXPECT_EQ(body["query"], "Trotsky");
    EXPECT_GT(body["total_hits"].get<int>(), 0);
    ASSERT_FALSE(body["hits"].empty());
    EXPECT_LE(body["hits"].size(), 3u);
    const auto& hit = body["hits"][0];
    EXPECT_FALSE(hit["doc_id"].get<std::string>().empty());
    ASSERT_FALSE(hit["snippets"].empty());
    EXPECT_TRUE(hit["snippets"][0]["highlights"].is_array());
    EXPECT_TRUE(hit["snippets"][0]["sentence"]["text"].is_string());
}

TEST_F(ApiRoutesTest, SearchByPostGivesTheSameHitsAsGet) {
    auto by_get = get("/api/v1/search?q=exile&k=5");
    auto by_post = post("/api/v1/search", {{"q", "exile"}, {"k", 5}});
    ASSERT_EQ(by_get["hits"].size(), by_post["hits"].size());
    for (std::size_t hit_idx = 0; hit_idx < by_get["hits"].size(); ++hit_idx) {
        EXPECT_EQ(by_get["hits"][hit_idx]["doc_id"], by_post["hits"][hit_idx]["doc_id"]);
    }
}

TEST_F(ApiRoutesTest, AskAnswersWithSupportingSentences) {
    auto body = get("/api/v1/ask?q=When%20was%20Leon%20Trotsky%20born%3F");
    EXPECT_EQ(body["question"], "When was Leon Trotsky born?");
    ASSERT_TRUE(body["status"] == "answered" || body["status"] == "not_found") << body.dump();
    EXPECT_TRUE(body["confidence"].is_number());
    if (body["status"] == "answered") {
        ASSERT_TRUE(body["answer"].is_object());
        EXPECT_FALSE(body["answer"]["support"].empty());
        EXPECT_FALSE(body["answer"]["support"][0]["sentence"]["doc_id"].get<std::string>().empty());
    } else {
        EXPECT_TRUE(body["closest"].is_array());
    }
    auto by_post = post("/api/v1/ask", {{"q", "When was Leon Trotsky born?"}});
    EXPECT_EQ(by_post["status"], body["status"]);
}

TEST_F(ApiRoutesTest, TimelineListsDatedEventsWithinTheRange) {
    auto body = get("/api/v1/timeline?from=1900&to=1950");
    ASSERT_TRUE(body["events"].is_array());
    EXPECT_EQ(body["count"], body["events"].size());
    for (const auto& event : body["events"]) {  // events and ranges overlapping the years
        int end_year = event["end_date"].is_object() ? event["end_date"]["year"].get<int>()
                                                     : event["date"]["year"].get<int>();
        EXPECT_GE(end_year, 1900) << event.dump();
        EXPECT_LE(event["date"]["year"].get<int>(), 1950) << event.dump();
    }
    auto all = get("/api/v1/timeline");
    EXPECT_FALSE(all["events"].empty());
}

TEST_F(ApiRoutesTest, EntitiesAndEntityDetail) {
    auto list = get("/api/v1/entities?type=person&limit=20");
    ASSERT_FALSE(list["entities"].empty());
    EXPECT_LE(list["entities"].size(), 20u);
    for (const auto& entity : list["entities"]) {
        EXPECT_EQ(entity["type"], "person");
    }
    std::string name = list["entities"][0]["name"];
    auto detail = post("/api/v1/entity", {{"name", name}});
    EXPECT_EQ(detail["entity"]["name"], name);
    EXPECT_TRUE(detail["related"].is_array());
    EXPECT_TRUE(detail["offices"].is_array());
}

TEST_F(ApiRoutesTest, UnknownEntityIsNotFound) {
    auto body = get("/api/v1/entity?name=Nobody%20Xyzzy%20Quux", 404);
    EXPECT_EQ(body["error"]["code"], "not_found");
}

TEST_F(ApiRoutesTest, QuizGivesQuestionsWithChoicesAndSources) {
    auto body = get("/api/v1/quiz?count=3&seed=7");
    ASSERT_TRUE(body["questions"].is_array());
    EXPECT_LE(body["questions"].size(), 3u);
    for (const auto& question : body["questions"]) {
        EXPECT_GE(question["choices"].size(), 2u);
        EXPECT_LT(question["answer_index"].get<std::size_t>(), question["choices"].size());
        EXPECT_FALSE(question["source"]["doc_id"].get<std::string>().empty());
    }
    EXPECT_EQ(get("/api/v1/quiz?count=3&seed=7"), body);  // same seed, same quiz
}

TEST_F(ApiRoutesTest, DocumentMarksTheRequestedSentences) {
    auto [doc_id, sentence_index] = first_hit("Coyoacan");
    ASSERT_FALSE(doc_id.empty());
    auto path = "/api/v1/documents/" + httplib::detail::encode_query_param(doc_id);
    auto body = get(path + "?highlight=" + std::to_string(sentence_index));
    EXPECT_EQ(body["doc_id"], doc_id);
    EXPECT_FALSE(body["text"].get<std::string>().empty());
    int highlighted = 0;
    for (const auto& sentence : body["sentences"]) {
        if (sentence.value("highlighted", false)) {
            ++highlighted;
            EXPECT_EQ(sentence["sentence_index"], sentence_index);
        }
    }
    EXPECT_EQ(highlighted, 1);
}

TEST_F(ApiRoutesTest, UnknownDocumentIsNotFound) {
    auto body = get("/api/v1/documents/no-such-document", 404);
    EXPECT_EQ(body["error"]["code"], "not_found");
}

TEST_F(ApiRoutesTest, StatsCountTheFiveSeeds) {
    auto body = get("/api/v1/stats");
    EXPECT_EQ(body["documents"], 5);
    EXPECT_GT(body["sentences"].get<int>(), 0);
}

TEST_F(ApiRoutesTest, MetricsCountRequestsByRouteAndStatus) {
    get("/api/v1/search?q=Lenin");
    get("/api/v1/nothing-here", 404);
    // A request is counted just after its response is sent: poll until both are in.
    std::string text;
    const std::string search_count =
        "iskra_http_requests_total{route=\"/api/v1/search\",status=\"200\"} 1";
    const std::string other_count = "route=\"other\",status=\"404\"} 1";
    for (int attempt = 0; attempt < 200; ++attempt) {
        auto client = server_->client();
        auto result = client.Get("/metrics");
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200);
        text = result->body;
        if (text.find(search_count) != std::string::npos
            && text.find(other_count) != std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_NE(text.find(search_count), std::string::npos) << text;
    EXPECT_NE(text.find(other_count), std::string::npos) << text;
    EXPECT_NE(text.find("iskra_http_request_duration_seconds_bucket{route=\"/api/v1/search\","
                        "le=\"+Inf\"} 1"),
              std::string::npos)
        << text;
}

TEST_F(ApiRoutesTest, ThePageIsServedFromTheBinary) {
    auto client = server_->client();
    auto result = client.Get("/");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(result->body.find("<title>iskra"), std::string::npos);
    EXPECT_FALSE(result->get_header_value("Content-Security-Policy").empty());
}

}  // namespace
}  // namespace iskra::testing
