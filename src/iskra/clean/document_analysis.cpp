#include "iskra/clean/document_analysis.hpp"

#include "iskra/clean/noise_patterns.hpp"
#include "iskra/clean/sentence_shape.hpp"

namespace iskra::clean {

DocumentAnalysis analyze_document(const CleanInput& doc) {
    DocumentAnalysis out;
    NormalizedWords words;
    normalize_words(doc.text, words);
    out.simhash = fingerprint_words_of(words).simhash;
    out.sentences.reserve(doc.sentences.size());
    bool after_quiz_marker = false;
    for (const text::SentenceSpan& span : doc.sentences) {
        const std::string_view sentence = doc.text.substr(span.begin, span.end - span.begin);
        normalize_words(sentence, words);
        SentenceAnalysis s;
        s.fp = fingerprint_words_of(words);
        s.flags = text_noise_flags(sentence, words);
        s.shape = sentence_shape_quality(sentence, words);
        // "Did you know?" introduces a quiz item: the sentence after it belongs to the quiz.
        if (after_quiz_marker) {
            s.flags |= kFlagQuiz;
        }
        after_quiz_marker =
            (s.flags & kFlagQuiz) != 0 && (s.flags & kFlagQuestion) != 0 && s.fp.word_count <= 4;
        s.topic_begin = static_cast<std::uint32_t>(out.topic.size());
        append_topic_keys(words, out.topic);
        s.topic_end = static_cast<std::uint32_t>(out.topic.size());
        out.sentences.push_back(s);
    }
    return out;
}

}  // namespace iskra::clean
