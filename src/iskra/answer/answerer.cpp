#include "iskra/answer/answerer.hpp"

#include <algorithm>

#include "iskra/answer/alias_answerer.hpp"
#include "iskra/answer/count_answerer.hpp"
#include "iskra/answer/gloss_answerer.hpp"
#include "iskra/answer/kin_answerer.hpp"
#include "iskra/answer/kind_answerer.hpp"
#include "iskra/answer/office_answerer.hpp"
#include "iskra/answer/office_question.hpp"
#include "iskra/answer/order_answerer.hpp"
#include "iskra/answer/question_analyzer.hpp"
#include "iskra/answer/verb_lexicon.hpp"
#include "iskra/answer/yesno_contrast.hpp"
#include "iskra/extract/name_fold.hpp"
#include "iskra/util/stopwatch.hpp"

namespace iskra::answer {
namespace {

// Every other name of the entity `folded_name` names, from the knowledge's alias clusters.
AliasLookup alias_lookup(const extract::Knowledge* knowledge) {
    if (knowledge == nullptr) {
        return {};
    }
    return [knowledge](std::string_view folded_name) {
        std::vector<std::string> out;
        if (folded_name.size() < 3) {
            return out;
        }
        auto cluster = knowledge->resolve(folded_name);
        if (!cluster) {
            return out;
        }
        const Entity entity = knowledge->cluster_entity(*cluster);
        if (entity.type != "person" && entity.type != "place" && entity.type != "organization") {
            return out;
        }
        out.push_back(entity.name);
        for (const std::string& alias : entity.aliases) {
            out.push_back(alias);
        }
        return out;
    };
}

// Names the knowledge found in the passages (any case), so lower-cased text yields names.
NameBook names_from_knowledge(const extract::Knowledge* knowledge,
                              const std::vector<Passage>& passages,
                              text::Analyzer& analyzer) {
    NameBook book;
    if (knowledge == nullptr) {
        return book;
    }
    for (const Passage& p : passages) {
        if (!p.lower_case) {
            continue;
        }
        for (const extract::ClusterMention& m : knowledge->mentions_in(p.ref.text)) {
            const Entity entity = knowledge->cluster_entity(m.cluster);
            const std::string surface = p.ref.text.substr(m.begin, m.end - m.begin);
            const extract::EntityType type = entity.type == "person"  ? extract::EntityType::Person
                                             : entity.type == "place" ? extract::EntityType::Place
                                             : entity.type == "organization"
                                                 ? extract::EntityType::Organization
                                                 : extract::EntityType::Unknown;
            // Show the name as the collection writes it best, unless the text's own form is longer.
            const std::string display =
                entity.name.size() >= surface.size() ? entity.name : surface;
            book.add(analyzer.fold(surface), display, type, analyzer.fold(entity.name));
        }
    }
    return book;
}

// "Did X side with B?" answered from "X supported A while Y supported B": the sentence sets X
// against B, so the answer is the opposite of what its wording alone gave.
void settle_contrast(const Question& question, AskResponse& r, text::Analyzer& analyzer) {
    if (question.type != AnswerType::YesNo || r.status != "answered" || !r.answer
        || r.answer->support.empty()
        || !contrasts_subject(question, r.answer->support.front().sentence.text, analyzer)) {
        return;
    }
    const std::string verdict = r.answer->text == "yes" ? "no" : "yes";
    r.answer->text = verdict;
    r.answer->normalized = verdict;
}

}  // namespace

Answerer::Answerer(std::shared_ptr<const index::Snapshot> snapshot,
                   const extract::Knowledge* knowledge,
                   AnswererOptions options)
    : searcher_(std::move(snapshot)),
      knowledge_(knowledge),
      options_(options),
      builder_(options.confidence) {
    VerbLexicon::system();  // read WordNet now rather than during the first question
}

Result<AnswerOutcome> Answerer::ask_with_features(const AskRequest& request,
                                                  text::Analyzer& analyzer) const {
    util::Stopwatch watch;
    if (request.question.find_first_not_of(" \t\r\n?") == std::string::npos) {
        return Status::invalid_argument("question: empty");
    }
    Question question = analyze_question(request.question, analyzer, alias_lookup(knowledge_));
    if (const auto office = parse_office_question(request.question); office && knowledge_) {
        // "Who succeeded X as T": the offices the collection states answer it directly.
        if (auto out = answer_office_question(
                *office, question, *knowledge_, options_.confidence, analyzer)) {
            out->response.took_ms = watch.elapsed_ms();
            return std::move(*out);
        }
    }
    auto passages = retrieve_passages(searcher_, question, options_.retrieval);
    if (!passages.ok()) {
        return passages.status();
    }
    auto special = answer_alias_question(question, *passages, options_.confidence, analyzer);
    if (!special) {
        special = answer_order_question(question, *passages, options_.confidence, analyzer);
    }
    if (!special) {
        special = answer_gloss_question(question, *passages, options_.confidence, analyzer);
    }
    if (const auto kin = parse_kin_question(request.question); kin && !special) {
        special = answer_kin_question(*kin, question, *passages, options_.confidence, analyzer);
    }
    if (!special) {
        special = answer_kind_question(question, *passages, options_.confidence, analyzer);
    }
    if (!special) {
        special = answer_count_question(question, *passages, options_.confidence, analyzer);
    }
    if (special) {
        special->response.took_ms = watch.elapsed_ms();
        return std::move(*special);
    }
    const NameBook names = names_from_knowledge(knowledge_, *passages, analyzer);
    AnswerOutcome out = builder_.build(question, passages.take(), names, request.k, analyzer);
    settle_contrast(question, out.response, analyzer);
    out.response.took_ms = watch.elapsed_ms();
    return out;
}

Result<AskResponse> Answerer::ask(const AskRequest& request, text::Analyzer& analyzer) const {
    auto outcome = ask_with_features(request, analyzer);
    if (!outcome.ok()) {
        return outcome.status();
    }
    return std::move(outcome->response);
}

}  // namespace iskra::answer
