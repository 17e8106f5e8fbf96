// End-to-end answers over the seed collection (built with the real index in a TempDir), driven by
// the readable cases in tests/answer/cases/*.txt:
//
//     question: who killed trotsky
//     expect type: person
//     expect answer: Ramón Mercader | Mercader      (the short answer equals one alternative)
//     expect text: ice                              (the short answer or answer text contains it)
//     expect citation: 003_                         (a cited sentence comes from this document)
//     expect status: not_found
//
// Cases are separated by blank lines; lines starting with '#' are comments.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "iskra/answer/answerer.hpp"

#include "seed_collection.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace iskra::answer {
namespace {

struct Case {
    std::string file;
    std::string question;
    std::vector<std::pair<std::string, std::string>> expectations;
};

std::vector<Case> read_cases(const std::filesystem::path& dir) {
    std::vector<Case> cases;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".txt") {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line;
        Case current;
        auto flush = [&] {
            if (!current.question.empty()) {
                cases.push_back(current);
            }
            current = Case{};
        };
        while (std::getline(in, line)) {
            if (line.empty()) {
                flush();
                continue;
            }
            if (line[0] == '#') {
                continue;
            }
            const std::size_t colon = line.find(": ");
            if (colon == std::string::npos) {
                continue;
            }
            const std::string key = line.substr(0, colon);
            const std::string value = line.substr(colon + 2);
            current.file = f.filename().string();
            if (key == "question") {
                current.question = value;
            } else {
                current.expectations.emplace_back(key, value);
            }
        }
        flush();
    }
    return cases;
}

std::string simple(std::string_view s, text::Analyzer& analyzer) {
    std::string out;
    for (char c : analyzer.fold(s)) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0
            || static_cast<unsigned char>(c) >= 0x80) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::vector<std::string> alternatives(const std::string& value) {
    std::vector<std::string> out;
    std::stringstream in(value);
    std::string part;
    while (std::getline(in, part, '|')) {
        const auto b = part.find_first_not_of(' ');
        const auto e = part.find_last_not_of(' ');
        if (b != std::string::npos) {
            out.push_back(part.substr(b, e - b + 1));
        }
    }
    return out;
}

void check(const Case& c, const AskResponse& r, text::Analyzer& analyzer) {
    const std::string where = c.file + ": " + c.question;
    for (const auto& [key, value] : c.expectations) {
        if (key == "expect status") {
            EXPECT_EQ(r.status, value) << where;
        } else if (key == "expect type") {
            EXPECT_EQ(r.type, value) << where;
        } else if (key == "expect answer") {
            ASSERT_TRUE(r.answer.has_value()) << where;
            const std::string mine = simple(r.answer->text, analyzer);
            bool ok = false;
            for (const std::string& alt : alternatives(value)) {
                ok = ok || simple(alt, analyzer) == mine;
            }
            EXPECT_TRUE(ok) << where << " -> " << r.answer->text;
        } else if (key == "expect text") {
            const std::string all =
                simple((r.answer ? r.answer->text : "") + " " + r.answer_text, analyzer);
            EXPECT_NE(all.find(simple(value, analyzer)), std::string::npos)
                << where << " -> " << all;
        } else if (key == "expect citation") {
            ASSERT_TRUE(r.answer.has_value()) << where;
            bool cited = false;
            for (const AnswerSupport& s : r.answer->support) {
                cited = cited || s.sentence.doc_id.starts_with(value);
            }
            EXPECT_TRUE(cited) << where;
        }
    }
}

TEST(SeedAnswers, AnswersTheCasesFromTheSeedCollection) {
    iskra::testing::TempDir dir("iskra-answer");
    testing::SeedCollection seeds =
        testing::build_seed_collection(iskra::testing::seeds_dir(), dir / "collection");
    Answerer answerer(seeds.snapshot, &seeds.knowledge);
    text::Analyzer analyzer;
    const auto cases = read_cases(iskra::testing::source_dir() / "tests" / "answer" / "cases");
    ASSERT_FALSE(cases.empty());
    for (const Case& c : cases) {
        AskRequest request;
        request.question = c.question;
        auto r = answerer.ask(request, analyzer);
        ASSERT_TRUE(r.ok()) << r.status().to_string();
        check(c, *r, analyzer);
    }
}

TEST(SeedAnswers, RejectsAnEmptyQuestion) {
    iskra::testing::TempDir dir("iskra-answer");
    testing::SeedCollection seeds =
        testing::build_seed_collection(iskra::testing::seeds_dir(), dir / "collection");
    Answerer answerer(seeds.snapshot, &seeds.knowledge);
    text::Analyzer analyzer;
    AskRequest request;
    request.question = "  ?";
    EXPECT_EQ(answerer.ask(request, analyzer).status().code(), StatusCode::InvalidArgument);
}

}  // namespace
}  // namespace iskra::answer
