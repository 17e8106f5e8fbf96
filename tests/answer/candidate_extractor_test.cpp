#include "iskra/answer/candidate_extractor.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "iskra/answer/answer_group.hpp"
#include "iskra/answer/question_analyzer.hpp"
#include "iskra/answer/verb_lexicon.hpp"

#include "answer_test_support.hpp"

namespace iskra::answer {
namespace {

using testing::lower_case_passage_of;
using testing::passage_of;

std::vector<std::string> normalized_of(const std::vector<Candidate>& cs) {
    std::vector<std::string> out;
    for (const Candidate& c : cs) {
        out.push_back(c.normalized);
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(CandidateExtractor, FindsDatesNormalisedToIso) {
    text::Analyzer analyzer;
    const Question q = analyze_question("When did the bridge open?", analyzer);
    const auto cs =
        extract_candidates(q,
                           passage_of("The bridge opened on 3 May 1911 after six years of work."),
                           0,
                           NameBook{},
                           analyzer);
    EXPECT_TRUE(contains(normalized_of(cs), "1911-05-03"));
}

TEST(CandidateExtractor, ChunksEndAtVerbsAndDropPossessiveClitics) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What did the engineers build near the harbour?", analyzer);
    ASSERT_EQ(q.type, AnswerType::Other);  // a thing is asked, no typed head noun: chunks
    const auto cs = extract_candidates(
        q,
        passage_of("The engineers eventually finished a stone lighthouse near the harbour's "
                   "northern pier, which was painted white."),
        0,
        NameBook{},
        analyzer);
    const auto n = normalized_of(cs);
    EXPECT_TRUE(contains(n, "stone lighthouse"));  // the verbs before it are not part of it
    EXPECT_TRUE(contains(n, "northern pier"));     // not "'s northern pier"
    EXPECT_FALSE(contains(n, "eventually finished a stone lighthouse"));
    EXPECT_FALSE(contains(n, "painted white"));
}

TEST(CandidateExtractor, FindsNumbersInDigitsAndWords) {
    text::Analyzer analyzer;
    const Question q = analyze_question("how many ships sank", analyzer);
    const auto a = extract_candidates(
        q, passage_of("Twelve ships sank in the storm of 1703."), 0, NameBook{}, analyzer);
    EXPECT_TRUE(contains(normalized_of(a), "12"));
    EXPECT_FALSE(contains(normalized_of(a), "1703"));  // a year, not a count
    const auto b = extract_candidates(
        q, passage_of("The fleet lost 1,200 men and 14 ships."), 0, NameBook{}, analyzer);
    EXPECT_TRUE(contains(normalized_of(b), "1200"));
    EXPECT_TRUE(contains(normalized_of(b), "14"));
    EXPECT_EQ(parse_number("forty-two"), 42.0);
    EXPECT_EQ(parse_number("$15"), 15.0);
}

TEST(CandidateExtractor, FindsCapitalisedNamesButNotTheQuestionsOwn) {
    text::Analyzer analyzer;
    const Question q = analyze_question("Who shot Archduke Franz Ferdinand?", analyzer);
    const auto cs = extract_candidates(
        q,
        passage_of("In Sarajevo, Gavrilo Princip shot Archduke Franz Ferdinand and his wife."),
        0,
        NameBook{},
        analyzer);
    const auto names = normalized_of(cs);
    EXPECT_TRUE(contains(names, "gavrilo princip"));
    EXPECT_FALSE(contains(names, "franz ferdinand"));
    EXPECT_FALSE(contains(names, "archduke franz ferdinand"));
}

TEST(CandidateExtractor, FindsKnownNamesInLowerCasedStopWordFreeText) {
    text::Analyzer analyzer;
    NameBook names;
    names.add("gavrilo princip", "Gavrilo Princip", extract::EntityType::Person);
    names.add("sarajevo", "Sarajevo", extract::EntityType::Place);
    const Question q = analyze_question("who shot the archduke", analyzer);
    // Lower case and without function words, as some scraped dumps are.
    const auto cs = extract_candidates(
        q,
        lower_case_passage_of("28 june 1914 gavrilo princip shot archduke sarajevo"),
        0,
        names,
        analyzer);
    ASSERT_FALSE(cs.empty());
    const auto it =
        std::max_element(cs.begin(), cs.end(), [](const Candidate& a, const Candidate& b) {
            return a.type_confidence < b.type_confidence;
        });
    EXPECT_EQ(it->text, "Gavrilo Princip");
}

TEST(CandidateExtractor, ALowerCaseChunkHoldingAKnownPersonIsThatPerson) {
    text::Analyzer analyzer;
    NameBook names;
    names.add("marvanek", "Tomas Marvanek", extract::EntityType::Person);
    const Question q = analyze_question("who founded the harbour league", analyzer);
    const auto cs = extract_candidates(
        q,
        lower_case_passage_of("1921 coastal guild marvanek founded harbour league rival guilds"),
        0,
        names,
        analyzer);
    ASSERT_FALSE(cs.empty());
    for (const Candidate& c : cs) {
        // The person, never a noun phrase swallowing the name ("coastal guild marvanek").
        EXPECT_FALSE(c.text.find("guild") != std::string::npos
                     && c.text.find("marvanek") != std::string::npos)
            << c.text;
    }
    EXPECT_TRUE(std::any_of(
        cs.begin(), cs.end(), [](const Candidate& c) { return c.text == "Tomas Marvanek"; }));
}

Candidate date_candidate(
    std::string text, std::string iso, extract::DateValue v, std::size_t passage, double score) {
    Candidate c;
    c.text = std::move(text);
    c.normalized = std::move(iso);
    c.date = v;
    c.passage = passage;
    c.score = score;
    c.type = AnswerType::Date;
    return c;
}

TEST(AnswerGroup, KeepsDisagreeingDatesApartAndCountsIndependentSources) {
    extract::DateValue d20{1914, 6, 27, extract::DatePrecision::Day};
    extract::DateValue d21{1914, 6, 28, extract::DatePrecision::Day};
    extract::DateValue year{1914, 0, 0, extract::DatePrecision::Year};
    std::vector<Passage> passages = {
        passage_of("a", 0), passage_of("b", 1), passage_of("c", 2), passage_of("d", 3)};
    passages[2].flags = 1;  // a copy of an earlier sentence: not an independent source
    const std::vector<Candidate> cs = {
        date_candidate("28 June 1914", "1914-06-28", d21, 0, 0.9),
        date_candidate("June 28, 1914", "1914-06-28", d21, 1, 0.8),
        date_candidate("28 June 1914", "1914-06-28", d21, 2, 0.8),
        date_candidate("27 June 1914", "1914-06-27", d20, 3, 0.7),
        date_candidate("1914", "1914", year, 3, 0.5),
    };
    const auto groups = group_candidates(cs, passages);
    ASSERT_EQ(groups.size(), 2u);  // the bare year joins a day group, the two days stay apart
    EXPECT_EQ(groups[0].normalized, "1914-06-28");
    EXPECT_EQ(groups[0].independent_sources, 2u);
    EXPECT_EQ(groups[1].normalized, "1914-06-27");
    EXPECT_TRUE(groups_conflict(groups[0], groups[1], cs));
}

TEST(AnswerGroup, MergesAShortNameIntoItsLongestForm) {
    std::vector<Passage> passages = {passage_of("a", 0), passage_of("b", 1)};
    Candidate a;
    a.text = "Princip";
    a.normalized = "princip";
    a.passage = 0;
    a.score = 0.9;
    Candidate b;
    b.text = "Gavrilo Princip";
    b.normalized = "gavrilo princip";
    b.passage = 1;
    b.score = 0.5;
    const std::vector<Candidate> cs = {a, b};
    const auto groups = group_candidates(cs, passages);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].text, "Gavrilo Princip");
    EXPECT_EQ(groups[0].independent_sources, 2u);
}

}  // namespace
}  // namespace iskra::answer

namespace iskra::answer {
namespace {

Passage cased_passage(std::string text) {
    Passage p;
    p.ref.text = std::move(text);
    return p;
}

const Candidate* find_candidate(const std::vector<Candidate>& cs, const std::string& normalized) {
    for (const Candidate& c : cs) {
        if (c.normalized == normalized) {
            return &c;
        }
    }
    return nullptr;
}

TEST(CandidateExtractor, GerundsAfterAnArticleStayInTheirPhrase) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What limits the pump's output?", analyzer);
    const auto cs = extract_candidates(
        q,
        cased_passage("The output of a pump is limited by the working pressure."),
        0,
        {},
        analyzer);
    EXPECT_NE(find_candidate(cs, "working pressure"), nullptr);
}

TEST(CandidateExtractor, AWordBeforeAnArticleEndsThePhrase) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What field covers the study of soils?", analyzer);
    const auto cs = extract_candidates(
        q,
        cased_passage("Pedology covers the study of soils in their natural setting."),
        0,
        {},
        analyzer);
    EXPECT_EQ(find_candidate(cs, "pedology covers"), nullptr);
}

TEST(CandidateExtractor, CandidatesHoldingTheQuestionsNameRankLower) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What did Harrow present in 1911?", analyzer);
    const auto cs = extract_candidates(
        q,
        cased_passage("Engineer Walter Harrow presented a steam tractor in 1911."),
        0,
        {},
        analyzer);
    const Candidate* own = find_candidate(cs, "engineer walter harrow");
    const Candidate* other = find_candidate(cs, "steam tractor");
    ASSERT_NE(other, nullptr);
    if (own != nullptr) {
        EXPECT_LT(own->type_confidence, other->type_confidence);
    }
}

TEST(QuestionAnalyzerLists, ReadsTheItemTypeAndCount) {
    text::Analyzer analyzer;
    const Question q = analyze_question("Which three engineers built the northern pier?", analyzer);
    EXPECT_EQ(q.type, AnswerType::List);
    EXPECT_EQ(q.item_count, 3u);
}

}  // namespace
}  // namespace iskra::answer

namespace iskra::answer {
namespace {

TEST(CandidateExtractorNumbers, KeepTheirQualifierScaleAndDurationUnit) {
    text::Analyzer analyzer;
    Passage p;
    p.ref.text = "The port handles over 37 million tonnes and up to 30% of exports.";
    const Question q = analyze_question("How many tonnes does the port handle?", analyzer);
    const auto cs = extract_candidates(q, p, 0, {}, analyzer);
    std::vector<std::string> texts;
    for (const Candidate& c : cs) {
        texts.push_back(c.text);
    }
    EXPECT_NE(std::find(texts.begin(), texts.end(), "over 37 million"), texts.end());
    EXPECT_NE(std::find(texts.begin(), texts.end(), "up to 30%"), texts.end());
    p.ref.text = "The siege lasted six years before the town fell.";
    const Question how_long = analyze_question("How long did the siege last?", analyzer);
    const auto ds = extract_candidates(how_long, p, 0, {}, analyzer);
    ASSERT_FALSE(ds.empty());
    EXPECT_EQ(ds.front().text, "six years");
    EXPECT_EQ(ds.front().normalized, "6");
}

TEST(CandidateExtractor, TheQuestionsHeadNounWithItsModifiersIsACandidate) {
    text::Analyzer analyzer;
    const Question q =
        analyze_question("Which principle explains the colour of the sky?", analyzer);
    const auto n = normalized_of(extract_candidates(
        q,
        passage_of("The principle of equal shares explains the colour of the sky."),
        0,
        NameBook{},
        analyzer));
    EXPECT_TRUE(contains(n, "principle of equal shares"));
    const Question rule = analyze_question("Which rule governs a herd?", analyzer);
    const auto r = normalized_of(extract_candidates(
        rule, passage_of("Miller's rule governs a herd."), 0, NameBook{}, analyzer));
    EXPECT_TRUE(contains(r, "miller's rule"));
    EXPECT_FALSE(contains(r, "rule"));  // the head noun alone says nothing
}

TEST(CandidateExtractor, AQuotedTitleIsOneCandidate) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What song opened the festival?", analyzer);
    const auto n = normalized_of(extract_candidates(
        q,
        passage_of(
            "The festival was opened by the song \"Over the Hills and Away\", sung by a choir."),
        0,
        NameBook{},
        analyzer));
    EXPECT_TRUE(contains(n, "over the hills and away"));
}

TEST(CandidateExtractor, APronunciationIsNoCandidate) {
    text::Analyzer analyzer;
    const Question q = analyze_question("In which town was the poet born?", analyzer);
    const auto n = normalized_of(extract_candidates(
        q,
        lower_case_passage_of("ivan petrov pronounced [iˈvan pʲɪˈtrof] born 1850 town of orel"),
        0,
        NameBook{},
        analyzer));
    for (const std::string& c : n) {
        EXPECT_EQ(c.find("\u02c8"), std::string::npos) << c;
    }
}

TEST(CandidateExtractor, ANameWithAnAppositionHeadedByTheHeadNounIsFavoured) {
    text::Analyzer analyzer;
    const Question q = analyze_question("Which ferry crosses the strait?", analyzer);
    auto confidence_of = [&](const std::string& sentence, const std::string& value) {
        for (const Candidate& c :
             extract_candidates(q, passage_of(sentence), 0, NameBook{}, analyzer)) {
            if (c.normalized == value) {
                return c.type_confidence;
            }
        }
        return 0.0;
    };
    const double named = confidence_of(
        "Each day the Marianne, a small ferry with two decks, crosses the strait.", "marianne");
    const double plain =
        confidence_of("Each day the Marianne crosses the strait with two decks.", "marianne");
    EXPECT_GT(plain, 0.0);
    EXPECT_GT(named, plain);
}

TEST(CandidateExtractor, InLowerCasedTextTheHeadNounPartsANameFromTheWordsBeforeIt) {
    text::Analyzer analyzer;
    const Question q = analyze_question("On which island did the poet live?", analyzer);
    const auto n = normalized_of(extract_candidates(
        q, lower_case_passage_of("poet lived stone house island corfu"), 0, NameBook{}, analyzer));
    EXPECT_TRUE(contains(n, "corfu"));
    EXPECT_FALSE(contains(n, "stone house island corfu"));
}

TEST(CandidateExtractor, ChunksEndAtWordNetVerbs) {
    if (VerbLexicon::system().size() == 0) {
        GTEST_SKIP() << "WordNet (wordnet-base) is not installed";
    }
    text::Analyzer analyzer;
    const Question q = analyze_question("What holds the rotor blades?", analyzer);
    const auto n = normalized_of(extract_candidates(
        q,
        passage_of("A steel hub consists of two plates and holds the rotor blades."),
        0,
        NameBook{},
        analyzer));
    EXPECT_TRUE(contains(n, "steel hub"));
    EXPECT_FALSE(contains(n, "steel hub consists"));
}

}  // namespace
}  // namespace iskra::answer

namespace iskra::answer {
namespace {

TEST(CandidateExtractor, ChunksMayHoldQuestionWordsInsideOnePlainNounPhrase) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What device measures the tide in the harbour?", analyzer);
    const auto cs = extract_candidates(
        q,
        passage_of("Since 1890 a brass tide gauge records the water level, helped by the "
                   "keeper in the harbour."),
        0,
        NameBook{},
        analyzer);
    const auto n = normalized_of(cs);
    EXPECT_TRUE(contains(n, "brass tide gauge"));  // crosses "tide", a word of the question
    const auto spanning = std::find_if(cs.begin(), cs.end(), [](const Candidate& c) {
        return c.normalized == "brass tide gauge";
    });
    ASSERT_NE(spanning, cs.end());
    EXPECT_EQ(spanning->origin, CandidateOrigin::Spanning);
    // A preposition joins the question's phrase to another: no spanning chunk over it.
    EXPECT_FALSE(contains(n, "keeper in the harbour"));
    EXPECT_FALSE(contains(n, "level, helped by the keeper"));
}

TEST(CandidateExtractor, SpanningChunkDoesNotLengthenTheGroupItJoins) {
    text::Analyzer analyzer;
    const Question q = analyze_question("What device measures the tide?", analyzer);
    std::vector<Candidate> cs = extract_candidates(
        q, passage_of("A tide gauge, the gauge, was set up."), 0, NameBook{}, analyzer);
    for (Candidate& c : cs) {
        c.score = c.origin == CandidateOrigin::Spanning ? 0.5 : 1.0;
    }
    const std::vector<Passage> passages = {passage_of("A tide gauge, the gauge, was set up.")};
    const auto groups = group_candidates(cs, passages);
    ASSERT_FALSE(groups.empty());
    EXPECT_EQ(groups.front().text, "gauge");
}

}  // namespace
}  // namespace iskra::answer
