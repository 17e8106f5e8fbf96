// eval_qa: asks every question of a JSON Lines file against a collection and scores the answers.
//
//   eval_qa --collection DIR --questions FILE.jsonl [--format seeds|squad]
//           [--corpus PATH] [--predictions OUT.jsonl] [--dump-features OUT.jsonl]
//   eval_qa --typing FILE.jsonl...      (answer typing agreement on open-domain question sets)
//
// The collection is opened when DIR holds one; otherwise it is built there first from --corpus
// (a directory of .txt files, or a JSON Lines file of {"id","title","text"}) with the same steps
// the engine runs at index time: sentence splitting, cleaning (flags, fingerprints), extraction.
// Prints exact match, token F1, abstention precision/recall, mean/p99 latency per answer type,
// and the expected calibration error (10 bins) of the stated confidence.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>

#include "iskra/answer/answer_group.hpp"
#include "iskra/answer/answerer.hpp"
#include "iskra/answer/candidate_extractor.hpp"
#include "iskra/answer/question_analyzer.hpp"
#include "iskra/answer/scored_passage.hpp"
#include "iskra/clean/cleaner.hpp"
#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/index/collection.hpp"
#include "iskra/index/index_writer.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/text/sentence_splitter.hpp"
#include "iskra/text/utf8.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace iskra;

namespace {

struct Args {
    std::string collection;
    std::string questions;
    std::string format = "seeds";
    std::string corpus;
    std::string predictions;
    std::string dump_features;
    std::vector<std::string> typing;
    std::string explain;
    std::size_t limit = 0;
};

struct SourceDoc {
    std::string id;
    std::string title;
    std::string path;
    std::string text;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<SourceDoc> read_corpus(const std::string& corpus) {
    std::vector<SourceDoc> docs;
    if (fs::is_directory(corpus)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(corpus)) {
            if (e.path().extension() == ".txt") {
                files.push_back(e.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            docs.push_back({f.filename().string(), f.stem().string(), f.string(), read_file(f)});
        }
        return docs;
    }
    std::ifstream in(corpus);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        const json j = json::parse(line);
        docs.push_back({j.at("id").get<std::string>(),
                        j.value("title", ""),
                        corpus,
                        j.at("text").get<std::string>()});
    }
    return docs;
}

// The index-time pipeline the engine runs (split, clean, extract) into DocumentRecords.
Status build_collection(const std::string& dir, const std::vector<SourceDoc>& docs) {
    index::CollectionOptions options;
    options.create_if_missing = true;
    auto collection = index::Collection::open(dir, options);
    if (!collection.ok()) {
        return collection.status();
    }
    auto writer = (*collection)->writer();
    if (!writer.ok()) {
        return writer.status();
    }
    std::vector<std::vector<text::SentenceSpan>> spans;
    std::vector<clean::CleanInput> inputs;
    spans.reserve(docs.size());
    for (const SourceDoc& d : docs) {
        spans.push_back(text::split_sentences(d.text));
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
        inputs.push_back({docs[i].text, spans[i]});
    }
    clean::Cleaner cleaner;
    const clean::CleanResult cleaned = cleaner.clean(inputs);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        index::DocumentRecord r;
        r.external_id = docs[i].id;
        r.title = docs[i].title;
        r.source_path = docs[i].path;
        r.format = "text";
        r.text = docs[i].text;
        r.source_size_bytes = docs[i].text.size();
        const clean::DocumentVerdict& v = cleaned.documents[i];
        for (std::size_t s = 0; s < spans[i].size(); ++s) {
            index::SentenceRecord sr;
            sr.text_begin = spans[i][s].begin;
            sr.text_end = spans[i][s].end;
            sr.source_begin = spans[i][s].begin;
            sr.source_end = spans[i][s].end;
            sr.flags = v.sentences[s].flags;
            sr.quality = v.sentences[s].quality;
            r.sentences.push_back(sr);
        }
        r.flags = v.flags;
        r.quality = v.quality;
        r.annotations.emplace_back("fp", v.fingerprints);
        r.annotations.emplace_back(
            "facts", extract::serialize(extract::extract_document(docs[i].text, spans[i])));
        Status st = (*writer)->add(std::move(r));
        if (!st.ok()) {
            return st;
        }
    }
    auto gen = (*writer)->commit();
    return gen.ok() ? Status{} : gen.status();
}

// Knowledge from every stored document's text and facts annotation.
extract::Knowledge build_knowledge(const index::Snapshot& snapshot) {
    std::vector<index::StoredDocument> stored;
    for (std::uint32_t seg = 0; seg < snapshot.segments().size(); ++seg) {
        const auto& view = snapshot.segments()[seg];
        for (index::DocId doc = 0; doc < view.reader->doc_count(); ++doc) {
            if (!view.is_live(doc)) {
                continue;
            }
            auto d = snapshot.document(seg, doc);
            if (d.ok()) {
                stored.push_back(d.take());
            }
        }
    }
    std::vector<std::vector<text::SentenceSpan>> spans(stored.size());
    std::vector<std::vector<std::uint8_t>> flags(stored.size());
    std::vector<extract::DocumentInput> inputs;
    for (std::size_t i = 0; i < stored.size(); ++i) {
        for (const index::SentenceRecord& s : stored[i].sentences) {
            spans[i].push_back({s.text_begin, s.text_end});
            flags[i].push_back(s.flags);
        }
        extract::DocumentFacts facts;
        bool have = false;
        for (const auto& [name, blob] : stored[i].annotations) {
            if (name == "facts") {
                auto parsed = extract::deserialize(blob);
                if (parsed.ok()) {
                    facts = parsed.take();
                    have = true;
                }
            }
        }
        if (!have) {
            facts = extract::extract_document(stored[i].text, spans[i]);
        }
        inputs.push_back({stored[i].external_id,
                          stored[i].title,
                          stored[i].source_path,
                          stored[i].text,
                          spans[i],
                          flags[i],
                          std::move(facts)});
    }
    return extract::Knowledge::build(inputs);
}

// ---- scoring ----------------------------------------------------------------------------------

std::string seeds_normalise(std::string_view s, text::Analyzer& analyzer) {
    const std::string folded = analyzer.fold(s);
    std::string out;
    bool space = true;
    for (std::size_t i = 0; i < folded.size();) {
        UChar32 cp = 0;
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(folded.data());
        const auto len = static_cast<std::int32_t>(folded.size());
        auto at = static_cast<std::int32_t>(i);
        U8_NEXT(bytes, at, len, cp);
        const bool keep = cp > 0 && u_isalnum(cp);
        if (keep) {
            out.append(folded, i, static_cast<std::size_t>(at) - i);
            space = false;
        } else if (!space) {
            out.push_back(' ');
            space = true;
        }
        i = static_cast<std::size_t>(at);
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    for (std::string_view article : {"the ", "a ", "an "}) {
        if (out.starts_with(article)) {
            out.erase(0, article.size());
            break;
        }
    }
    return out;
}

bool contains_words(const std::string& haystack, const std::string& needle) {
    if (needle.empty()) {
        return false;
    }
    const std::string h = " " + haystack + " ";
    return h.find(" " + needle + " ") != std::string::npos;
}

bool seeds_correct(const json& q, const AskResponse& r, text::Analyzer& analyzer) {
    const std::string type = q.at("type");
    const bool abstained = r.status != "answered";
    if (type == "unanswerable") {
        return abstained;
    }
    if (abstained) {
        return false;
    }
    const std::string short_answer = r.answer ? r.answer->text : "";
    if (type == "definition" || type == "reason" || type == "list" || type == "conflict") {
        std::string all = short_answer + " " + r.answer_text;
        for (const AnswerGroup& g : r.conflicts) {
            all += " " + g.text;
        }
        const std::string hay = seeds_normalise(all, analyzer);
        for (const std::string group : q.at("answers")) {
            bool any = false;
            std::stringstream parts(group);
            std::string alt;
            while (std::getline(parts, alt, '|')) {
                any = any || contains_words(hay, seeds_normalise(alt, analyzer));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
    const std::string mine = seeds_normalise(short_answer, analyzer);
    if (type == "yesno") {
        const std::string expected = q.at("answers")[0];
        return mine.substr(0, mine.find(' ')) == expected;
    }
    for (const std::string a : q.at("answers")) {
        if (seeds_normalise(a, analyzer) == mine) {
            return true;
        }
    }
    return false;
}

std::string squad_normalise(std::string_view s) {
    std::string lower;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::ispunct(u) != 0) {
            continue;
        }
        lower.push_back(static_cast<char>(std::tolower(u)));
    }
    std::stringstream in(lower);
    std::string w;
    std::string out;
    while (in >> w) {
        if (w == "a" || w == "an" || w == "the") {
            continue;
        }
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

double token_f1(const std::string& pred, const std::string& gold) {
    std::stringstream a(pred);
    std::stringstream b(gold);
    std::vector<std::string> pa;
    std::vector<std::string> gb;
    std::string w;
    while (a >> w) {
        pa.push_back(w);
    }
    while (b >> w) {
        gb.push_back(w);
    }
    if (pa.empty() || gb.empty()) {
        return pa == gb ? 1.0 : 0.0;
    }
    std::map<std::string, int> counts;
    for (const auto& t : gb) {
        ++counts[t];
    }
    int common = 0;
    for (const auto& t : pa) {
        if (counts[t]-- > 0) {
            ++common;
        }
    }
    if (common == 0) {
        return 0;
    }
    const double p = static_cast<double>(common) / static_cast<double>(pa.size());
    const double rc = static_cast<double>(common) / static_cast<double>(gb.size());
    return 2 * p * rc / (p + rc);
}

struct Scored {
    std::string type;
    bool answerable = true;
    bool abstained = false;
    double em = 0;
    double f1 = 0;
    double confidence = 0;
    double ms = 0;
    /// Whether the answer is right in the sense its confidence states: the value for short
    /// answers, the answer sentences holding the gold answer for definition and reason answers.
    double right = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto idx = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(idx, v.size() - 1)];
}

void print_report(const std::vector<Scored>& all) {
    std::map<std::string, std::vector<const Scored*>> by_type;
    for (const Scored& s : all) {
        by_type[s.type].push_back(&s);
        by_type["ALL"].push_back(&s);
    }
    std::printf(
        "%-14s %5s %7s %7s %9s %9s %9s\n", "type", "n", "EM", "F1", "abstain", "mean_ms", "p99_ms");
    for (const auto& [type, list] : by_type) {
        double em = 0;
        double f1 = 0;
        int abst = 0;
        std::vector<double> ms;
        for (const Scored* s : list) {
            em += s->em;
            f1 += s->f1;
            abst += s->abstained ? 1 : 0;
            ms.push_back(s->ms);
        }
        const double n = static_cast<double>(list.size());
        double mean = 0;
        for (double m : ms) {
            mean += m;
        }
        std::printf("%-14s %5zu %6.1f%% %6.1f%% %9d %9.2f %9.2f\n",
                    type.c_str(),
                    list.size(),
                    100 * em / n,
                    100 * f1 / n,
                    abst,
                    mean / n,
                    percentile(ms, 0.99));
    }
    // Abstention precision/recall: abstaining is right on unanswerable questions.
    int abst_right = 0;
    int abst_total = 0;
    int unanswerable = 0;
    for (const Scored& s : all) {
        abst_total += s.abstained ? 1 : 0;
        abst_right += (s.abstained && !s.answerable) ? 1 : 0;
        unanswerable += s.answerable ? 0 : 1;
    }
    std::printf("abstention: %d abstained, precision %.2f, recall %.2f (%d unanswerable)\n",
                abst_total,
                abst_total ? static_cast<double>(abst_right) / abst_total : 0.0,
                unanswerable ? static_cast<double>(abst_right) / unanswerable : 0.0,
                unanswerable);
    // ECE over the answered questions: is the stated confidence the observed accuracy?
    std::array<double, 10> conf{};
    std::array<double, 10> acc{};
    std::array<int, 10> n{};
    int answered = 0;
    for (const Scored& s : all) {
        if (s.abstained) {
            continue;
        }
        const auto bin = std::min<std::size_t>(9, static_cast<std::size_t>(s.confidence * 10));
        conf[bin] += s.confidence;
        acc[bin] += s.right;
        ++n[bin];
        ++answered;
    }
    double ece = 0;
    std::printf("calibration bins (conf: n, mean conf, accuracy):");
    for (std::size_t b = 0; b < 10; ++b) {
        if (n[b] == 0) {
            continue;
        }
        std::printf(" [%.1f: %d, %.2f, %.2f]",
                    static_cast<double>(b) / 10,
                    n[b],
                    conf[b] / n[b],
                    acc[b] / n[b]);
        ece += std::fabs(conf[b] - acc[b]) / std::max(1, answered);
    }
    std::printf("\nECE (10 bins, answered questions): %.3f\n", ece);
}

// ---- answer typing on open-domain sets ---------------------------------------------------------

std::string expected_value_type(const std::string& answer) {
    static const std::regex year(R"(^(in )?(1[0-9]{3}|20[0-9]{2})$)", std::regex::icase);
    static const std::regex date(
        R"(\b(january|february|march|april|may|june|july|august|september|october|november|december)\b.*\b[0-9]{1,4}\b|\b[0-9]{1,4}\b.*\b(january|february|march|april|may|june|july|august|september|october|november|december)\b)",
        std::regex::icase);
    static const std::regex number(
        R"(^[$£€]?\s*[0-9][0-9,.]*\s*(%|percent|million|billion|thousand|years?|days?|km|miles|feet|ft|m|kg|pounds)?$)",
        std::regex::icase);
    if (std::regex_match(answer, year)) {
        return "year";
    }
    if (std::regex_search(answer, date)) {
        return "date";
    }
    if (std::regex_match(answer, number)) {
        return "number";
    }
    return "";
}

int run_typing(const std::vector<std::string>& files) {
    for (const std::string& file : files) {
        std::ifstream in(file);
        std::string line;
        std::map<std::string, std::pair<int, int>> agree;  // expected -> (agree, total)
        while (std::getline(in, line)) {
            if (line.empty()) {
                continue;
            }
            const json j = json::parse(line);
            if (!j.contains("answers") || j["answers"].empty()) {
                continue;
            }
            const std::string expected = expected_value_type(j["answers"][0].get<std::string>());
            if (expected.empty()) {
                continue;
            }
            const answer::AnswerType t =
                answer::classify_question(j.at("question").get<std::string>());
            const bool ok = expected == "number"
                                ? t == answer::AnswerType::Number
                                : (t == answer::AnswerType::Date || t == answer::AnswerType::Year);
            agree[expected].first += ok ? 1 : 0;
            agree[expected].second += 1;
        }
        std::printf("%s:", file.c_str());
        for (const auto& [type, counts] : agree) {
            std::printf("  %s answers typed %s: %d/%d = %.2f",
                        type.c_str(),
                        type == "number" ? "number" : "date/year",
                        counts.first,
                        counts.second,
                        counts.second ? static_cast<double>(counts.first) / counts.second : 0.0);
        }
        std::printf("\n");
    }
    return 0;
}

// Prints what the answerer saw for one question: type, key terms, the best passages and the
// candidate groups (for finding where a miss comes from: retrieval, type or span).
void explain(const std::shared_ptr<const index::Snapshot>& snapshot, const std::string& text) {
    text::Analyzer analyzer;
    answer::Question q = answer::analyze_question(text, analyzer);
    search::Searcher searcher(snapshot);
    auto passages = answer::retrieve_passages(searcher, q);
    if (!passages.ok()) {
        std::printf("retrieval failed: %s\n", passages.status().to_string().c_str());
        return;
    }
    std::printf("type %s; terms:", std::string(answer::answer_type_name(q.type)).c_str());
    for (const answer::KeyTerm& k : q.terms) {
        std::printf(" %s(%.2f%s)", k.folded.c_str(), k.weight, k.proper ? ",proper" : "");
    }
    std::printf("\n");
    const auto scores = answer::score_passages(q, *passages, analyzer);
    std::vector<std::size_t> order(passages->size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return scores[a].score > scores[b].score;
    });
    std::vector<answer::Candidate> candidates;
    for (std::size_t r = 0; r < order.size() && r < 10; ++r) {
        const std::size_t i = order[r];
        const answer::Passage& p = (*passages)[i];
        std::printf("%5.3f cov %.2f q %.2f ret %.2f [%s] %.150s\n",
                    scores[i].score,
                    scores[i].coverage,
                    scores[i].quality,
                    p.retrieval_score,
                    p.ref.doc_id.substr(0, 3).c_str(),
                    p.ref.text.c_str());
        for (answer::Candidate& c :
             answer::extract_candidates(q, p, i, answer::NameBook{}, analyzer)) {
            c.score = scores[i].score * c.type_confidence;
            std::printf("        cand %s (%s) type %.2f\n",
                        c.text.c_str(),
                        c.normalized.c_str(),
                        c.type_confidence);
            candidates.push_back(c);
        }
    }
}

bool parse_args(int argc, char** argv, Args& args) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            return i + 1 < argc ? argv[++i] : "";
        };
        if (a == "--collection") {
            args.collection = next();
        } else if (a == "--questions") {
            args.questions = next();
        } else if (a == "--format") {
            args.format = next();
        } else if (a == "--corpus") {
            args.corpus = next();
        } else if (a == "--predictions") {
            args.predictions = next();
        } else if (a == "--dump-features") {
            args.dump_features = next();
        } else if (a == "--limit") {
            args.limit = std::stoul(next());
        } else if (a == "--explain") {
            args.explain = next();
        } else if (a == "--typing") {
            while (i + 1 < argc && argv[i + 1][0] != '-') {
                args.typing.push_back(argv[++i]);
            }
        } else {
            return false;
        }
    }
    return !args.typing.empty()
           || (!args.collection.empty() && (!args.questions.empty() || !args.explain.empty()));
}

json support_json(const AnswerGroup& g) {
    json out = json::array();
    for (const AnswerSupport& s : g.support) {
        out.push_back({{"doc", s.sentence.doc_id}, {"text", s.sentence.text}});
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse_args(argc, argv, args)) {
        std::cerr
            << "usage: eval_qa --collection DIR --questions FILE.jsonl [--format seeds|squad] "
               "[--corpus DIR|FILE.jsonl] [--predictions OUT] [--dump-features OUT]\n"
               "       eval_qa --typing FILE.jsonl...\n";
        return 2;
    }
    if (!args.typing.empty()) {
        return run_typing(args.typing);
    }
    if (!fs::exists(fs::path(args.collection) / "MANIFEST")) {
        if (args.corpus.empty()) {
            std::cerr << "no collection at " << args.collection << " and no --corpus to build it\n";
            return 1;
        }
        Status st = build_collection(args.collection, read_corpus(args.corpus));
        if (!st.ok()) {
            std::cerr << "building the collection: " << st.to_string() << "\n";
            return 1;
        }
    }
    auto collection = index::Collection::open(args.collection);
    if (!collection.ok()) {
        std::cerr << collection.status().to_string() << "\n";
        return 1;
    }
    const auto snapshot = (*collection)->snapshot();
    if (!args.explain.empty()) {
        explain(snapshot, args.explain);
        return 0;
    }
    const extract::Knowledge knowledge = build_knowledge(*snapshot);
    answer::Answerer answerer(snapshot, &knowledge);
    text::Analyzer analyzer;

    std::ifstream in(args.questions);
    std::ofstream predictions;
    std::ofstream features;
    if (!args.predictions.empty()) {
        predictions.open(args.predictions);
    }
    if (!args.dump_features.empty()) {
        features.open(args.dump_features);
    }
    std::vector<Scored> scored;
    std::string line;
    const bool seeds = args.format == "seeds";
    while (std::getline(in, line) && (args.limit == 0 || scored.size() < args.limit)) {
        if (line.empty()) {
            continue;
        }
        const json q = json::parse(line);
        AskRequest request;
        request.question = q.at("question").get<std::string>();
        auto outcome = answerer.ask_with_features(request, analyzer);
        if (!outcome.ok()) {
            std::cerr << q.value("id", "?") << ": " << outcome.status().to_string() << "\n";
            return 1;
        }
        const AskResponse& r = outcome->response;
        Scored s;
        s.abstained = r.status != "answered";
        s.confidence = r.confidence;
        s.ms = r.took_ms;
        const std::string short_answer = r.answer ? r.answer->text : "";
        if (seeds) {
            s.type = q.at("type");
            s.answerable = s.type != "unanswerable";
            s.em = seeds_correct(q, r, analyzer) ? 1 : 0;
            s.f1 = s.em;
        } else {
            s.type = r.type;
            // Definition and reason answers are sentences; their key phrase is `normalized`.
            const bool explained = r.type == "definition" || r.type == "reason";
            const std::string span = explained && r.answer ? r.answer->normalized : short_answer;
            for (const std::string gold : q.at("answers")) {
                const std::string p = squad_normalise(span);
                const std::string g = squad_normalise(gold);
                s.em = std::max(s.em, (!s.abstained && p == g) ? 1.0 : 0.0);
                s.f1 = std::max(s.f1, s.abstained ? 0.0 : token_f1(p, g));
                if (explained && !s.abstained
                    && contains_words(squad_normalise(r.answer_text), g)) {
                    s.right = 1;
                }
            }
        }
        s.right = std::max(s.right, s.em);
        scored.push_back(s);
        if (predictions.is_open()) {
            json p = {{"id", q.value("id", "")},
                      {"question", request.question},
                      {"type", r.type},
                      {"answer", s.abstained ? json(nullptr) : json(short_answer)},
                      {"text", r.answer_text},
                      {"confidence", r.confidence},
                      {"correct", s.em},
                      {"gold", q.value("answers", json::array())}};
            if (r.answer) {
                p["support"] = support_json(*r.answer);
            }
            if (!r.closest.empty()) {
                json closest = json::array();
                for (const AnswerSupport& c : r.closest) {
                    closest.push_back(c.sentence.text);
                }
                p["closest"] = closest;
            }
            json conflicts = json::array();
            for (const AnswerGroup& g : r.conflicts) {
                conflicts.push_back(g.text);
            }
            p["conflicts"] = conflicts;
            predictions << p.dump() << "\n";
        }
        if (features.is_open() && !s.abstained) {
            const auto x = answer::feature_vector(outcome->features);
            features
                << json({{"x", std::vector<double>(x.begin(), x.end())}, {"y", s.right}}).dump()
                << "\n";
        }
    }
    print_report(scored);
    return 0;
}
