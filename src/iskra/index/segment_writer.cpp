#include "iskra/index/segment_writer.hpp"

#include <algorithm>

#include "iskra/index/doc_store_writer.hpp"
#include "iskra/index/varint.hpp"
#include "iskra/util/checksum.hpp"

namespace iskra::index {

namespace {

// Rough per-term cost of a hash node, the key and the vectors' entries.
constexpr std::uint64_t kTermOverheadBytes = 96;

}  // namespace

std::uint32_t SegmentWriter::intern(FieldBuffer& field, std::string_view term) {
    bool inserted = false;
    std::uint32_t id = field.table.intern(term, inserted);
    if (inserted) {
        field.postings.emplace_back();
        memory_bytes_ += kTermOverheadBytes + term.size();
    }
    return id;
}

void SegmentWriter::append_posting(TermBuffer& buffer,
                                   DocId doc,
                                   std::uint32_t freq,
                                   const std::pair<std::uint32_t, std::uint32_t>* begin,
                                   const std::pair<std::uint32_t, std::uint32_t>* end) {
    std::size_t before = buffer.bytes.capacity();
    append_varint(buffer.bytes, doc - buffer.last_doc);
    append_varint(buffer.bytes, freq);
    append_varint(buffer.bytes, static_cast<std::uint64_t>(end - begin));
    std::uint32_t previous = 0;
    for (const auto* p = begin; p != end; ++p) {
        append_varint(buffer.bytes, p->second - previous);
        previous = p->second;
    }
    buffer.last_doc = doc;
    ++buffer.doc_freq;
    memory_bytes_ += buffer.bytes.capacity() - before;
}

void SegmentWriter::add(const DocumentRecord& record, const AnalyzedDocument& analyzed) {
    DocId doc = doc_count();
    scratch_.clear();
    for (std::size_t i = 0; i < analyzed.tokens.size(); ++i) {
        scratch_.emplace_back(intern(all_, analyzed.tokens[i].term), analyzed.positions[i]);
    }
    std::sort(scratch_.begin(), scratch_.end());
    std::uint32_t title_length = analyzed.title_length;
    for (std::size_t run = 0; run < scratch_.size();) {
        std::size_t run_end = run;
        std::uint32_t title_tf = 0;
        while (run_end < scratch_.size() && scratch_[run_end].first == scratch_[run].first) {
            title_tf += scratch_[run_end].second < title_length ? 1 : 0;
            ++run_end;
        }
        std::uint32_t term = scratch_[run].first;
        auto count = static_cast<std::uint32_t>(run_end - run);
        std::uint32_t freq = (count - title_tf) + kTitleWeight * title_tf;
        append_posting(all_.postings[term], doc, freq, &scratch_[run], &scratch_[run_end]);
        if (title_tf > 0) {
            std::uint32_t title_term = intern(title_, all_.table.term(term));
            append_posting(title_.postings[title_term],
                           doc,
                           title_tf,
                           &scratch_[run],
                           &scratch_[run + title_tf]);
        }
        run = run_end;
    }
    DocEntry entry;
    entry.store_offset = store_.size();
    entry.sentence_offset = static_cast<std::uint32_t>(sentence_starts_.size());
    entry.length_all = analyzed.length_all();
    entry.length_title = analyzed.title_length;
    entry.content_hash = record.content_hash;
    entry.text_bytes = record.text.size();
    std::size_t store_capacity = store_.capacity();
    serialize_document(record, store_);
    sentence_starts_.insert(
        sentence_starts_.end(), analyzed.sentence_starts.begin(), analyzed.sentence_starts.end());
    ids_.push_back(record.external_id);
    docs_.push_back(entry);
    memory_bytes_ += (store_.capacity() - store_capacity) + sizeof(DocEntry) + 32
                     + record.external_id.size() + 4 * analyzed.sentence_starts.size();
}

void SegmentWriter::write_field(const FieldBuffer& field, Field which, SegmentBuilder& builder) {
    std::vector<std::uint32_t> order(field.table.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return field.table.term(a) < field.table.term(b);
    });
    std::vector<std::uint32_t> positions;
    for (std::uint32_t term : order) {
        const TermBuffer& buffer = field.postings[term];
        const auto* p = reinterpret_cast<const std::uint8_t*>(buffer.bytes.data());
        const auto* end = p + buffer.bytes.size();
        builder.begin_term(which);
        DocId doc = 0;
        while (p < end) {
            doc += static_cast<DocId>(read_varint(p, end));
            auto freq = static_cast<std::uint32_t>(read_varint(p, end));
            auto count = static_cast<std::uint32_t>(read_varint(p, end));
            positions.resize(count);
            std::uint32_t position = 0;
            for (std::uint32_t i = 0; i < count; ++i) {
                position += static_cast<std::uint32_t>(read_varint(p, end));
                positions[i] = position;
            }
            builder.add_posting(doc, freq, positions);
        }
        builder.end_term(field.table.term(term));
    }
}

Result<BuiltSegment> SegmentWriter::flush(const std::filesystem::path& dir) const {
    auto builder = SegmentBuilder::create(dir);
    ISKRA_TRY(builder);
    SegmentBuilder& b = **builder;
    for (std::size_t doc = 0; doc < docs_.size(); ++doc) {
        const DocEntry& entry = docs_[doc];
        std::uint64_t store_end =
            doc + 1 < docs_.size() ? docs_[doc + 1].store_offset : store_.size();
        std::uint32_t sentences_end = doc + 1 < docs_.size()
                                          ? docs_[doc + 1].sentence_offset
                                          : static_cast<std::uint32_t>(sentence_starts_.size());
        b.add_document(
            std::string_view(store_).substr(entry.store_offset, store_end - entry.store_offset),
            ids_[doc],
            entry.content_hash,
            std::span(sentence_starts_)
                .subspan(entry.sentence_offset, sentences_end - entry.sentence_offset),
            entry.length_all,
            entry.length_title,
            entry.text_bytes);
    }
    write_field(all_, Field::All, b);
    write_field(title_, Field::Title, b);
    return b.finish();
}

}  // namespace iskra::index
