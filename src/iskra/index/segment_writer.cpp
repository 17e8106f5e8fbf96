#include "iskra/index/segment_writer.hpp"

#include <algorithm>
#include <numeric>
#include <thread>

#include "iskra/index/doc_store_writer.hpp"
#include "iskra/index/postings_writer.hpp"
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
                                   const std::uint32_t* positions,
                                   std::uint32_t count) {
    std::size_t capacity_before = buffer.bytes.capacity();
    // Varints go through a stack buffer: one append per ~200 bytes instead of one per byte.
    std::uint8_t staging[256];
    std::size_t used = 0;
    auto put = [&](std::uint32_t v) {
        while (v >= 0x80) {
            staging[used++] = static_cast<std::uint8_t>(v | 0x80);
            v >>= 7;
        }
        staging[used++] = static_cast<std::uint8_t>(v);
        if (used > sizeof(staging) - 5) {
            buffer.bytes.append(reinterpret_cast<const char*>(staging), used);
            used = 0;
        }
    };
    put(doc - buffer.last_doc);
    put(freq);
    put(count);
    std::uint32_t previous = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        put(positions[i] - previous);
        previous = positions[i];
    }
    buffer.bytes.append(reinterpret_cast<const char*>(staging), used);
    buffer.last_doc = doc;
    ++buffer.doc_freq;
    memory_bytes_ += buffer.bytes.capacity() - capacity_before;
}

void SegmentWriter::add(const DocumentRecord& record, const AnalyzedDocument& analyzed) {
    DocId doc = doc_count();
    std::uint32_t stamp = doc + 1;
    std::uint32_t title_length = analyzed.title_length;
    doc_terms_.clear();
    token_terms_.resize(analyzed.tokens.size());
    for (std::size_t i = 0; i < analyzed.tokens.size(); ++i) {
        std::uint32_t term = intern(all_, analyzed.tokens[i].term);
        if (term >= term_stamp_.size()) {
            std::size_t size = std::max<std::size_t>(all_.table.size(), 2 * term_stamp_.size());
            term_stamp_.resize(size, 0);
            term_slot_.resize(size, 0);
            title_id_.resize(size, ~0u);
        }
        if (term_stamp_[term] != stamp) {
            term_stamp_[term] = stamp;
            term_slot_[term] = static_cast<std::uint32_t>(doc_terms_.size());
            doc_terms_.push_back({term, 0, 0, 0});
        }
        DocTerm& entry = doc_terms_[term_slot_[term]];
        ++entry.count;
        entry.title_count += analyzed.positions[i] < title_length ? 1 : 0;
        token_terms_[i] = term;
    }
    // Bucket the positions by term (a counting sort: tokens come in position order).
    std::uint32_t offset = 0;
    for (DocTerm& entry : doc_terms_) {
        entry.offset = offset;
        offset += entry.count;
    }
    doc_positions_.resize(offset);
    for (std::size_t i = 0; i < token_terms_.size(); ++i) {
        DocTerm& entry = doc_terms_[term_slot_[token_terms_[i]]];
        doc_positions_[entry.offset++] = analyzed.positions[i];
    }
    for (const DocTerm& entry : doc_terms_) {
        const std::uint32_t* positions = doc_positions_.data() + entry.offset - entry.count;
        std::uint32_t freq = (entry.count - entry.title_count) + kTitleWeight * entry.title_count;
        append_posting(all_.postings[entry.term], doc, freq, positions, entry.count);
        if (entry.title_count > 0) {
            std::uint32_t& title_term = title_id_[entry.term];
            if (title_term == ~0u) {
                title_term = intern(title_, all_.table.term(entry.term));
            }
            append_posting(
                title_.postings[title_term], doc, entry.title_count, positions, entry.title_count);
        }
    }
    DocEntry entry;
    entry.sentence_offset = static_cast<std::uint32_t>(sentence_starts_.size());
    entry.length_all = analyzed.length_all();
    entry.length_title = analyzed.title_length;
    entry.content_hash = record.content_hash;
    entry.text_bytes = record.text.size();
    std::uint64_t store_size = store_sink_.size();
    store_.add(record);
    sentence_starts_.insert(
        sentence_starts_.end(), analyzed.sentence_starts.begin(), analyzed.sentence_starts.end());
    ids_.push_back(record.external_id);
    docs_.push_back(entry);
    memory_bytes_ += (store_sink_.size() - store_size) + sizeof(DocEntry) + 32
                     + record.external_id.size() + 4 * analyzed.sentence_starts.size();
}

namespace {

// Decodes a term's buffered postings (varint doc gap, freq, position count, position gaps) and
// calls add(doc, freq, positions) for each.
template <typename Add>
void decode_postings(std::string_view bytes, std::vector<std::uint32_t>& positions, Add add) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto* end = p + bytes.size();
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
        add(doc, freq, std::span<const std::uint32_t>(positions));
    }
}

}  // namespace

std::vector<std::uint32_t> SegmentWriter::sorted_terms(const FieldBuffer& field) {
    std::vector<std::uint32_t> order(field.table.size());
    std::iota(order.begin(), order.end(), 0u);
    auto less = [&](std::uint32_t a, std::uint32_t b) {
        return field.table.term(a) < field.table.term(b);
    };
    // Both halves sorted at once, then merged.
    auto middle = order.begin() + static_cast<std::ptrdiff_t>(order.size() / 2);
    {
        std::jthread second([&] { std::sort(middle, order.end(), less); });
        std::sort(order.begin(), middle, less);
    }
    std::inplace_merge(order.begin(), middle, order.end(), less);
    return order;
}

void SegmentWriter::write_terms(const FieldBuffer& field,
                                Field which,
                                std::span<const std::uint32_t> order,
                                SegmentBuilder& builder) {
    std::vector<std::uint32_t> positions;
    for (std::uint32_t term : order) {
        builder.begin_term(which);
        decode_postings(field.postings[term].bytes,
                        positions,
                        [&](DocId doc, std::uint32_t freq, std::span<const std::uint32_t> at) {
                            builder.add_posting(doc, freq, at);
                        });
        builder.end_term(field.table.term(term));
    }
}

void SegmentWriter::EncodedTerms::encode(const FieldBuffer& field,
                                         Field which,
                                         std::span<const std::uint32_t> order,
                                         std::span<const std::uint32_t> lengths) {
    PostingsWriter writer(docs, positions);
    std::vector<std::uint32_t> scratch;
    for (std::uint32_t term : order) {
        const TermBuffer& buffer = field.postings[term];
        if (buffer.bytes.empty()) {
            continue;  // as SegmentBuilder::end_term drops a term without postings
        }
        writer.begin_term(lengths);
        decode_postings(buffer.bytes,
                        scratch,
                        [&](DocId doc, std::uint32_t freq, std::span<const std::uint32_t> at) {
                            writer.add(doc, freq, at);
                        });
        terms.push_back({which, field.table.term(term), writer.end_term()});
    }
}

// Terms in rounds of about kRoundBytes of buffered postings: the first half of a round (by bytes)
// goes through the builder on this thread, the second is encoded on `encoder` meanwhile and
// appended after it. The rounds bound the memory of the part encoded apart.
void SegmentWriter::write_field(const FieldBuffer& field, Field which, SegmentBuilder& builder) {
    constexpr std::uint64_t kRoundBytes = std::uint64_t{8} << 20;
    std::vector<std::uint32_t> order = sorted_terms(field);
    auto bytes_of = [&](std::uint32_t term) {
        return field.postings[term].bytes.size();
    };
    std::span<const std::uint32_t> rest(order);
    while (!rest.empty()) {
        std::size_t end = 0;
        std::uint64_t round = 0;
        while (end < rest.size() && round < kRoundBytes) {
            round += bytes_of(rest[end++]);
        }
        std::size_t half = 0;
        for (std::uint64_t first = 0; half < end && 2 * first < round; ++half) {
            first += bytes_of(rest[half]);
        }
        EncodedTerms apart;
        {
            std::jthread encoder([&] {
                apart.encode(field, which, rest.subspan(half, end - half), builder.lengths(which));
            });
            write_terms(field, which, rest.first(half), builder);
        }
        builder.add_encoded_terms(
            apart.docs.memory_content(), apart.positions.memory_content(), apart.terms);
        rest = rest.subspan(end);
    }
}

Result<BuiltSegment> SegmentWriter::flush(const std::filesystem::path& dir) {
    auto builder = SegmentBuilder::create(dir);
    ISKRA_TRY(builder);
    SegmentBuilder& b = **builder;
    for (std::size_t doc = 0; doc < docs_.size(); ++doc) {
        const DocEntry& entry = docs_[doc];
        std::uint32_t sentences_end = doc + 1 < docs_.size()
                                          ? docs_[doc + 1].sentence_offset
                                          : static_cast<std::uint32_t>(sentence_starts_.size());
        b.add_unstored_document(
            ids_[doc],
            entry.content_hash,
            std::span(sentence_starts_)
                .subspan(entry.sentence_offset, sentences_end - entry.sentence_offset),
            entry.length_all,
            entry.length_title,
            entry.text_bytes);
    }
    // Both cores: the store's last block is compressed on a thread of its own while the posting
    // lists are encoded, in rounds, half here and half apart (write_field).
    std::jthread store_finisher([this] { store_.finish(); });
    write_field(all_, Field::All, b);
    write_field(title_, Field::Title, b);
    store_finisher.join();
    b.set_store(store_sink_.memory_content());
    return b.finish();
}

}  // namespace iskra::index
