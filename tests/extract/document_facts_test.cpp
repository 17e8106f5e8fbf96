#include "iskra/extract/document_facts.hpp"

#include <string>

#include <gtest/gtest.h>

#include "iskra/text/sentence_splitter.hpp"

namespace iskra::extract {
namespace {

DocumentFacts extract(const std::string& text) {
    auto spans = text::split_sentences(text);
    return extract_document(text, spans);
}

TEST(ExtractDocument, ResolvesRelativeDatesAgainstTheLastExplicitDate) {
    std::string text =
        "Trotsky was attacked on 20 August 1940. The next day, he died. Two months later the "
        "trial began.";
    auto facts = extract(text);
    ASSERT_EQ(facts.dates.size(), 3u);
    EXPECT_EQ(facts.dates[1].value.iso(), "1940-08-21");
    EXPECT_TRUE(facts.dates[1].resolved);
    EXPECT_EQ(facts.dates[1].sentence, 1u);
    EXPECT_EQ(facts.dates[2].value.iso(), "1940-10");
    EXPECT_TRUE(facts.dates[2].resolved);
    EXPECT_EQ(text.substr(facts.dates[0].begin, facts.dates[0].end_byte - facts.dates[0].begin),
              "20 August 1940");
}

TEST(ExtractDocument, LeavesUnsafeRelativeDatesUnresolved) {
    auto facts =
        extract("Stalin signed an agreement in 1940. The next day, Trotsky wrote a letter.");
    ASSERT_EQ(facts.dates.size(), 2u);
    EXPECT_FALSE(facts.dates[1].resolved) << "a year does not anchor 'the next day'";
    auto far = extract("It began in March 1921.\n\nThe next day was calm.");
    ASSERT_EQ(far.dates.size(), 2u);
    EXPECT_FALSE(far.dates[1].resolved) << "a new passage has no anchor";
}

TEST(ExtractDocument, GivesYearlessDatesTheYearOfTheirPassage) {
    auto facts = extract("The strike began in 1905. On 9 January the troops fired.");
    ASSERT_EQ(facts.dates.size(), 2u);
    EXPECT_TRUE(facts.dates[1].resolved);
    EXPECT_EQ(facts.dates[1].value.iso(), "1905-01-09");
}

TEST(ExtractDocument, FlagsLowerCaseText) {
    auto facts = extract(
        "trotsky joined soviet under name yanovsky after village born yanovka elected "
        "vice-chairman and then led the soviet through the strikes of that year with others");
    EXPECT_TRUE(facts.lower_case);
    EXPECT_TRUE(facts.entities.empty());
    ASSERT_EQ(facts.aliases.size(), 1u);
    EXPECT_EQ(facts.aliases[0].alias, "yanovsky");
    EXPECT_FALSE(extract("Leon Trotsky joined the Soviet as Yanovsky.").lower_case);
}

TEST(FactsCodec, RoundTripsEveryField) {
    auto facts = extract(
        "Leon Trotsky, born Lev Davidovich Bronstein on 7 November [O.S. 26 October] 1879, "
        "served as people's commissar of foreign affairs from 1917 to 1918. The next day he "
        "left. As chairman of the Petrograd Soviet he led the rising.");
    ASSERT_FALSE(facts.dates.empty());
    ASSERT_FALSE(facts.entities.empty());
    ASSERT_FALSE(facts.aliases.empty());
    ASSERT_FALSE(facts.offices.empty());
    std::string blob = serialize(facts);
    auto back = deserialize(blob);
    ASSERT_TRUE(back.ok()) << back.status().to_string();
    EXPECT_EQ(serialize(*back), blob);
    ASSERT_EQ(back->dates.size(), facts.dates.size());
    EXPECT_EQ(back->dates[0].old_style, facts.dates[0].old_style);
    EXPECT_EQ(back->entities[0].surface, facts.entities[0].surface);
    EXPECT_EQ(back->offices[0].title, facts.offices[0].title);
    EXPECT_EQ(back->lower_case, facts.lower_case);
}

TEST(FactsCodec, RejectsDamagedBlobs) {
    auto facts = extract("Stalin died on 5 March 1953 in Moscow.");
    std::string blob = serialize(facts);
    for (std::size_t size = 0; size < blob.size(); ++size) {
        EXPECT_FALSE(deserialize(blob.substr(0, size)).ok()) << "truncated at " << size;
    }
    std::string wrong_version = blob;
    wrong_version[0] = 9;
    auto status = deserialize(wrong_version);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.status().code(), StatusCode::Corruption);
    EXPECT_FALSE(deserialize(blob + "x").ok());
    auto empty = deserialize(serialize(DocumentFacts{}));
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->dates.empty());
}

}  // namespace
}  // namespace iskra::extract
