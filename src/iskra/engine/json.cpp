#include "iskra/json.hpp"

#include <cmath>
#include <unordered_set>

namespace iskra {

using nlohmann::json;

namespace {

// Scores and qualities are shown, not compared bit for bit: rounding keeps the output readable
// (0.9 instead of 0.8999999761581421) and identical across runs that differ only in the last ulp.
double rounded(double value, double scale = 1e4) {
    if (!std::isfinite(value)) {
        return 0;
    }
    return std::round(value * scale) / scale;
}

template <typename T>
json array_of(const std::vector<T>& items) {
    json out = json::array();
    out.get_ref<json::array_t&>().reserve(items.size());
    for (const auto& item : items) {
        out.push_back(to_json(item));
    }
    return out;
}

json strings(const std::vector<std::string>& items) {
    json out = json::array();
    out.get_ref<json::array_t&>().reserve(items.size());
    for (const auto& item : items) {
        out.push_back(item);
    }
    return out;
}

// Sentences of a document view repeat neither the document's id nor its title.
json document_sentence(const SentenceRef& sentence, bool highlighted) {
    json out = {
        {"sentence_index", sentence.sentence_index},
        {"text", sentence.text},
        {"text_begin", sentence.text_begin},
        {"text_end", sentence.text_end},
        {"source_begin", sentence.source_begin},
        {"source_end", sentence.source_end},
        {"quality", rounded(sentence.quality)},
        {"flags", strings(sentence.flags)},
    };
    if (highlighted) {
        out["highlighted"] = true;
    }
    return out;
}

}  // namespace

// The objects of every search and ask response are filled member by member: an initializer list
// builds each pair as a two-element array first, twice the allocations for the same output.
json to_json(const SentenceRef& sentence) {
    json out = json::object();
    out["doc_id"] = sentence.doc_id;
    out["title"] = sentence.title;
    out["source_path"] = sentence.source_path;
    out["sentence_index"] = sentence.sentence_index;
    out["text"] = sentence.text;
    out["text_begin"] = sentence.text_begin;
    out["text_end"] = sentence.text_end;
    out["source_begin"] = sentence.source_begin;
    out["source_end"] = sentence.source_end;
    out["quality"] = rounded(sentence.quality);
    out["flags"] = strings(sentence.flags);
    return out;
}

json to_json(const Snippet& snippet) {
    json highlights = json::array();
    for (const auto& [begin, end] : snippet.highlights) {
        highlights.push_back({begin, end});
    }
    json out = json::object();
    out["sentence"] = to_json(snippet.sentence);
    out["highlights"] = std::move(highlights);
    return out;
}

json to_json(const SearchHit& hit) {
    json out = json::object();
    out["doc_id"] = hit.doc_id;
    out["title"] = hit.title;
    out["source_path"] = hit.source_path;
    out["score"] = rounded(hit.score);
    out["snippets"] = array_of(hit.snippets);
    return out;
}

json to_json(const SearchResponse& response) {
    json out = json::object();
    out["query"] = response.query;
    out["total_hits"] = response.total_hits;
    out["total_is_exact"] = response.total_is_exact;
    out["hits"] = array_of(response.hits);
    out["took_ms"] = rounded(response.took_ms, 1e3);
    return out;
}

json to_json(const AnswerSupport& support) {
    json out = json::object();
    out["sentence"] = to_json(support.sentence);
    out["score"] = rounded(support.score);
    return out;
}

json to_json(const AnswerGroup& group) {
    json out = json::object();
    out["text"] = group.text;
    out["normalized"] = group.normalized;
    out["score"] = rounded(group.score);
    out["independent_sources"] = group.independent_sources;
    out["support"] = array_of(group.support);
    return out;
}

json to_json(const AskResponse& response) {
    json out = json::object();
    out["question"] = response.question;
    out["status"] = response.status;
    out["type"] = response.type;
    out["answer"] = response.answer ? to_json(*response.answer) : json(nullptr);
    out["answer_text"] = response.answer_text;
    out["confidence"] = rounded(response.confidence);
    out["conflicts"] = array_of(response.conflicts);
    out["closest"] = array_of(response.closest);
    out["key_terms"] = strings(response.key_terms);
    out["took_ms"] = rounded(response.took_ms, 1e3);
    return out;
}

json to_json(const Date& date) {
    return {
        {"year", date.year},
        {"month", date.month},
        {"day", date.day},
        {"precision", date.precision},
        {"iso", date.iso},
        {"text", date.text},
    };
}

json to_json(const TimelineEvent& event) {
    return {
        {"date", to_json(event.date)},
        {"end_date", event.end_date ? to_json(*event.end_date) : json(nullptr)},
        {"summary", event.summary},
        {"entities", strings(event.entities)},
        {"sources", array_of(event.sources)},
        {"conflicting_dates", array_of(event.conflicting_dates)},
    };
}

json to_json(const TimelineResponse& response) {
    return {
        {"events", array_of(response.events)},
        {"count", response.events.size()},
        {"took_ms", rounded(response.took_ms, 1e3)},
    };
}

json to_json(const Office& office) {
    return {
        {"title", office.title},
        {"from", office.from},
        {"to", office.to},
        {"preceded_by", office.preceded_by},
        {"succeeded_by", office.succeeded_by},
        {"source", office.source ? to_json(*office.source) : json(nullptr)},
    };
}

json to_json(const Entity& entity) {
    return {
        {"name", entity.name},
        {"type", entity.type},
        {"aliases", strings(entity.aliases)},
        {"mentions", entity.mentions},
        {"documents", entity.documents},
    };
}

json to_json(const std::vector<Entity>& entities) {
    return {{"entities", array_of(entities)}, {"count", entities.size()}};
}

json to_json(const EntityDetail& detail) {
    json related = json::array();
    for (const auto& [name, count] : detail.related) {
        related.push_back({{"name", name}, {"count", count}});
    }
    return {
        {"entity", to_json(detail.entity)},
        {"offices", array_of(detail.offices)},
        {"events", array_of(detail.events)},
        {"related", std::move(related)},
        {"mentions", array_of(detail.mentions)},
    };
}

json to_json(const QuizQuestion& question) {
    return {
        {"question", question.question},
        {"choices", strings(question.choices)},
        {"answer_index", question.answer_index},
        {"kind", question.kind},
        {"source", to_json(question.source)},
    };
}

json to_json(const std::vector<QuizQuestion>& questions) {
    return {{"questions", array_of(questions)}, {"count", questions.size()}};
}

json to_json(const DocumentView& document, std::span<const std::uint32_t> highlight) {
    std::unordered_set<std::uint32_t> marked(highlight.begin(), highlight.end());
    json sentences = json::array();
    for (const auto& sentence : document.sentences) {
        sentences.push_back(document_sentence(sentence, marked.contains(sentence.sentence_index)));
    }
    json highlight_list = json::array();
    for (auto index : highlight) {
        highlight_list.push_back(index);
    }
    return {
        {"doc_id", document.doc_id},
        {"title", document.title},
        {"source_path", document.source_path},
        {"format", document.format},
        {"text", document.text},
        {"sentences", std::move(sentences)},
        {"highlight", std::move(highlight_list)},
        {"source_size_bytes", document.source_size_bytes},
        {"invalid_utf8_replaced", document.invalid_utf8_replaced},
    };
}

json to_json(const SegmentStats& segment) {
    return {
        {"name", segment.name},
        {"documents", segment.documents},
        {"deleted", segment.deleted},
        {"size_bytes", segment.size_bytes},
    };
}

json to_json(const CollectionStats& stats) {
    return {
        {"path", stats.path},
        {"generation", stats.generation},
        {"documents", stats.documents},
        {"sentences", stats.sentences},
        {"terms", stats.terms},
        {"tokens", stats.tokens},
        {"text_bytes", stats.text_bytes},
        {"index_bytes", stats.index_bytes},
        {"segments", array_of(stats.segments)},
    };
}

json to_json(const AddStats& stats) {
    return {
        {"documents_added", stats.documents_added},
        {"documents_replaced", stats.documents_replaced},
        {"documents_unchanged", stats.documents_unchanged},
        {"files_skipped", stats.files_skipped},
        {"bytes_read", stats.bytes_read},
        {"invalid_utf8_replaced", stats.invalid_utf8_replaced},
        {"seconds", rounded(stats.seconds, 1e3)},
    };
}

std::string_view error_code_name(StatusCode code) {
    switch (code) {
        case StatusCode::Ok:
            return "ok";
        case StatusCode::InvalidArgument:
            return "invalid_argument";
        case StatusCode::NotFound:
            return "not_found";
        case StatusCode::IoError:
            return "io_error";
        case StatusCode::Corruption:
            return "corruption";
        case StatusCode::Unsupported:
            return "unsupported";
        case StatusCode::ResourceExhausted:
            return "resource_exhausted";
        case StatusCode::Cancelled:
            return "cancelled";
        case StatusCode::Internal:
            return "internal";
        case StatusCode::AlreadyExists:
            return "already_exists";
        case StatusCode::Busy:
            return "busy";
    }
    return "unknown";
}

json error_json(const Status& status) {
    return {
        {"error",
         {{"code", std::string(error_code_name(status.code()))}, {"message", status.message()}}}};
}

std::string dump_json(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace iskra
