#include "iskra/search/query_parser.hpp"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace iskra::search {
namespace {

struct ValidCase {
    std::string query;
    std::string parsed;
};

class QueryParserTest : public ::testing::Test {
  protected:
    text::Analyzer analyzer_;
};

TEST_F(QueryParserTest, ParsesValidQueries) {
    const ValidCase cases[] = {
        {"ice axe", "(ice axe)"},
        {"Coyoacán", "coyoacan"},
        {"running", "run"},
        {"\"ice axe\"", "\"ice axe\""},
        {"\"ice axe\"~3", "\"ice axe\"~3"},
        {"\"axe\"", "axe"},
        {"+ice axe", "(+ice axe)"},
        {"ice -pick", "(ice -pick)"},
        {"ice AND axe", "(+ice +axe)"},
        {"ice OR axe", "(ice axe)"},
        {"ice AND NOT pick", "(+ice -pick)"},
        {"a OR b AND c", "(a (+b +c))"},
        {"(a OR b) AND c", "(+(a b) +c)"},
        {"NOT a AND b", "(+b -a)"},
        {"x AND (NOT y)", "(+x -y)"},
        {"title:exile", "title:exil"},
        {"title:\"fourth international\"", "title:\"fourth intern\""},
        {"mexico title:exile", "(mexico title:exil)"},
        {"1940-08-21", "\"1940 08 21\""},
        {"  spaced   out  ", "(space out)"},
        {"axe , pick", "(axe pick)"},
        {"and or not", "(and or not)"},
        {"((deep))", "deep"},
    };
    for (const ValidCase& c : cases) {
        QueryParseOutcome outcome = parse_query_detailed(c.query, analyzer_);
        ASSERT_TRUE(outcome.ok()) << c.query << ": " << outcome.error->message;
        EXPECT_EQ(to_string(outcome.query), c.parsed) << c.query;
    }
}

struct InvalidCase {
    std::string query;
    std::uint32_t position;
    std::string message_part;
};

TEST_F(QueryParserTest, RefusesMalformedQueriesNamingThePosition) {
    const InvalidCase cases[] = {
        {"", 0, "empty query"},
        {"   ", 0, "empty query"},
        {"(ice axe", 0, "unbalanced parenthesis"},
        {"ice) axe", 3, "unbalanced parenthesis"},
        {"trotsky (ice axe", 8, "unbalanced parenthesis"},
        {"ice \"axe", 4, "unbalanced quote"},
        {"ice AND", 4, "dangling operator AND"},
        {"OR ice", 0, "dangling operator OR"},
        {"ice OR", 4, "dangling operator OR"},
        {"ice + axe", 4, "dangling operator '+'"},
        {"ice -", 4, "dangling operator '-'"},
        {"NOT", 0, "dangling operator NOT"},
        {"-ice", 0, "only negations"},
        {"NOT ice AND NOT axe", 0, "only negations"},
        {"a OR (NOT b AND NOT c)", 6, "only negations"},
        {"()", 0, "empty parentheses"},
        {"\"ice axe\"~", 9, "slop"},
        {"\"ice axe\"~99999999999", 9, "slop"},
        {"title:", 0, "after 'title:'"},
        {"...", 0, "no searchable terms"},
        {"\xff\xfe", 0, "UTF-8"},
    };
    for (const InvalidCase& c : cases) {
        QueryParseOutcome outcome = parse_query_detailed(c.query, analyzer_);
        ASSERT_FALSE(outcome.ok()) << c.query;
        EXPECT_EQ(outcome.error->position, c.position) << c.query << ": " << outcome.error->message;
        EXPECT_NE(outcome.error->message.find(c.message_part), std::string::npos)
            << c.query << ": " << outcome.error->message;
        EXPECT_NE(outcome.error->message.find("at position " + std::to_string(c.position)),
                  std::string::npos)
            << outcome.error->message;
        const Result<Query> result = parse_query(c.query, analyzer_);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.status().code(), StatusCode::InvalidArgument);
    }
}

TEST_F(QueryParserTest, RefusesOverlongQueries) {
    const std::string long_query(kMaxQueryBytes + 1, 'a');
    QueryParseOutcome outcome = parse_query_detailed(long_query, analyzer_);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error->position, kMaxQueryBytes);

    std::string many_terms;
    for (std::size_t i = 0; i <= kMaxQueryTerms; ++i) {
        many_terms += "w" + std::to_string(i) + " ";
    }
    outcome = parse_query_detailed(many_terms, analyzer_);
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error->message.find("more than " + std::to_string(kMaxQueryTerms) + " terms"),
              std::string::npos);
}

TEST_F(QueryParserTest, PositiveTermsSkipExcludedClauses) {
    Result<Query> query = parse_query("ice +axe -pick title:exile \"red army\"", analyzer_);
    ASSERT_TRUE(query.ok());
    const std::vector<QueryTerm> terms = positive_terms(*query);
    const std::vector<QueryTerm> expected = {{index::Field::All, "axe"},
                                             {index::Field::All, "ice"},
                                             {index::Field::Title, "exil"},
                                             {index::Field::All, "red"},
                                             {index::Field::All, "armi"}};
    EXPECT_EQ(terms, expected);
}

TEST_F(QueryParserTest, NeverCrashesOnRandomInput) {
    const std::string alphabet = "ab \"()+-~:ANDORNOTtitle1\xc3\xa1\xff";
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
        std::string query;
        const std::size_t size = rng() % 24;
        for (std::size_t j = 0; j < size; ++j) {
            query += alphabet[rng() % alphabet.size()];
        }
        QueryParseOutcome outcome = parse_query_detailed(query, analyzer_);
        if (outcome.ok()) {
            ASSERT_FALSE(outcome.query.nodes.empty()) << query;
            ASSERT_LT(outcome.query.root, outcome.query.nodes.size()) << query;
        } else {
            ASSERT_LE(outcome.error->position, query.size()) << query;
        }
    }
}

}  // namespace
}  // namespace iskra::search
