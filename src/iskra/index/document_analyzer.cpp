#include "iskra/index/document_analyzer.hpp"

#include <limits>
#include <string_view>

#include "iskra/index/posting_cursor_concept.hpp"

namespace iskra::index {

std::uint32_t AnalyzedDocument::length_all() const {
    return body_length + kTitleWeight * title_length;
}

void AnalyzedDocument::clear() {
    // The writer reuses one AnalyzedDocument per batch slot: a slot keeps what it holds, but not
    // a large document's capacity, which would stay with the slot (and add up over the slots)
    // for the rest of the session, outside the buffer's memory count.
    constexpr std::size_t kKeptTokens = 4096;
    if (tokens.capacity() > kKeptTokens) {
        std::vector<text::Token>().swap(tokens);
        std::vector<std::uint32_t>().swap(positions);
        std::vector<std::uint32_t>().swap(sentence_starts);
    }
    tokens.clear();
    positions.clear();
    sentence_starts.clear();
    title_length = 0;
    body_length = 0;
}

Status normalize_record(DocumentRecord& record) {
    if (record.external_id.empty()) {
        return Status::invalid_argument("document has an empty external id");
    }
    if (record.text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return Status::invalid_argument("document " + record.external_id
                                        + ": text larger than 4 GiB");
    }
    if (record.sentences.empty()) {
        if (!record.text.empty()) {
            SentenceRecord whole;
            whole.text_begin = 0;
            whole.text_end = static_cast<std::uint32_t>(record.text.size());
            whole.source_begin = 0;
            whole.source_end = record.source_size_bytes;
            record.sentences.push_back(whole);
        }
        return {};
    }
    std::uint32_t previous_end = 0;
    for (std::size_t i = 0; i < record.sentences.size(); ++i) {
        const SentenceRecord& s = record.sentences[i];
        if (s.text_begin < previous_end || s.text_end < s.text_begin
            || s.text_end > record.text.size()) {
            return Status::invalid_argument(
                "document " + record.external_id + ": sentence " + std::to_string(i) + " ["
                + std::to_string(s.text_begin) + ", " + std::to_string(s.text_end)
                + ") is unsorted, overlapping or outside the text of "
                + std::to_string(record.text.size()) + " bytes");
        }
        previous_end = s.text_end;
    }
    return {};
}

void analyze_document(text::Analyzer& analyzer,
                      const DocumentRecord& record,
                      AnalyzedDocument& out) {
    out.clear();
    analyzer.analyze(record.title, out.tokens);
    out.title_length = static_cast<std::uint32_t>(out.tokens.size());
    for (std::uint32_t i = 0; i < out.title_length; ++i) {
        out.positions.push_back(i);
    }
    std::uint32_t position = out.title_length + kSentencePositionGap;
    std::string_view text(record.text);
    for (const SentenceRecord& sentence : record.sentences) {
        out.sentence_starts.push_back(position);
        std::size_t before = out.tokens.size();
        analyzer.analyze(text.substr(sentence.text_begin, sentence.text_end - sentence.text_begin),
                         out.tokens);
        for (std::size_t i = before; i < out.tokens.size(); ++i) {
            out.positions.push_back(position++);
        }
        position += kSentencePositionGap;
    }
    out.body_length = static_cast<std::uint32_t>(out.tokens.size()) - out.title_length;
}

}  // namespace iskra::index
