#include "iskra/index/segment_merger.hpp"

#include <limits>
#include <optional>
#include <string>

#include "iskra/index/doc_store_reader.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::index {

namespace {

constexpr DocId kDropped = std::numeric_limits<DocId>::max();

// New id of each old doc of each input (kDropped for deleted ones).
std::vector<std::vector<DocId>> build_doc_maps(const std::vector<MergeInput>& inputs) {
    std::vector<std::vector<DocId>> maps;
    DocId next = 0;
    for (const MergeInput& input : inputs) {
        std::vector<DocId> map(input.reader->doc_count(), kDropped);
        for (DocId doc = 0; doc < map.size(); ++doc) {
            if (!input.deleted->contains(doc)) {
                map[doc] = next++;
            }
        }
        maps.push_back(std::move(map));
    }
    return maps;
}

Status copy_documents(const std::vector<MergeInput>& inputs,
                      const std::vector<std::vector<DocId>>& maps,
                      SegmentBuilder& builder) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const SegmentReader& reader = *inputs[i].reader;
        DocBlockCache cache;
        for (DocId doc = 0; doc < reader.doc_count(); ++doc) {
            if (maps[i][doc] == kDropped) {
                continue;
            }
            auto bytes = reader.serialized_document(doc, cache);
            ISKRA_TRY(bytes);
            builder.add_document(*bytes,
                                 reader.external_id(doc),
                                 reader.content_hash(doc),
                                 reader.sentence_starts(doc),
                                 reader.length(Field::All, doc),
                                 reader.length(Field::Title, doc),
                                 serialized_text_size(*bytes));
        }
    }
    return {};
}

void merge_field(const std::vector<MergeInput>& inputs,
                 const std::vector<std::vector<DocId>>& maps,
                 Field field,
                 SegmentBuilder& builder) {
    std::vector<TermIterator> iterators;
    std::vector<bool> live;
    for (const MergeInput& input : inputs) {
        iterators.push_back(input.reader->terms(field));
        live.push_back(iterators.back().next());
    }
    std::string term;
    while (true) {
        std::optional<std::string_view> smallest;
        for (std::size_t i = 0; i < iterators.size(); ++i) {
            if (live[i] && (!smallest || iterators[i].term() < *smallest)) {
                smallest = iterators[i].term();
            }
        }
        if (!smallest) {
            return;
        }
        term.assign(*smallest);
        builder.begin_term(field);
        for (std::size_t i = 0; i < iterators.size(); ++i) {
            if (!live[i] || iterators[i].term() != term) {
                continue;
            }
            auto cursor = inputs[i].reader->postings(iterators[i].info());
            for (; cursor.doc() != kEndOfPostings; cursor.next()) {
                DocId mapped = maps[i][cursor.doc()];
                if (mapped != kDropped) {
                    builder.add_posting(mapped, cursor.freq(), cursor.positions());
                }
            }
            live[i] = iterators[i].next();
        }
        builder.end_term(term);
    }
}

}  // namespace

Result<BuiltSegment> merge_segments(const std::vector<MergeInput>& inputs,
                                    const std::filesystem::path& dir) {
    auto builder = SegmentBuilder::create(dir);
    ISKRA_TRY(builder);
    auto maps = build_doc_maps(inputs);
    ISKRA_TRY(copy_documents(inputs, maps, **builder));
    merge_field(inputs, maps, Field::All, **builder);
    merge_field(inputs, maps, Field::Title, **builder);
    return (*builder)->finish();
}

}  // namespace iskra::index
