#include "iskra/engine/sentence_refs.hpp"

namespace iskra::engine {

std::vector<std::string> sentence_flag_names(std::uint8_t flags) {
    static constexpr std::pair<std::uint8_t, const char*> kNames[] = {
        {index::kSentenceDuplicate, "duplicate"},
        {index::kSentenceOffTopic, "off_topic"},
        {index::kSentenceFurniture, "furniture"},
        {index::kSentenceSpun, "spun"},
        {index::kSentenceQuiz, "quiz"},
        {index::kSentenceQuestion, "question"},
    };
    std::vector<std::string> names;
    for (const auto& [bit, name] : kNames) {
        if ((flags & bit) != 0) {
            names.emplace_back(name);
        }
    }
    return names;
}

SentenceRef make_sentence_ref(const index::StoredDocument& doc, std::uint32_t index) {
    SentenceRef ref;
    ref.doc_id = doc.external_id;
    ref.title = doc.title;
    ref.source_path = doc.source_path;
    ref.sentence_index = index;
    if (index < doc.sentences.size()) {
        const auto& sentence = doc.sentences[index];
        ref.text_begin = sentence.text_begin;
        ref.text_end = sentence.text_end;
        ref.source_begin = sentence.source_begin;
        ref.source_end = sentence.source_end;
        ref.quality = sentence.quality;
        ref.flags = sentence_flag_names(sentence.flags);
        if (sentence.text_end <= doc.text.size() && sentence.text_begin <= sentence.text_end) {
            ref.text =
                doc.text.substr(sentence.text_begin, sentence.text_end - sentence.text_begin);
        }
    }
    return ref;
}

}  // namespace iskra::engine
