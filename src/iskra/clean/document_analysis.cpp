#include "iskra/clean/document_analysis.hpp"

#include <algorithm>

#include "iskra/clean/noise_patterns.hpp"
#include "iskra/clean/sentence_shape.hpp"

namespace iskra::clean {
namespace {

// The document's words, where they are in its text, and its SimHash features: most sentences
// are runs of the document's words, so their words and shingle hashes are taken from here
// instead of being normalised and hashed a second time.
struct DocumentWords {
    NormalizedWords words;
    std::vector<std::uint32_t> begins;  ///< word i is text[begins[i], ends[i])
    std::vector<std::uint32_t> ends;
    std::vector<std::uint64_t> shingles;  ///< shingle_hashes(words)

    explicit DocumentWords(std::string_view text) {
        normalize_words(text, words, begins, ends);
        shingle_hashes(words, shingles);
    }

    std::uint64_t simhash() const {
        if (shingles.empty()) {
            return 0;
        }
        return simhash_of(std::span(shingles).first(shingles.size() - 1), shingles.back());
    }

    // Fills `out` and `fp` for text[begin, end) from the document's words when no word crosses
    // either end of the span (the span's words are then exactly the document's words inside
    // it); returns false otherwise.
    bool sentence(std::uint32_t begin,
                  std::uint32_t end,
                  NormalizedWords& out,
                  SentenceFingerprint& fp) const {
        const auto first = static_cast<std::size_t>(
            std::lower_bound(begins.begin(), begins.end(), begin) - begins.begin());
        const auto last = static_cast<std::size_t>(
            std::lower_bound(begins.begin(), begins.end(), end) - begins.begin());
        if ((first > 0 && ends[first - 1] > begin) || (last > 0 && ends[last - 1] > end)) {
            return false;
        }
        const std::size_t from = first < words.size() ? words.starts[first] : words.joined.size();
        const std::size_t to = last < words.size() ? words.starts[last] : words.joined.size();
        out.joined.assign(words.joined, from, to - from);
        out.starts.clear();
        for (std::size_t i = first; i < last; ++i) {
            out.starts.push_back(static_cast<std::uint32_t>(words.starts[i] - from));
        }
        const std::size_t n = last - first;
        fp.word_count = static_cast<std::uint16_t>(std::min<std::size_t>(n, 0xFFFF));
        fp.exact = feature_hash(out.joined);
        if (n == 0) {
            fp.simhash = 0;
            return true;
        }
        // The shingles inside the sentence, then its last word alone.
        const std::uint64_t last_word =
            last == words.size() ? shingles.back() : feature_hash(out.word(n - 1));
        fp.simhash = simhash_of(std::span(shingles).subspan(first, n - 1), last_word);
        return true;
    }
};

}  // namespace

DocumentAnalysis analyze_document(const CleanInput& doc) {
    DocumentAnalysis out;
    const DocumentWords document(doc.text);
    out.simhash = document.simhash();
    out.sentences.reserve(doc.sentences.size());
    NormalizedWords words;
    bool after_quiz_marker = false;
    for (const text::SentenceSpan& span : doc.sentences) {
        const std::string_view sentence = doc.text.substr(span.begin, span.end - span.begin);
        SentenceAnalysis s;
        if (!document.sentence(span.begin, span.end, words, s.fp)) {
            normalize_words(sentence, words);
            s.fp = fingerprint_words_of(words);
        }
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
