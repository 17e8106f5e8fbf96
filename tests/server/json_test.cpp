#include "iskra/json.hpp"

#include <gtest/gtest.h>

namespace iskra {
namespace {

using nlohmann::json;

SentenceRef sample_sentence() {
    SentenceRef sentence;
    sentence.doc_id = "doc-1";
    sentence.title = "A title";
    sentence.source_path = "data/doc-1.txt";
    sentence.sentence_index = 3;
    sentence.text = "He was born in 1879.";
    sentence.text_begin = 10;
    sentence.text_end = 30;
    sentence.quality = 0.9f;
    sentence.flags = {"duplicate"};
    return sentence;
}

TEST(Json, SentenceRefHasEveryField) {
    auto out = to_json(sample_sentence());
    EXPECT_EQ(out["doc_id"], "doc-1");
    EXPECT_EQ(out["sentence_index"], 3);
    EXPECT_EQ(out["text_end"], 30);
    EXPECT_DOUBLE_EQ(out["quality"].get<double>(), 0.9);
    EXPECT_EQ(out["flags"], json::array({"duplicate"}));
}

TEST(Json, SearchResponseCarriesHitsAndHighlights) {
    SearchResponse response;
    response.query = "born";
    response.total_hits = 1;
    SearchHit hit;
    hit.doc_id = "doc-1";
    hit.score = 1.23456789;
    hit.snippets.push_back({sample_sentence(), {{7, 11}}});
    response.hits.push_back(hit);
    auto out = to_json(response);
    EXPECT_EQ(out["total_hits"], 1);
    EXPECT_DOUBLE_EQ(out["hits"][0]["score"].get<double>(), 1.2346);
    EXPECT_EQ(out["hits"][0]["snippets"][0]["highlights"], json::parse("[[7,11]]"));
    EXPECT_EQ(out["hits"][0]["snippets"][0]["sentence"]["text"], "He was born in 1879.");
}

TEST(Json, AskResponseWithoutAnswerHasNullAnswer) {
    AskResponse response;
    response.question = "when?";
    response.status = "not_found";
    response.closest.push_back({sample_sentence(), 0.5});
    auto out = to_json(response);
    EXPECT_TRUE(out["answer"].is_null());
    EXPECT_EQ(out["status"], "not_found");
    EXPECT_EQ(out["closest"].size(), 1u);
}

TEST(Json, DocumentViewMarksHighlightedSentences) {
    DocumentView view;
    view.doc_id = "doc-1";
    view.sentences.push_back(sample_sentence());
    auto second = sample_sentence();
    second.sentence_index = 4;
    view.sentences.push_back(second);
    std::vector<std::uint32_t> highlight = {4};
    auto out = to_json(view, highlight);
    EXPECT_FALSE(out["sentences"][0].contains("highlighted"));
    EXPECT_EQ(out["sentences"][1]["highlighted"], true);
    EXPECT_EQ(out["highlight"], json::array({4}));
}

TEST(Json, EntityListAndQuizAreWrappedInObjects) {
    std::vector<Entity> entities(2);
    EXPECT_EQ(to_json(entities)["count"], 2);
    std::vector<QuizQuestion> questions(1);
    EXPECT_EQ(to_json(questions)["questions"].size(), 1u);
}

TEST(Json, ErrorJsonUsesSnakeCaseCodes) {
    auto out = error_json(Status::invalid_argument("q: required"));
    EXPECT_EQ(out["error"]["code"], "invalid_argument");
    EXPECT_EQ(out["error"]["message"], "q: required");
    EXPECT_EQ(error_json(Status::not_found("x"))["error"]["code"], "not_found");
}

TEST(Json, DumpReplacesInvalidUtf8InsteadOfThrowing) {
    json value = {{"text", std::string("a\xff")}};
    EXPECT_EQ(dump_json(value), "{\"text\":\"a\xEF\xBF\xBD\"}");
}

TEST(JsonRequest, SearchRequestParsesEveryField) {
    auto request = search_request_from_json(json::parse(
        R"({"q":"born","k":3,"offset":2,"exact_count":true,"show_noise":true,"snippets":false})"));
    ASSERT_TRUE(request.ok()) << request.status().to_string();
    EXPECT_EQ(request->query, "born");
    EXPECT_EQ(request->k, 3u);
    EXPECT_EQ(request->offset, 2u);
    EXPECT_TRUE(request->exact_count);
    EXPECT_TRUE(request->show_noise);
    EXPECT_FALSE(request->snippets);
}

TEST(JsonRequest, WrongTypesNameTheField) {
    auto bad_k = search_request_from_json(json::parse(R"({"q":"x","k":"ten"})"));
    ASSERT_FALSE(bad_k.ok());
    EXPECT_EQ(bad_k.status().code(), StatusCode::InvalidArgument);
    EXPECT_NE(bad_k.status().message().find("k:"), std::string::npos);
    auto bad_q = ask_request_from_json(json::parse(R"({"q":42})"));
    ASSERT_FALSE(bad_q.ok());
    EXPECT_NE(bad_q.status().message().find("q:"), std::string::npos);
    auto not_object = search_request_from_json(json::parse("[1,2]"));
    EXPECT_FALSE(not_object.ok());
}

TEST(JsonRequest, LimitsAreEnforced) {
    EXPECT_FALSE(search_request_from_json(json::parse(R"({"q":"x","k":1001})")).ok());
    EXPECT_FALSE(search_request_from_json(json::parse(R"({"q":"x","k":0})")).ok());
    EXPECT_FALSE(search_request_from_json(json::parse(R"({"q":""})")).ok());
    EXPECT_FALSE(search_request_from_json(json{{"q", std::string(1025, 'a')}}).ok());
    EXPECT_TRUE(search_request_from_json(json{{"q", std::string(1024, 'a')}}).ok());
}

TEST(JsonRequest, UnknownFieldsAreRefused) {
    auto request = ask_request_from_json(json::parse(R"({"q":"x","kk":3})"));
    ASSERT_FALSE(request.ok());
    EXPECT_NE(request.status().message().find("kk"), std::string::npos);
}

TEST(JsonRequest, InvalidUtf8IsRefused) {
    auto request = search_request_from_json(json{{"q", std::string("ab\xc3")}});
    ASSERT_FALSE(request.ok());
    EXPECT_NE(request.status().message().find("UTF-8"), std::string::npos);
}

TEST(JsonRequest, QueryStringValuesAreParsedFromText) {
    json params = {{"q", "1940"}, {"k", "7"}, {"exact_count", "true"}};
    auto request = search_request_from_json(params, FieldEncoding::QueryString);
    ASSERT_TRUE(request.ok()) << request.status().to_string();
    EXPECT_EQ(request->query, "1940");
    EXPECT_EQ(request->k, 7u);
    EXPECT_TRUE(request->exact_count);
    EXPECT_FALSE(
        search_request_from_json(json{{"q", "x"}, {"k", "7x"}}, FieldEncoding::QueryString).ok());
    // A JSON body must give numbers as numbers.
    EXPECT_FALSE(search_request_from_json(json{{"q", "x"}, {"k", "7"}}).ok());
}

TEST(JsonRequest, TimelineRangeIsChecked) {
    auto ok = timeline_request_from_json(json::parse(R"({"from":1900,"to":1940,"entity":"X"})"));
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(*ok->from_year, 1900);
    EXPECT_EQ(ok->entity, "X");
    EXPECT_FALSE(timeline_request_from_json(json::parse(R"({"from":1950,"to":1940})")).ok());
    EXPECT_FALSE(timeline_request_from_json(json::parse(R"({"from":"x"})")).ok());
}

TEST(JsonRequest, EntityQuizAndEntitiesRequests) {
    EXPECT_EQ(entity_request_from_json(json::parse(R"({"name":"A B"})"))->name, "A B");
    EXPECT_EQ(entity_request_from_json(json::parse(R"({"q":"A B"})"))->name, "A B");
    EXPECT_FALSE(entity_request_from_json(json::object()).ok());
    EXPECT_EQ(quiz_request_from_json(json::parse(R"({"count":3,"seed":9})"))->count, 3u);
    EXPECT_FALSE(quiz_request_from_json(json::parse(R"({"count":1000})")).ok());
    EXPECT_FALSE(quiz_request_from_json(json::parse(R"({"seed":-1})")).ok());
    EXPECT_EQ(entities_request_from_json(json::parse(R"({"type":"person"})"))->type, "person");
    EXPECT_FALSE(entities_request_from_json(json::parse(R"({"type":"planet"})")).ok());
}

TEST(JsonRequest, InlineDocumentsSingleAndBatch) {
    auto one = inline_documents_from_json(json::parse(R"({"id":"a","title":"T","text":"x"})"));
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->size(), 1u);
    auto batch = inline_documents_from_json(
        json::parse(R"({"documents":[{"id":"a","text":"x"},{"id":"b","text":"y"}]})"));
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ((*batch)[1].id, "b");
    auto missing = inline_documents_from_json(json::parse(R"({"documents":[{"text":"x"}]})"));
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.status().message().find("documents[0]"), std::string::npos);
}

TEST(JsonRequest, IndexListAndJsonText) {
    auto list = parse_index_list("3,17,18", "highlight");
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(*list, (std::vector<std::uint32_t>{3, 17, 18}));
    EXPECT_TRUE(parse_index_list("", "highlight")->empty());
    EXPECT_FALSE(parse_index_list("3,,4", "highlight").ok());
    EXPECT_FALSE(parse_index_list("-1", "highlight").ok());
    EXPECT_FALSE(parse_json_text("{\"q\":").ok());
    EXPECT_FALSE(parse_json_text("{\"q\":\"\xff\"}").ok());
    EXPECT_TRUE(parse_json_text(std::string(100000, '[') + std::string(100000, ']')).ok());
}

}  // namespace
}  // namespace iskra

namespace iskra {
namespace {

// Found by fuzz/json_request_fuzz: a number too large for a double made nlohmann throw
// out_of_range, which escaped parse_json_text and would have taken the server down.
TEST(Json, OverflowingNumberIsInvalidArgumentNotACrash) {
    auto parsed = parse_json_text(R"({"q": "x", "k": 9999999999999E999999999})");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), StatusCode::InvalidArgument);
}

}  // namespace
}  // namespace iskra
