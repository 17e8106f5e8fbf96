#include "iskra/engine/document_builder.hpp"

#include <chrono>
#include <utility>

namespace iskra::engine {

PreparedDocument prepare_document(ingest::Document document) {
    PreparedDocument prepared;
    prepared.sentences = text::split_sentences(document.text);
    prepared.source = std::move(document);
    return prepared;
}

index::DocumentRecord make_record(PreparedDocument&& prepared) {
    auto& doc = prepared.source;
    index::DocumentRecord record;
    record.external_id = doc.id;
    record.title = doc.title;
    record.source_path = doc.source_path;
    record.format = ingest::format_name(doc.format);
    record.source_size_bytes = doc.source_size_bytes;
    record.content_hash = doc.content_hash;
    record.invalid_utf8_replaced = static_cast<std::uint32_t>(doc.invalid_utf8_replaced);
    record.ingest_time_ms =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    record.sentences.reserve(prepared.sentences.size());
    for (const auto& span : prepared.sentences) {
        index::SentenceRecord sentence;
        sentence.text_begin = span.begin;
        sentence.text_end = span.end;
        auto [source_begin, source_end] = ingest::source_range(doc, span.begin, span.end);
        sentence.source_begin = source_begin;
        sentence.source_end = source_end;
        record.sentences.push_back(sentence);
    }
    record.text = std::move(doc.text);
    return record;
}

}  // namespace iskra::engine
