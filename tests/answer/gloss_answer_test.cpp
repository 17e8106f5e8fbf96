// Questions that give the meaning of the name they ask for ("whose name means 'Red Star'").

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"
#include "iskra/answer/gloss_answerer.hpp"
#include "iskra/answer/question_words.hpp"

#include "seed_collection.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

TEST(GlossAnswer, ReadsTheQuotedMeaning) {
    EXPECT_EQ(quoted_gloss("Which magazine, whose name means 'Red Star', did Olsen edit?"),
              "Red Star");
    EXPECT_EQ(quoted_gloss("What paper's title meant \"The Spark\"?"), "The Spark");
    EXPECT_EQ(quoted_gloss("Which ship was named \xE2\x80\x98Hope\xE2\x80\x99?"), "");
    EXPECT_EQ(quoted_gloss("What does perestroika mean?"), "");
}

TEST(GlossAnswer, TheNameIsWrittenJustBeforeItsMeaning) {
    iskra::testing::TempDir dir("iskra-gloss");
    std::filesystem::create_directories(dir / "docs");
    iskra::testing::write_text_file(
        dir / "docs" / "a.txt",
        "Maria Olsen\n\nMaria Olsen was a Norwegian writer. In 1920 Olsen moved to Oslo and "
        "edited the magazine Raud Stjerne (Red Star) for six years. Olsen also wrote poems.\n");
    iskra::testing::write_text_file(
        dir / "docs" / "b.txt",
        "olsen years oslo\n\n1920 oslo olsen began editing raud stjerne red star radical "
        "magazine\n");
    testing::SeedCollection c = testing::build_seed_collection(dir / "docs", dir / "collection");
    Answerer answerer(c.snapshot, &c.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "Which Oslo magazine, whose name means 'Red Star', did Olsen edit?";
    auto r = answerer.ask(request, analyzer);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->status, "answered");
    EXPECT_EQ(analyzer.fold(r->answer->text), "raud stjerne");
}

}  // namespace
}  // namespace iskra::answer
