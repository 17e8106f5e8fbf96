// Telling a sentence's language by its function words, and preferring the question's language.
#include "iskra/answer/text_language.hpp"

#include <gtest/gtest.h>

#include "answer_test_support.hpp"

namespace iskra::answer {
namespace {

using testing::ask;
using testing::passage_of;

TEST(TextLanguage, TellsLanguagesByTheirFunctionWords) {
    EXPECT_EQ(guess_language("The harbour of Bergen was rebuilt after the fire of 1916."),
              Language::English);
    EXPECT_EQ(guess_language("Der Hafen von Bergen wurde nach dem Brand wieder aufgebaut, und er "
                             "ist heute nicht mehr zu erkennen."),
              Language::German);
    EXPECT_EQ(guess_language("Le port de Bergen est reconstruit après l'incendie dans les années "
                             "qui suivent."),
              Language::French);
    EXPECT_EQ(guess_language("El puerto de Bergen fue reconstruido por los vecinos y es hoy una "
                             "ciudad."),
              Language::Spanish);
}

TEST(TextLanguage, TextWithoutFunctionWordsHasNoLanguage) {
    // Stop-word-stripped English, names and short labels must not count as foreign.
    EXPECT_EQ(guess_language("harbour bergen rebuilt after fire 1916 mayor olsen"),
              Language::Unknown);
    EXPECT_EQ(guess_language("Anton Lie, Karl Berg"), Language::Unknown);
    // A question is short: two function words tell.
    EXPECT_EQ(guess_language("What is the default shell?", 2), Language::English);
}

TEST(TextLanguage, TheQuestionsLanguageAnswersFirst) {
    // A translated manual beside the original: the German sentence holds every word of the
    // question ("Linux", and "released" as a loanword), yet the English one answers.
    const auto r = ask(
        "In which year was Harbour Manager 2 released for Linux?",
        {passage_of("Harbour Manager 2 wurde 2018 für Linux released, und die Version ist nicht "
                    "mehr mit der alten Datenbank kompatibel.",
                    0),
         passage_of("Harbour Manager 2 was released in 2019, and it is the first version with "
                    "the new database.",
                    1)});
    ASSERT_EQ(r.response.status, "answered");
    EXPECT_EQ(r.response.answer->normalized, "2019");
}

}  // namespace
}  // namespace iskra::answer
