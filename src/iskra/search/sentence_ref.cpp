#include "iskra/search/sentence_ref.hpp"

#include <utility>

namespace iskra::search {

std::vector<std::string> sentence_flag_names(std::uint8_t flags) {
    static constexpr std::pair<std::uint8_t, std::string_view> kNames[] = {
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

std::string_view sentence_text(const index::StoredDocument& document, std::uint32_t sentence_idx) {
    const index::SentenceRecord& sentence = document.sentences[sentence_idx];
    const std::string_view text(document.text);
    if (sentence.text_begin > sentence.text_end || sentence.text_end > text.size()) {
        return {};
    }
    return text.substr(sentence.text_begin, sentence.text_end - sentence.text_begin);
}

SentenceRef make_sentence_ref(const index::StoredDocument& document, std::uint32_t sentence_idx) {
    const index::SentenceRecord& sentence = document.sentences[sentence_idx];
    SentenceRef ref;
    ref.doc_id = document.external_id;
    ref.title = document.title;
    ref.source_path = document.source_path;
    ref.sentence_index = sentence_idx;
    ref.text = std::string(sentence_text(document, sentence_idx));
    ref.text_begin = sentence.text_begin;
    ref.text_end = sentence.text_end;
    ref.source_begin = sentence.source_begin;
    ref.source_end = sentence.source_end;
    ref.quality = sentence.quality;
    ref.flags = sentence_flag_names(sentence.flags);
    return ref;
}

float sentence_prior(const index::SentenceRecord& sentence) {
    // Noise flags halve a sentence's weight; a question or quiz line is a weaker citation than a
    // statement. Quality (0..1) scales the rest gently so that it orders, not filters.
    constexpr std::uint8_t kNoise = index::kSentenceDuplicate | index::kSentenceOffTopic
                                    | index::kSentenceFurniture | index::kSentenceSpun;
    float factor = (sentence.flags & kNoise) != 0 ? 0.5f : 1.0f;
    if ((sentence.flags & (index::kSentenceQuiz | index::kSentenceQuestion)) != 0) {
        factor *= 0.8f;
    }
    const float quality =
        sentence.quality < 0 ? 0.0f : (sentence.quality > 1 ? 1.0f : sentence.quality);
    return factor * (0.6f + 0.4f * quality);
}

}  // namespace iskra::search
