#include "iskra/extract/entity_finder.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace iskra::extract {
namespace {

const EntityMention* find(const SentenceEntities& found, std::string_view surface) {
    for (const auto& mention : found.mentions) {
        if (mention.surface == surface) {
            return &mention;
        }
    }
    return nullptr;
}

std::string describe(const SentenceEntities& found) {
    std::string out;
    for (const auto& m : found.mentions) {
        out += "[" + m.surface + ":" + std::string(entity_type_name(m.type)) + "]";
    }
    for (const auto& a : found.aliases) {
        out += "{" + a.alias + "=" + a.target + "}";
    }
    return out;
}

TEST(FindEntities, FindsPeoplePlacesAndOrganisations) {
    struct Case {
        std::string sentence;
        std::string surface;
        EntityType type;
    };
    const std::vector<Case> cases = {
        {"Leon Trotsky was deported by Joseph Stalin to Alma-Ata.",
         "Leon Trotsky",
         EntityType::Person},
        {"Leon Trotsky was deported by Joseph Stalin to Alma-Ata.",
         "Joseph Stalin",
         EntityType::Person},
        {"Leon Trotsky was deported by Joseph Stalin to Alma-Ata.", "Alma-Ata", EntityType::Place},
        {"He founded the Fourth International in exile.",
         "Fourth International",
         EntityType::Organization},
        {"As chairman of the Petrograd Soviet, he led the rising.",
         "Petrograd Soviet",
         EntityType::Organization},
        {"He lived in Mexico City until his death.", "Mexico City", EntityType::Place},
        {"President Reagan said the deficit would fall.", "Reagan", EntityType::Person},
        {"The talks in Brazil ended.", "Brazil", EntityType::Place},
        {"Ousting him through the Communist Party of the Soviet Union failed.",
         "Communist Party of the Soviet Union",
         EntityType::Organization},
        {"Stalin's regime merely represented a bureaucracy.", "Stalin", EntityType::Unknown},
        {"The fact that Primakov, the deputy commander of the district, spoke.",
         "Primakov",
         EntityType::Person},
        {"Born Leon Davidovich Bronstein to a family of farmers, Trotsky came of age.",
         "Leon Davidovich Bronstein",
         EntityType::Unknown},
    };
    for (const auto& c : cases) {
        auto found = find_entities(c.sentence, false);
        const EntityMention* mention = find(found, c.surface);
        ASSERT_NE(mention, nullptr) << c.sentence << " -> " << describe(found);
        if (c.type != EntityType::Unknown) {
            EXPECT_EQ(mention->type, c.type) << c.sentence << " -> " << describe(found);
        }
    }
}

TEST(FindEntities, ActsOfOnePersonOnAnotherMarkBothAsPeople) {
    auto found = find_entities("In court Dravensk pilloried Holmqvar, the old rival.", false);
    for (const char* name : {"Dravensk", "Holmqvar"}) {
        const EntityMention* mention = find(found, name);
        ASSERT_NE(mention, nullptr) << describe(found);
        EXPECT_EQ(mention->type, EntityType::Person) << name << " -> " << describe(found);
    }
    // Without a name on the other side the verb says nothing.
    auto alone = find_entities("In court the crowd pilloried Holmqvar loudly.", false);
    const EntityMention* mention = find(alone, "Holmqvar");
    ASSERT_NE(mention, nullptr) << describe(alone);
    EXPECT_NE(mention->type, EntityType::Person) << describe(alone);
}

TEST(FindEntities, SkipsCapitalisedFunctionWords) {
    auto found = find_entities("In 1924, he introduced the notion. The end.", false);
    EXPECT_TRUE(found.mentions.empty()) << describe(found);
}

TEST(FindEntities, ARoleNounOpeningTheSentenceIsNotPartOfTheName) {
    auto found = find_entities("Economist Thomas Brandt challenges this notion.", false);
    EXPECT_NE(find(found, "Thomas Brandt"), nullptr) << describe(found);
    EXPECT_EQ(find(found, "Economist Thomas Brandt"), nullptr) << describe(found);
    // A title stays a title: the name is what follows it.
    found = find_entities("King Harald opened the bridge.", false);
    EXPECT_EQ(find(found, "King Harald"), nullptr) << describe(found);
}

TEST(FindEntities, ReadsAliasStatements) {
    auto born = find_entities("Trotsky, born Lev Davidovich Bronstein, was a Marxist.", false);
    ASSERT_EQ(born.aliases.size(), 1u) << describe(born);
    EXPECT_EQ(born.aliases[0].alias, "Lev Davidovich Bronstein");
    EXPECT_EQ(born.aliases[0].kind, AliasKind::BornAs);

    auto lower = find_entities("under pen name pero feather pen russian trotsky soon", true);
    ASSERT_EQ(lower.aliases.size(), 1u) << describe(lower);
    EXPECT_EQ(lower.aliases[0].alias, "pero");
    EXPECT_TRUE(lower.mentions.empty());

    auto infobox = find_entities("personal details born lev davidovich bronstein1879-11-07", true);
    ASSERT_EQ(infobox.aliases.size(), 1u) << describe(infobox);
    EXPECT_EQ(infobox.aliases[0].alias, "lev davidovich bronstein");

    auto apposition =
        find_entities("He attacked the Soviet or Communist International (Comintern) line.", false);
    ASSERT_EQ(apposition.aliases.size(), 1u) << describe(apposition);
    EXPECT_EQ(apposition.aliases[0].alias, "Comintern");
    EXPECT_EQ(apposition.aliases[0].target, "Communist International");

    auto now = find_entities("He was sent to Alma-Ata (now Almaty) in Central Asia.", false);
    ASSERT_EQ(now.aliases.size(), 1u) << describe(now);
    EXPECT_EQ(now.aliases[0].alias, "Almaty");
    EXPECT_EQ(now.aliases[0].target, "Alma-Ata");
}

TEST(Abbreviates, AcceptsInitialsAndContractions) {
    EXPECT_TRUE(abbreviates("Comintern", "Communist International"));
    EXPECT_TRUE(abbreviates("USSR", "Union of Soviet Socialist Republics"));
    EXPECT_TRUE(abbreviates("RSDLP", "Russian Social Democratic Labour Party"));
    EXPECT_TRUE(abbreviates("U.S.", "United States"));
    EXPECT_FALSE(abbreviates("Comintern", "Fourth International"));
    EXPECT_FALSE(abbreviates("Stalin", "Joseph Stalin"));
    EXPECT_FALSE(abbreviates("X", "Xavier Young"));
}

}  // namespace
}  // namespace iskra::extract
