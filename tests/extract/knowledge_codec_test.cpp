#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/extract/knowledge.hpp"

#include "extract/knowledge_inputs.hpp"

namespace iskra::extract {
namespace {

// A small collection with every table filled: aliases, dated events with a conflicting day, an
// office with its predecessor, and people and places for quiz blanks.
Knowledge build_sample() {
    KnowledgeInputs docs;
    docs.add("a",
             "Maria Weber (1901-1975) was a German chemist. Weber was born on 3 March 1901 in "
             "Leipzig, where she studied at the University of Leipzig with Hans Albrecht. On 12 "
             "May 1931, Weber was appointed Director of the Berlin Institute of Chemistry, "
             "succeeding Hans Albrecht. Weber moved to Zurich in 1938 and worked there with "
             "Hans Albrecht and Karl Brenner for many years.");
    docs.add("b",
             "The chemist Maria Weber, known to her students as Mother Weber, was born on 4 March "
             "1901 in Leipzig. In 1931 Weber became Director of the Berlin Institute of "
             "Chemistry. She died in Zurich in 1975, a year after Karl Brenner retired to "
             "Geneva.");
    docs.add("c",
             "karl brenner and maria weber published their study of dyes in 1936. brenner later "
             "lived in geneva.");
    docs.add("d",
             "Anna Schmidt and Peter Lang visited Maria Weber in Leipzig in 1950. Anna Schmidt "
             "later taught in Vienna, and Peter Lang stayed in Munich until 1960. Karl Brenner "
             "wrote to Peter Lang and Anna Schmidt from Geneva every spring until he died.");
    return docs.build();
}

void expect_same_sources(const std::vector<SentenceRef>& a, const std::vector<SentenceRef>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].doc_id, b[i].doc_id);
        EXPECT_EQ(a[i].text, b[i].text);
        EXPECT_EQ(a[i].text_begin, b[i].text_begin);
        EXPECT_EQ(a[i].text_end, b[i].text_end);
    }
}

void expect_same(const Knowledge& built, const Knowledge& read) {
    TimelineRequest every;
    every.all = true;
    auto events = built.timeline(every);
    auto read_events = read.timeline(every);
    ASSERT_EQ(events.size(), read_events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].date.iso, read_events[i].date.iso);
        EXPECT_EQ(events[i].summary, read_events[i].summary);
        EXPECT_EQ(events[i].entities, read_events[i].entities);
        EXPECT_EQ(events[i].conflicting_dates.size(), read_events[i].conflicting_dates.size());
        expect_same_sources(events[i].sources, read_events[i].sources);
    }
    EXPECT_EQ(built.timeline({}).size(), read.timeline({}).size());
    auto entities = built.entities();
    auto read_entities = read.entities();
    ASSERT_EQ(entities.size(), read_entities.size());
    for (std::size_t i = 0; i < entities.size(); ++i) {
        EXPECT_EQ(entities[i].name, read_entities[i].name);
        EXPECT_EQ(entities[i].type, read_entities[i].type);
        EXPECT_EQ(entities[i].aliases, read_entities[i].aliases);
        EXPECT_EQ(entities[i].mentions, read_entities[i].mentions);
        auto detail = built.entity(entities[i].name);
        auto read_detail = read.entity(entities[i].name);
        ASSERT_EQ(detail.has_value(), read_detail.has_value());
        if (detail) {
            ASSERT_EQ(detail->offices.size(), read_detail->offices.size());
            for (std::size_t o = 0; o < detail->offices.size(); ++o) {
                EXPECT_EQ(detail->offices[o].title, read_detail->offices[o].title);
                EXPECT_EQ(detail->offices[o].preceded_by, read_detail->offices[o].preceded_by);
            }
            EXPECT_EQ(detail->events.size(), read_detail->events.size());
        }
    }
    auto quiz = built.quiz(5, 3);
    auto read_quiz = read.quiz(5, 3);
    ASSERT_EQ(quiz.size(), read_quiz.size());
    for (std::size_t q = 0; q < quiz.size(); ++q) {
        EXPECT_EQ(quiz[q].question, read_quiz[q].question);
        EXPECT_EQ(quiz[q].choices, read_quiz[q].choices);
    }
    const std::string text = "Mother Weber met karl brenner in Geneva.";
    auto mentions = built.mentions_in(text);
    auto read_mentions = read.mentions_in(text);
    ASSERT_EQ(mentions.size(), read_mentions.size());
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        EXPECT_EQ(mentions[m].cluster, read_mentions[m].cluster);
        EXPECT_EQ(mentions[m].begin, read_mentions[m].begin);
    }
    EXPECT_EQ(built.resolve("mother weber"), read.resolve("mother weber"));
}

TEST(KnowledgeCodec, ReadsBackWhatItWrote) {
    const Knowledge built = build_sample();
    ASSERT_GT(built.cluster_count(), 3u);
    ASSERT_FALSE(built.timeline({}).empty());
    auto weber = built.entity("Maria Weber");
    ASSERT_TRUE(weber.has_value());
    EXPECT_FALSE(weber->offices.empty());
    EXPECT_FALSE(built.quiz(5, 3).empty());
    auto read = Knowledge::deserialize(built.serialize());
    ASSERT_TRUE(read.ok()) << read.status().to_string();
    expect_same(built, *read);
    EXPECT_EQ(read->serialize().size(), built.serialize().size());
}

TEST(KnowledgeCodec, EmptyKnowledgeRoundTrips) {
    auto read = Knowledge::deserialize(Knowledge::build({}).serialize());
    ASSERT_TRUE(read.ok()) << read.status().to_string();
    EXPECT_EQ(read->cluster_count(), 0u);
    EXPECT_TRUE(read->timeline({}).empty());
}

TEST(KnowledgeCodec, RejectsEveryTruncationAndAFlippedByte) {
    const std::string bytes = build_sample().serialize();
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 4) {
        auto read = Knowledge::deserialize(std::string_view(bytes).substr(0, size));
        EXPECT_FALSE(read.ok()) << size;
    }
    for (std::size_t at : {std::size_t{3}, std::size_t{9}, bytes.size() / 2, bytes.size() - 1}) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        auto read = Knowledge::deserialize(damaged);
        ASSERT_FALSE(read.ok()) << at;
        EXPECT_EQ(read.status().code(), StatusCode::Corruption);
    }
}

}  // namespace
}  // namespace iskra::extract
