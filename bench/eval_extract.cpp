// Evaluates extraction (issue 5).
//
//   eval_extract seeds   [--seeds DIR] [--gold DIR] [--dump]
//       dates and person entities of data/seeds against data/gold/seeds_*.tsv
//   eval_extract reuters [--corpus FILE] [--limit N]
//       recall of each story's PEOPLE/ORGS/PLACES labels among its entities; story date found
//   eval_extract sotu    [--corpus FILE]
//       fraction of addresses whose most frequent timeline year is the address year
//   eval_extract timing  [--corpus FILE]
//       extraction time vs analysis (tokenizing) time on the same texts (default: sotu)
//
// Corpora default to /work/shared/eval/...; the program says so when they are missing.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "iskra/extract/date_finder.hpp"
#include "iskra/extract/document_facts.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/extract/name_fold.hpp"
#include "iskra/text/analyzer.hpp"
#include "iskra/text/sentence_splitter.hpp"
#include "iskra/util/stopwatch.hpp"

namespace {

namespace fs = std::filesystem;
using iskra::extract::DocumentFacts;
using iskra::extract::DocumentInput;
using iskra::extract::Knowledge;

struct Options {
    std::string mode;
    std::string seeds = ISKRA_SOURCE_DIR "/data/seeds";
    std::string gold = ISKRA_SOURCE_DIR "/data/gold";
    std::string corpus;
    std::size_t limit = 0;
    bool dump = false;
};

struct LoadedDoc {
    std::string id;
    std::string title;
    std::string path;
    std::string text;
    std::vector<iskra::text::SentenceSpan> sentences;
    nlohmann::json record;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<DocumentInput> make_inputs(const std::vector<LoadedDoc>& docs) {
    std::vector<DocumentInput> inputs;
    inputs.reserve(docs.size());
    for (const auto& doc : docs) {
        DocumentInput input;
        input.doc_id = doc.id;
        input.title = doc.title;
        input.source_path = doc.path;
        input.text = doc.text;
        input.sentences = doc.sentences;
        input.facts = iskra::extract::extract_document(doc.text, doc.sentences);
        inputs.push_back(std::move(input));
    }
    return inputs;
}

std::vector<LoadedDoc> load_jsonl(const std::string& path, std::size_t limit) {
    std::vector<LoadedDoc> docs;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line) && (limit == 0 || docs.size() < limit)) {
        if (line.empty()) {
            continue;
        }
        LoadedDoc doc;
        doc.record = nlohmann::json::parse(line, nullptr, false);
        if (doc.record.is_discarded()) {
            continue;
        }
        doc.id = doc.record.value("id", "");
        doc.title = doc.record.value("title", "");
        doc.path = path;
        doc.text = doc.record.value("text", "");
        doc.sentences = iskra::text::split_sentences(doc.text);
        docs.push_back(std::move(doc));
    }
    return docs;
}

bool corpus_present(const std::string& path) {
    if (fs::exists(path)) {
        return true;
    }
    std::cout << "MISSING: " << path
              << " does not exist (../shared/eval is not mounted); nothing measured.\n";
    return false;
}

double ratio(std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / b;
}

// ---- seeds -----------------------------------------------------------------------------------

std::vector<LoadedDoc> load_seeds(const std::string& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<LoadedDoc> docs;
    for (const auto& file : files) {
        LoadedDoc doc;
        doc.id = file.stem().string();
        doc.title = doc.id;
        doc.path = file.string();
        doc.text = read_file(file);
        doc.sentences = iskra::text::split_sentences(doc.text);
        docs.push_back(std::move(doc));
    }
    return docs;
}

std::vector<std::vector<std::string>> read_tsv(const fs::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream stream(line);
        std::string cell;
        while (std::getline(stream, cell, '\t')) {
            cells.push_back(cell);
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

void dump_seeds(const Knowledge& knowledge, const std::vector<DocumentInput>& inputs) {
    for (const auto& input : inputs) {
        for (const auto& date : input.facts.dates) {
            auto d = date.to_date(input.text);
            std::cout << "DATE\t" << input.doc_id << "\t" << date.begin << "\t" << date.end_byte
                      << "\t" << d.iso << "\t" << static_cast<int>(date.kind)
                      << (date.resolved ? "" : "\tunresolved") << "\t" << d.text << "\n";
        }
        for (const auto& office : input.facts.offices) {
            std::cout << "OFFICE\t" << input.doc_id << "\t" << office.title << "\t" << office.holder
                      << "\t" << (office.from ? office.from->iso() : "") << "\t"
                      << (office.to ? office.to->iso() : "") << "\t" << office.preceded_by << "\t"
                      << office.succeeded_by << "\n";
        }
    }
    for (const auto& event : knowledge.timeline({})) {
        std::cout << "EVENT\t" << event.date.iso << "\t" << event.sources.size() << "\t"
                  << (event.conflicting_dates.empty()
                          ? ""
                          : "CONFLICT:" + event.conflicting_dates[0].iso)
                  << "\t" << event.summary.substr(0, 140) << "\n";
    }
    for (const auto& entity : knowledge.entities()) {
        std::cout << "ENTITY\t" << entity.type << "\t" << entity.name << "\t" << entity.mentions;
        for (const auto& alias : entity.aliases) {
            std::cout << "\t" << alias;
        }
        std::cout << "\n";
    }
    for (const auto& q : knowledge.quiz(5, 42)) {
        std::cout << "QUIZ\t" << q.kind << "\t" << q.question << "\n";
        for (std::size_t k = 0; k < q.choices.size(); ++k) {
            std::cout << "\t" << (k == q.answer_index ? "*" : " ") << q.choices[k] << "\n";
        }
    }
}

// Date mentions: a gold row (doc, begin, end, iso) is found when an extracted event-date mention
// of that document overlaps its span with the same ISO value.
void score_dates(const std::vector<DocumentInput>& inputs, const fs::path& gold_file) {
    auto rows = read_tsv(gold_file);
    if (rows.empty()) {
        std::cout << "dates: no gold rows in " << gold_file << "\n";
        return;
    }
    std::map<std::string, std::vector<std::vector<std::string>>> gold_by_doc;
    for (auto& row : rows) {
        if (row.size() >= 4) {
            gold_by_doc[row[0]].push_back(row);
        }
    }
    std::size_t extracted = 0;
    std::size_t correct = 0;
    std::size_t gold_total = 0;
    std::size_t gold_found = 0;
    for (const auto& input : inputs) {
        auto& gold = gold_by_doc[input.doc_id];
        gold_total += gold.size();
        std::vector<bool> found(gold.size(), false);
        for (const auto& date : input.facts.dates) {
            if (!date.is_event_date()) {
                continue;
            }
            ++extracted;
            std::string iso = date.to_date(input.text).iso;
            bool ok = false;
            for (std::size_t g = 0; g < gold.size(); ++g) {
                auto begin = static_cast<std::uint32_t>(std::stoul(gold[g][1]));
                auto end = static_cast<std::uint32_t>(std::stoul(gold[g][2]));
                if (date.begin < end && begin < date.end_byte && gold[g][3] == iso) {
                    ok = true;
                    found[g] = true;
                }
            }
            correct += ok ? 1 : 0;
            if (!ok) {
                std::cout << "  extra date: " << input.doc_id << " " << date.begin << " " << iso
                          << " '" << date.to_date(input.text).text << "'\n";
            }
        }
        for (std::size_t g = 0; g < gold.size(); ++g) {
            gold_found += found[g] ? 1 : 0;
            if (!found[g]) {
                std::cout << "  missed date: " << input.doc_id << " " << gold[g][1] << " "
                          << gold[g][3] << " '" << (gold[g].size() > 4 ? gold[g][4] : "") << "'\n";
            }
        }
    }
    std::printf("dated mentions: precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)\n",
                ratio(correct, extracted),
                correct,
                extracted,
                ratio(gold_found, gold_total),
                gold_found,
                gold_total);
}

// Timeline events: a gold row (iso, keyword) is found when some event with that date has a
// source sentence containing the keyword (folded).
void score_events(const Knowledge& knowledge, const fs::path& gold_file) {
    auto rows = read_tsv(gold_file);
    std::size_t found = 0;
    auto events = knowledge.timeline({});
    for (const auto& row : rows) {
        if (row.size() < 2) {
            continue;
        }
        std::string keyword = iskra::extract::fold_name(row[1]);
        bool ok = false;
        for (const auto& event : events) {
            if (event.date.iso.rfind(row[0], 0) != 0) {
                continue;
            }
            for (const auto& source : event.sources) {
                ok =
                    ok || iskra::extract::fold_name(source.text).find(keyword) != std::string::npos;
            }
        }
        found += ok ? 1 : 0;
        if (!ok) {
            std::cout << "  missed event: " << row[0] << " " << row[1] << "\n";
        }
    }
    std::printf("key events: recall %.3f (%zu/%zu); timeline has %zu events\n",
                ratio(found, rows.size()),
                found,
                rows.size(),
                events.size());
}

// People: gold rows are "canonical<TAB>alias|alias...". A person cluster is correct when its name
// or an alias is a gold name or alias; a gold person is found when a person cluster holds it;
// an alias is clustered when it resolves to the cluster of the gold canonical name.
void score_people(const Knowledge& knowledge, const fs::path& gold_file) {
    auto rows = read_tsv(gold_file);
    std::unordered_map<std::string, std::size_t> gold_of_name;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        gold_of_name[iskra::extract::fold_name(rows[r][0])] = r;
        if (rows[r].size() > 1) {
            std::stringstream aliases(rows[r][1]);
            std::string alias;
            while (std::getline(aliases, alias, '|')) {
                gold_of_name[iskra::extract::fold_name(alias)] = r;
            }
        }
    }
    auto people = knowledge.entities("person");
    std::size_t correct = 0;
    std::set<std::size_t> found;
    for (const auto& person : people) {
        bool ok = false;
        std::vector<std::string> names = person.aliases;
        names.push_back(person.name);
        for (const auto& name : names) {
            auto it = gold_of_name.find(iskra::extract::fold_name(name));
            if (it != gold_of_name.end()) {
                ok = true;
                found.insert(it->second);
            }
        }
        correct += ok ? 1 : 0;
        if (!ok) {
            std::cout << "  extra person: " << person.name << " (" << person.mentions << ")\n";
        }
    }
    std::size_t aliases_total = 0;
    std::size_t aliases_clustered = 0;
    std::size_t frequent = 0;
    std::size_t frequent_found = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        bool counted = rows[r].size() < 3 || rows[r][2] != "rare";
        frequent += counted ? 1 : 0;
        frequent_found += counted && found.count(r) != 0 ? 1 : 0;
        if (counted && found.count(r) == 0) {
            std::cout << "  missed person: " << rows[r][0] << "\n";
        }
        auto canonical = knowledge.resolve(rows[r][0]);
        if (!counted || rows[r].size() < 2 || rows[r][1].empty()) {
            continue;
        }
        std::stringstream aliases(rows[r][1]);
        std::string alias;
        while (std::getline(aliases, alias, '|')) {
            ++aliases_total;
            auto cluster = knowledge.resolve(alias);
            bool ok = canonical && cluster && *canonical == *cluster;
            aliases_clustered += ok ? 1 : 0;
            if (!ok) {
                std::cout << "  alias not clustered: " << alias << " -> " << rows[r][0] << "\n";
            }
        }
    }
    std::printf(
        "person entities: precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu frequent people)  "
        "aliases clustered %.3f (%zu/%zu)\n",
        ratio(correct, people.size()),
        correct,
        people.size(),
        ratio(frequent_found, frequent),
        frequent_found,
        frequent,
        ratio(aliases_clustered, aliases_total),
        aliases_clustered,
        aliases_total);
}

int run_seeds(const Options& options) {
    auto docs = load_seeds(options.seeds);
    auto inputs = make_inputs(docs);
    Knowledge knowledge = Knowledge::build(inputs);
    if (options.dump) {
        dump_seeds(knowledge, inputs);
        return 0;
    }
    std::cout << "seeds: " << docs.size() << " documents from " << options.seeds << "\n";
    score_dates(inputs, fs::path(options.gold) / "seeds_dates.tsv");
    score_events(knowledge, fs::path(options.gold) / "seeds_events.tsv");
    score_people(knowledge, fs::path(options.gold) / "seeds_people.tsv");
    return 0;
}

// ---- reuters ---------------------------------------------------------------------------------

// Labels are lower-case with hyphens ("west-germany"); a label is found when its folded words
// equal an entity name or alias of the story, or are the initials of one ("usa" <- "U.S.A.").
bool label_found(const std::string& label, const std::vector<std::string>& names) {
    std::string wanted = label;
    std::replace(wanted.begin(), wanted.end(), '-', ' ');
    for (const auto& name : names) {
        std::string folded = iskra::extract::fold_name(name);
        std::string letters;
        for (char c : folded) {
            if (c != '.' && c != ' ') {
                letters.push_back(c);
            }
        }
        if (folded == wanted || letters == wanted || folded.find(wanted) != std::string::npos) {
            return true;
        }
        // "U.S." for the label "usa": the dotted initials start the label.
        bool dotted = folded.find('.') != std::string::npos;
        if (dotted && letters.size() >= 2 && wanted.rfind(letters, 0) == 0) {
            return true;
        }
        std::size_t last = folded.rfind(' ');
        if (last != std::string::npos && folded.substr(last + 1) == wanted) {
            return true;
        }
    }
    return false;
}

int run_reuters(const Options& options) {
    std::string path =
        options.corpus.empty() ? "/work/shared/eval/reuters21578/corpus.jsonl" : options.corpus;
    if (!corpus_present(path)) {
        return 0;
    }
    iskra::util::Stopwatch clock;
    auto docs = load_jsonl(path, options.limit);
    auto inputs = make_inputs(docs);
    double extract_s = clock.elapsed_seconds();
    clock.reset();
    Knowledge knowledge = Knowledge::build(inputs);
    double build_s = clock.elapsed_seconds();
    std::map<std::string, std::pair<std::size_t, std::size_t>> recall;  // field -> found, total
    std::size_t dated = 0;
    std::size_t day_found = 0;
    std::size_t month_found = 0;
    std::size_t partial_found = 0;
    static const char* kMonths[] = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const auto& record = docs[d].record;
        std::vector<std::string> names;
        std::string folded_text = iskra::extract::fold_name(docs[d].text);
        // The story's entities: its own names (resolved to their clusters) and the known
        // names found in its text.
        std::set<std::uint32_t> clusters;
        for (const auto& mention : inputs[d].facts.entities) {
            if (auto cluster = knowledge.resolve(mention.surface)) {
                clusters.insert(*cluster);
            }
        }
        for (const auto& m : knowledge.mentions_in(docs[d].text)) {
            clusters.insert(m.cluster);
        }
        for (std::uint32_t cluster : clusters) {
            auto entity = knowledge.cluster_entity(cluster);
            names.push_back(entity.name);
            names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
        }
        for (const char* field : {"people", "orgs", "places"}) {
            if (!record.contains(field) || !record[field].is_array()) {
                continue;
            }
            for (const auto& label : record[field]) {
                auto& [found, total] = recall[field];
                ++total;
                bool hit = label_found(label.get<std::string>(), names);
                found += hit ? 1 : 0;
                // The same, only for labels whose words the story itself contains: labels
                // are given by editors ("usa" for any New York company) and need not be written.
                std::string words = label.get<std::string>();
                std::replace(words.begin(), words.end(), '-', ' ');
                if (folded_text.find(words) != std::string::npos) {
                    auto& [found_written, total_written] = recall[std::string(field) + "*"];
                    ++total_written;
                    found_written += hit ? 1 : 0;
                }
            }
        }
        // "26-FEB-1987 15:01:01.79"
        std::string date = record.value("date", "");
        int day = 0;
        int year = 0;
        char month_name[4] = {};
        if (std::sscanf(date.c_str(), " %d-%3s-%d", &day, month_name, &year) != 3) {
            continue;
        }
        int month = 0;
        for (int m = 0; m < 12; ++m) {
            month = std::string(month_name) == kMonths[m] ? m + 1 : month;
        }
        ++dated;
        bool got_day = false;
        bool got_month = false;
        bool got_partial = false;
        for (const auto& mention : inputs[d].facts.dates) {
            const auto& v = mention.value;
            got_day =
                got_day || (mention.resolved && v.year == year && v.month == month && v.day == day);
            got_month = got_month || (mention.resolved && v.year == year && v.month == month);
            got_partial = got_partial || (v.month == month && v.day == day);
        }
        day_found += got_day ? 1 : 0;
        month_found += got_month ? 1 : 0;
        partial_found += got_partial ? 1 : 0;
    }
    std::printf("reuters: %zu stories (extract %.1f s, knowledge build %.1f s, %u clusters)\n",
                docs.size(),
                extract_s,
                build_s,
                knowledge.cluster_count());
    for (const auto& [field, counts] : recall) {
        std::printf("  %-8s label recall %.3f (%zu/%zu)\n",
                    field.c_str(),
                    ratio(counts.first, counts.second),
                    counts.first,
                    counts.second);
    }
    std::printf(
        "  story date: exact day with year %.3f, year+month %.3f, day+month (any year) %.3f"
        " of %zu dated stories\n",
        ratio(day_found, dated),
        ratio(month_found, dated),
        ratio(partial_found, dated),
        dated);
    return 0;
}

// ---- sotu ------------------------------------------------------------------------------------

int run_sotu(const Options& options) {
    std::string path =
        options.corpus.empty() ? "/work/shared/eval/sotu/corpus.jsonl" : options.corpus;
    if (!corpus_present(path)) {
        return 0;
    }
    auto docs = load_jsonl(path, options.limit);
    auto inputs = make_inputs(docs);
    Knowledge knowledge = Knowledge::build(inputs);
    auto events =
        knowledge.timeline(iskra::TimelineRequest{std::nullopt, std::nullopt, "", 10000000, true});
    std::unordered_map<std::string, std::map<std::int32_t, std::size_t>> years_of_doc;
    for (const auto& event : events) {
        for (const auto& source : event.sources) {
            if (event.date.precision != "decade" && event.date.precision != "range") {
                ++years_of_doc[source.doc_id][event.date.year];
            }
        }
    }
    std::size_t right = 0;
    std::size_t right_or_previous = 0;
    std::size_t present = 0;
    for (const auto& doc : docs) {
        int year = doc.record.value("year", 0);
        const auto& years = years_of_doc[doc.id];
        std::int32_t top = 0;
        std::size_t top_count = 0;
        for (const auto& [y, count] : years) {
            if (count > top_count) {
                top = y;
                top_count = count;
            }
        }
        right += top == year ? 1 : 0;
        present += years.count(year) != 0 ? 1 : 0;
        right_or_previous += (top == year || top == year - 1) ? 1 : 0;
    }
    std::printf(
        "sotu: %zu addresses, %zu timeline events; top timeline year == address year: %.3f "
        "(%zu); == year or year-1: %.3f; address year anywhere in its timeline: %.3f\n",
        docs.size(),
        events.size(),
        ratio(right, docs.size()),
        right,
        ratio(right_or_previous, docs.size()),
        ratio(present, docs.size()));
    return 0;
}

// ---- timing ----------------------------------------------------------------------------------

int run_timing(const Options& options) {
    std::string path =
        options.corpus.empty() ? "/work/shared/eval/sotu/corpus.jsonl" : options.corpus;
    if (!corpus_present(path)) {
        return 0;
    }
    auto docs = load_jsonl(path, options.limit);
    std::size_t bytes = 0;
    for (const auto& doc : docs) {
        bytes += doc.text.size();
    }
    iskra::text::Analyzer analyzer;
    std::vector<iskra::text::Token> tokens;
    std::size_t token_count = 0;
    std::size_t facts_bytes = 0;
    double analyze_best = 1e9;
    double extract_best = 1e9;
    double split_best = 1e9;
    for (int round = 0; round < 3; ++round) {
        iskra::util::Stopwatch clock;
        for (const auto& doc : docs) {
            tokens.clear();
            analyzer.analyze(doc.text, tokens);
            token_count += tokens.size();
        }
        analyze_best = std::min(analyze_best, clock.elapsed_seconds());
        clock.reset();
        for (const auto& doc : docs) {
            auto spans = iskra::text::split_sentences(doc.text);
            facts_bytes += spans.size();
        }
        split_best = std::min(split_best, clock.elapsed_seconds());
        clock.reset();
        for (const auto& doc : docs) {
            auto facts = iskra::extract::extract_document(doc.text, doc.sentences);
            facts_bytes += iskra::extract::serialize(facts).size();
        }
        extract_best = std::min(extract_best, clock.elapsed_seconds());
    }
    std::printf(
        "timing on %zu docs, %.1f MB (best of 3): analyze %.2f s (%.1f MB/s), split "
        "sentences %.2f s, extract_document+serialize %.2f s (%.1f MB/s); extraction / "
        "analysis = %.2f; (analysis+split+extract)/(analysis+split) = %.2f\n",
        docs.size(),
        bytes / 1e6,
        analyze_best,
        bytes / 1e6 / analyze_best,
        split_best,
        extract_best,
        bytes / 1e6 / extract_best,
        extract_best / analyze_best,
        (analyze_best + split_best + extract_best) / (analyze_best + split_best));
    (void)token_count;
    (void)facts_bytes;
    iskra::util::Stopwatch clock;
    auto inputs = make_inputs(docs);
    double make_s = clock.elapsed_seconds();
    clock.reset();
    Knowledge knowledge = Knowledge::build(inputs);
    std::printf("Knowledge::build over %zu docs: %.2f s (extract for it: %.2f s), %u clusters\n",
                docs.size(),
                clock.elapsed_seconds(),
                make_s,
                knowledge.cluster_count());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (argc < 2) {
        std::cerr << "usage: eval_extract seeds|reuters|sotu|timing [--seeds DIR] [--gold DIR] "
                     "[--corpus FILE] [--limit N] [--dump]\n";
        return 2;
    }
    options.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto next = [&]() {
            return i + 1 < argc ? std::string(argv[++i]) : std::string();
        };
        if (arg == "--seeds") {
            options.seeds = next();
        } else if (arg == "--gold") {
            options.gold = next();
        } else if (arg == "--corpus") {
            options.corpus = next();
        } else if (arg == "--limit") {
            options.limit = std::stoul(next());
        } else if (arg == "--dump") {
            options.dump = true;
        }
    }
    if (options.mode == "seeds") {
        return run_seeds(options);
    }
    if (options.mode == "reuters") {
        return run_reuters(options);
    }
    if (options.mode == "sotu") {
        return run_sotu(options);
    }
    if (options.mode == "timing") {
        return run_timing(options);
    }
    std::cerr << "unknown mode " << options.mode << "\n";
    return 2;
}
