#include "iskra/extract/knowledge.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "iskra/extract/name_fold.hpp"
#include "iskra/text/sentence_splitter.hpp"

#include "extract/knowledge_inputs.hpp"
#include "support/paths.hpp"

namespace iskra::extract {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

bool any_source_contains(const TimelineEvent& event, std::string_view needle) {
    for (const auto& source : event.sources) {
        if (fold_name(source.text).find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

bool has_event(const std::vector<TimelineEvent>& events,
               std::string_view iso_prefix,
               std::string_view needle) {
    for (const auto& event : events) {
        if (event.date.iso.rfind(iso_prefix, 0) == 0 && any_source_contains(event, needle)) {
            return true;
        }
    }
    return false;
}

class SeedKnowledge : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        collection_ = new KnowledgeInputs();  // NOLINT: shared fixture for the suite, freed below
        for (int number = 0; number <= 4; ++number) {
            auto path = testing::seed_path(number);
            ASSERT_FALSE(path.empty())
                << "seed " << number << " missing in " << testing::seeds_dir();
            collection_->add(path.stem().string(), read_file(path));
        }
        knowledge_ = new Knowledge(collection_->build());  // NOLINT
    }
    static void TearDownTestSuite() {
        delete knowledge_;   // NOLINT
        delete collection_;  // NOLINT
    }
    static KnowledgeInputs* collection_;
    static Knowledge* knowledge_;
};

KnowledgeInputs* SeedKnowledge::collection_ = nullptr;
Knowledge* SeedKnowledge::knowledge_ = nullptr;

TEST_F(SeedKnowledge, ClustersTheAliasesOfTheIssue) {
    const Knowledge& k = *knowledge_;
    auto trotsky = k.resolve("Trotsky");
    ASSERT_TRUE(trotsky.has_value());
    for (const char* alias : {"Leon Trotsky",
                              "Lev Davidovich Bronstein",
                              "Leon Davidovich Bronstein",  // "Born Leon Davidovich Bronstein"
                              "Bronstein",
                              "Pero",
                              "Yanovsky",
                              "leon trotsky"}) {
        EXPECT_EQ(k.resolve(alias), trotsky) << alias;
    }
    EXPECT_EQ(k.canonical_name("bronstein"), "Leon Trotsky");
    EXPECT_EQ(k.cluster_entity(*trotsky).type, "person");

    auto stalin = k.resolve("Stalin");
    ASSERT_TRUE(stalin.has_value());
    EXPECT_EQ(k.resolve("Joseph Stalin"), stalin);
    EXPECT_NE(stalin, trotsky);
    EXPECT_NE(k.resolve("Lenin"), trotsky);

    ASSERT_TRUE(k.resolve("Kronstadt").has_value());
    EXPECT_EQ(k.resolve("Kronstadt"), k.resolve("Kronshtadt"));
    ASSERT_TRUE(k.resolve("Coyoacán").has_value());
    EXPECT_EQ(k.resolve("Coyoacán"), k.resolve("Coyoacan"));
    ASSERT_TRUE(k.resolve("Comintern").has_value());
    EXPECT_EQ(k.resolve("the Communist International"), k.resolve("Comintern"));
}

TEST_F(SeedKnowledge, TimelineIsOrderedAndHoldsTheKeyEvents) {
    auto events = knowledge_->timeline({});
    ASSERT_FALSE(events.empty());
    // Decades sort by their qualifier ("late 1930s" after 1937), so compare the other events.
    std::int32_t last_year = 0;
    for (const auto& event : events) {
        if (event.date.precision != "decade") {
            EXPECT_LE(last_year, event.date.year) << event.summary;
            last_year = event.date.year;
        }
    }
    EXPECT_TRUE(has_event(events, "1928", "alma")) << "exile to Alma-Ata";
    EXPECT_TRUE(has_event(events, "1929", "turkey")) << "expulsion to Turkey";
    EXPECT_TRUE(has_event(events, "1938", "fourth international")) << "Fourth International";
    EXPECT_TRUE(has_event(events, "1940-08-20", "mercader")) << "attack of 20 August 1940";
    EXPECT_TRUE(has_event(events, "1940-08-21", "died") || has_event(events, "1940-08-21", "dying"))
        << "death of 21 August 1940";
}

TEST_F(SeedKnowledge, CollectionTimelineTellsTheStoryFromTheBirth) {
    auto story = knowledge_->timeline({});
    ASSERT_FALSE(story.empty());
    EXPECT_EQ(story.front().date.year, 1879) << story.front().summary;
    EXPECT_TRUE(any_source_contains(story.front(), "born")) << story.front().summary;
    EXPECT_EQ(story.back().date.iso, "1940-08-21")
        << "ends with the death: " << story.back().summary;
    TimelineRequest every;
    every.all = true;
    auto all = knowledge_->timeline(every);
    EXPECT_GT(all.size(), story.size());
    for (const auto& event : all) {
        // A house number and a heading's range are not dated events of the story.
        EXPECT_NE(event.date.iso, "1522") << event.summary;
    }
    for (const auto& event : story) {
        EXPECT_GE(event.date.year, 1879) << "a side mention before the life: " << event.summary;
    }
}

TEST_F(SeedKnowledge, TrotskysTimelineStartsWithTheBirthIn1879) {
    TimelineRequest request;
    request.entity = "Trotsky";
    auto events = knowledge_->timeline(request);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().date.year, 1879);
    bool birth = false;
    for (const auto& event : events) {
        birth = birth || (event.date.year == 1879 && any_source_contains(event, "born"));
    }
    EXPECT_TRUE(birth);
    EXPECT_EQ(events.back().date.year, 1940);

    request.from_year = 1928;
    request.to_year = 1929;
    auto window = knowledge_->timeline(request);
    ASSERT_FALSE(window.empty());
    for (const auto& event : window) {
        // Ranges and decades overlapping the window count ("1927–1953", "the 1920s").
        std::int32_t last = event.end_date ? event.end_date->year : event.date.year;
        last = event.date.precision == "decade" ? event.date.year + 9 : last;
        EXPECT_GE(last, 1928) << event.summary;
        EXPECT_LE(event.date.year, 1929) << event.summary;
    }
}

TEST_F(SeedKnowledge, EntityDetailShowsOfficesAndRelatedPeople) {
    auto detail = knowledge_->entity("Trotsky");
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->entity.name, "Leon Trotsky");
    bool foreign_affairs = false;
    bool petrograd = false;
    for (const auto& office : detail->offices) {
        if (office.title.find("foreign affairs") != std::string::npos) {
            foreign_affairs = true;
            EXPECT_EQ(office.from, "1917-11-08");
            EXPECT_EQ(office.to, "1918-03-13");
            EXPECT_EQ(office.preceded_by, "Mikhail Tereshchenko");
            EXPECT_EQ(office.succeeded_by, "Georgy Chicherin");
        }
        petrograd =
            petrograd || fold_name(office.title).find("petrograd soviet") != std::string::npos;
    }
    EXPECT_TRUE(foreign_affairs);
    EXPECT_TRUE(petrograd);
    ASSERT_FALSE(detail->related.empty());
    std::set<std::string> related;
    for (const auto& [name, count] : detail->related) {
        related.insert(name);
    }
    EXPECT_TRUE(related.count("Joseph Stalin") == 1);
    EXPECT_FALSE(detail->events.empty());
}

TEST_F(SeedKnowledge, QuizIsDeterministicAndWellFormed) {
    auto quiz = knowledge_->quiz(6, 7);
    ASSERT_GE(quiz.size(), 4u);
    auto again = knowledge_->quiz(6, 7);
    ASSERT_EQ(quiz.size(), again.size());
    std::set<std::string> kinds;
    for (std::size_t q = 0; q < quiz.size(); ++q) {
        EXPECT_EQ(quiz[q].question, again[q].question);
        EXPECT_EQ(quiz[q].choices, again[q].choices);
        ASSERT_EQ(quiz[q].choices.size(), 4u);
        EXPECT_LT(quiz[q].answer_index, 4u);
        std::set<std::string> distinct(quiz[q].choices.begin(), quiz[q].choices.end());
        EXPECT_EQ(distinct.size(), 4u) << quiz[q].question;
        EXPECT_FALSE(quiz[q].source.text.empty());
        EXPECT_NE(quiz[q].question.find("_____"), std::string::npos);
        kinds.insert(quiz[q].kind);
    }
    EXPECT_TRUE(kinds.count("date") == 1);
    EXPECT_GE(kinds.size(), 2u);
}

TEST(Knowledge, MergesRetellingsAndShowsConflictingDays) {
    KnowledgeInputs c;
    c.add("a", "On 20 August 1940 Trotsky was attacked with an ice axe in his study at Coyoacan.");
    c.add("b", "Trotsky was attacked with an ice axe in his study at Coyoacan on 20 August 1940.");
    c.add("c", "On 21 August 1940 Trotsky was attacked with an ice axe in his study at Coyoacan.");
    c.add("d", "The Fourth International was founded in Paris in 1938.");
    Knowledge k = c.build();
    TimelineRequest every;
    every.all = true;
    auto events = k.timeline(every);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].date.iso, "1938");
    EXPECT_EQ(events[1].date.iso, "1940-08-20");
    EXPECT_EQ(events[1].sources.size(), 2u);
    ASSERT_EQ(events[1].conflicting_dates.size(), 1u);
    EXPECT_EQ(events[1].conflicting_dates[0].iso, "1940-08-21");
    EXPECT_EQ(events[2].date.iso, "1940-08-21");
    EXPECT_EQ(events[2].conflicting_dates.size(), 1u);
    for (const auto& question : k.quiz(10, 1)) {
        EXPECT_EQ(question.source.text.find("ice axe"), std::string::npos)
            << "disputed facts are never asked: " << question.question;
    }
}

TEST(Knowledge, AnchorsADocumentsTimelineToTheDateOfItsTitle) {
    KnowledgeInputs c;
    c.add("address",
          "Fellow citizens, the state of the union is strong. This year the harvest was "
          "abundant. Last year the treaty with Spain was signed. On December 5 the Congress "
          "met.",
          {},
          "Annual Message 1795 (George Washington)");
    Knowledge k = c.build();
    TimelineRequest every;
    every.all = true;
    auto events = k.timeline(every);
    EXPECT_TRUE(has_event(events, "1794", "treaty")) << "last year";
    EXPECT_TRUE(has_event(events, "1795", "harvest")) << "this year";
    EXPECT_TRUE(has_event(events, "1795-12-05", "congress")) << "a day without a year";
    EXPECT_TRUE(has_event(events, "1795", "fellow citizens")) << "the document itself";
    auto story = k.timeline({});
    EXPECT_TRUE(has_event(story, "1795", "fellow citizens"));
}

TEST(Knowledge, ATitleYearAloneTellsNoStory) {
    KnowledgeInputs c;
    c.add("game", "This package holds the data files of the game.", {}, "warzone2100-data");
    c.add("card", "The driver supports the old card from the shop.", {}, "rca 1802");
    c.add("docs", "The manual describes every option of the tool.", {}, "manual");
    Knowledge k = c.build();
    EXPECT_TRUE(k.timeline({}).empty()) << "two of three titles undated: not a dated collection";
    TimelineRequest every;
    every.all = true;
    auto all = k.timeline(every);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].date.iso, "1802");
}

TEST(Knowledge, SkipsFlaggedSentencesForEvents) {
    KnowledgeInputs c;
    c.add("a", "Stalin died in 1953.\n\nBuy cheap watches since 1999.", {0, 1});
    Knowledge k = c.build();
    TimelineRequest every;
    every.all = true;
    auto events = k.timeline(every);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].date.iso, "1953");
}

TEST(Knowledge, LearnsNamesForLowerCaseText) {
    KnowledgeInputs c;
    c.add("cased",
          "Leon Trotsky married Natalia Sedova in Paris. Natalia Sedova said he was tired.");
    c.add("lower",
          "natalia sedova lived in coyoacan with trotsky for years and the house is now a museum "
          "where natalia sedova kept the garden and the archive of trotsky until her death in "
          "paris later on");
    Knowledge k = c.build();
    auto sedova = k.resolve("natalia sedova");
    ASSERT_TRUE(sedova.has_value());
    Entity entity = k.cluster_entity(*sedova);
    EXPECT_EQ(entity.name, "Natalia Sedova");
    EXPECT_EQ(entity.documents, 2u);
    EXPECT_EQ(entity.mentions, 4u);
    auto found = k.mentions_in("when natalia sedova left");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cluster, *sedova);
    EXPECT_EQ(found[0].begin, 5u);
    EXPECT_EQ(found[0].end, 19u);
}

TEST(Knowledge, ReadsAppositionsAndAcronyms) {
    KnowledgeInputs c;
    c.add("a",
          "Lenin founded the Communist International (Comintern) in Moscow. The Union of Soviet "
          "Socialist Republics was formed in 1922. The USSR grew.");
    c.add("b",
          "The Comintern met again in Moscow. The USSR and the Comintern agreed. The Communist "
          "International was dissolved in 1943.");
    Knowledge k = c.build();
    ASSERT_TRUE(k.resolve("Comintern").has_value());
    EXPECT_EQ(k.resolve("Comintern"), k.resolve("Communist International"));
    EXPECT_EQ(k.canonical_name("comintern"), "Communist International");
    ASSERT_TRUE(k.resolve("USSR").has_value());
    EXPECT_EQ(k.resolve("USSR"), k.resolve("Union of Soviet Socialist Republics"));
    EXPECT_FALSE(k.resolve("Nobody Here").has_value());
}

// Made-up people; the texts lost their apostrophes the way scraped pages do.
TEST(Knowledge, ReadsPossessivesWithoutApostrophesAsTheirNames) {
    KnowledgeInputs c;
    c.add("a",
          "Mayor Oskar Venbrook said the bridge would open. The council asked Venbrook, who "
          "said yes, and Venbrook said it twice. Oskar Venbrook told the council. Archive "
          "Venbrooks plans were "
          "printed. Oskar Venbrooks speech was long. Venbrooks plans failed.");
    Knowledge k = c.build();
    auto venbrook = k.resolve("Venbrook");
    ASSERT_TRUE(venbrook.has_value());
    EXPECT_EQ(k.resolve("Oskar Venbrook"), venbrook);
    Entity entity = k.cluster_entity(*venbrook);
    EXPECT_EQ(entity.name, "Oskar Venbrook");
    for (const auto& alias : entity.aliases) {
        EXPECT_EQ(alias.find("Venbrooks"), std::string::npos) << alias;
        EXPECT_EQ(alias.find("Archive"), std::string::npos) << alias;
    }
    EXPECT_FALSE(k.resolve("Archive Venbrooks").has_value());
    EXPECT_FALSE(k.resolve("Oskar Venbrooks").has_value());
}

TEST(Knowledge, SplitsTwoNamesRunTogether) {
    KnowledgeInputs c;
    c.add("a",
          "General Ilse Marquardt said the army was ready. Kasimir Drovny said nothing. Later "
          "Drovny told the press that Drovny, who led the union, would resign. Ilse Marquardt "
          "Drovny only answered "
          "later.");
    Knowledge k = c.build();
    EXPECT_FALSE(k.resolve("Ilse Marquardt Drovny").has_value());
    auto drovny = k.resolve("Drovny");
    ASSERT_TRUE(drovny.has_value());
    EXPECT_EQ(k.resolve("Kasimir Drovny"), drovny);
    EXPECT_NE(k.resolve("Ilse Marquardt"), drovny);
    auto found = k.mentions_in("Ilse Marquardt met Drovny");
    ASSERT_EQ(found.size(), 2u);
}

TEST(Knowledge, TypesANameByThePeopleListedWithIt) {
    KnowledgeInputs c;
    c.add("a",
          "Mayor Oskar Venbrook said the bridge would open. Venbrook said it again. Like "
          "Venbrook, Halvorsk and Dumerin would meet their voters. Dumerin was seen at the "
          "market. In Oslo, a city of Norway, Trelleborg wrote a book. Trelleborg lived there. "
          "Venbrook and Venbrookism were debated.");
    Knowledge k = c.build();
    auto type_of = [&k](std::string_view name) {
        auto cluster = k.resolve(name);
        return cluster ? k.cluster_entity(*cluster).type : std::string("missing");
    };
    EXPECT_EQ(type_of("Venbrook"), "person");
    EXPECT_EQ(type_of("Dumerin"), "person");
    EXPECT_NE(type_of("Trelleborg"), "person");   // "Norway, Trelleborg": a lone comma
    EXPECT_NE(type_of("Venbrookism"), "person");  // a doctrine, whoever it is listed with
}

TEST(Knowledge, ResolvesTheSurnameOfAPersonSeenOnlyInFull) {
    KnowledgeInputs c;
    c.add("a",
          "Their grandson, Tadeo Marvanek, who lived with them, said little. Later Tadeo "
          "Marvanek said he remembered the attack.");
    Knowledge k = c.build();
    auto full = k.resolve("Tadeo Marvanek");
    ASSERT_TRUE(full.has_value());
    EXPECT_EQ(k.resolve("Marvanek"), full);
    EXPECT_EQ(k.canonical_name("marvanek"), "Tadeo Marvanek");
    Entity entity = k.cluster_entity(*full);
    EXPECT_TRUE(entity.aliases.empty());  // never written alone: no alias to show
    EXPECT_EQ(entity.mentions, 2u);
}

TEST(Knowledge, NamesAPersonByTheFullNameEvenWhenSeenOnce) {
    KnowledgeInputs c;
    c.add("a",
          "General Tadeo Marvanek said the army would march. Later Marvanek said so again, and "
          "Marvanek, who led the army, was arrested. The court heard Marvanek. The Marvaneks "
          "plea failed.");
    Knowledge k = c.build();
    auto marvanek = k.resolve("Marvanek");
    ASSERT_TRUE(marvanek.has_value());
    Entity entity = k.cluster_entity(*marvanek);
    EXPECT_EQ(entity.name, "Tadeo Marvanek");
    EXPECT_EQ(entity.type, "person");
    for (const auto& alias : entity.aliases) {
        EXPECT_NE(alias, "Marvaneks");
    }
}

TEST(Knowledge, EmptyCollectionGivesEmptyTables) {
    Knowledge k = Knowledge::build({});
    EXPECT_TRUE(k.timeline({}).empty());
    EXPECT_TRUE(k.entities().empty());
    EXPECT_TRUE(k.quiz(5, 1).empty());
    EXPECT_FALSE(k.entity("anyone").has_value());
}

}  // namespace
}  // namespace iskra::extract
