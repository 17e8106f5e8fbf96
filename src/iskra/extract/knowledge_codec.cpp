// Layout of a serialized Knowledge (little endian, varints LEB128, strings varint-prefixed):
//     magic "ISKRAKNW", version: u8 (= 1)
//     docs[], sentences[], forms[], form_index[], form_cluster[], clusters[], events[],
//     quiz_slots[]                    // each a varint count, then the elements in order
//     crc32c of everything before it: u32
// The checksum makes a damaged file a Corruption error (the caller rebuilds), and every index
// into another table is checked on reading, so a decoded Knowledge is as safe as a built one.

#include <algorithm>
#include <cstdint>

#include "iskra/extract/codec_primitives.hpp"
#include "iskra/extract/knowledge.hpp"
#include "iskra/extract/knowledge_tables.hpp"
#include "iskra/util/checksum.hpp"

namespace iskra::extract {
namespace {

constexpr std::string_view kMagic = "ISKRAKNW";
constexpr std::uint8_t kVersion = 1;
constexpr std::string_view kWhat = "knowledge file";

void put_u32s(util::ByteWriter& out, const std::vector<std::uint32_t>& values) {
    out.put_varint(values.size());
    for (std::uint32_t v : values) {
        out.put_varint(v);
    }
}

void put_u64s(util::ByteWriter& out, const std::vector<std::uint64_t>& values) {
    out.put_varint(values.size());
    for (std::uint64_t v : values) {
        out.put_varint(v);
    }
}

std::vector<std::uint32_t> read_u32s(StickyReader& in) {
    std::vector<std::uint32_t> values(in.count());
    for (auto& v : values) {
        v = in.varint32();
    }
    return values;
}

std::vector<std::uint64_t> read_u64s(StickyReader& in) {
    std::vector<std::uint64_t> values(in.count());
    for (auto& v : values) {
        v = in.varint();
    }
    return values;
}

void put_doc(util::ByteWriter& out, const DocInfo& doc) {
    out.put_string(doc.doc_id);
    out.put_string(doc.title);
    out.put_string(doc.source_path);
    out.put_u8(doc.lower_case ? 1 : 0);
    out.put_u32(doc.subject);
    put_optional_date_value(out, doc.date);
    out.put_u8(doc.dated_by_title ? 1 : 0);
}

DocInfo read_doc(StickyReader& in) {
    DocInfo doc;
    doc.doc_id = in.string();
    doc.title = in.string();
    doc.source_path = in.string();
    doc.lower_case = in.flag();
    doc.subject = in.u32();
    doc.date = read_optional_date_value(in);
    doc.dated_by_title = in.flag();
    return doc;
}

void put_form(util::ByteWriter& out, const Form& form) {
    out.put_string(form.key);
    out.put_string(form.display);
    out.put_u8(form.display_capitalised ? 1 : 0);
    out.put_varint(form.count);
    out.put_varint(form.non_initial);
    out.put_varint(form.docs);
    out.put_u32(form.last_doc);
    for (float vote : form.votes) {
        out.put_f32(vote);
    }
    out.put_varint(form.words);
    out.put_u8(form.acronym ? 1 : 0);
    out.put_u8(form.valid ? 1 : 0);
}

Form read_form(StickyReader& in) {
    Form form;
    form.key = in.string();
    form.display = in.string();
    form.display_capitalised = in.flag();
    form.count = in.varint32();
    form.non_initial = in.varint32();
    form.docs = in.varint32();
    form.last_doc = in.u32();
    for (float& vote : form.votes) {
        vote = in.f32();
    }
    form.words = in.varint32();
    form.acronym = in.flag();
    form.valid = in.flag();
    return form;
}

void put_sentence_ref(util::ByteWriter& out, const SentenceRef& ref) {
    out.put_string(ref.doc_id);
    out.put_string(ref.title);
    out.put_string(ref.source_path);
    out.put_varint(ref.sentence_index);
    out.put_string(ref.text);
    out.put_varint(ref.text_begin);
    out.put_varint(ref.text_end);
    out.put_varint(ref.source_begin);
    out.put_varint(ref.source_end);
    out.put_f32(ref.quality);
    out.put_varint(ref.flags.size());
    for (const auto& flag : ref.flags) {
        out.put_string(flag);
    }
}

SentenceRef read_sentence_ref(StickyReader& in) {
    SentenceRef ref;
    ref.doc_id = in.string();
    ref.title = in.string();
    ref.source_path = in.string();
    ref.sentence_index = in.varint32();
    ref.text = in.string();
    ref.text_begin = in.varint32();
    ref.text_end = in.varint32();
    ref.source_begin = in.varint();
    ref.source_end = in.varint();
    ref.quality = in.f32();
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        ref.flags.push_back(in.string());
    }
    return ref;
}

void put_office(util::ByteWriter& out, const Office& office) {
    out.put_string(office.title);
    out.put_string(office.from);
    out.put_string(office.to);
    out.put_string(office.preceded_by);
    out.put_string(office.succeeded_by);
    out.put_u8(office.source ? 1 : 0);
    if (office.source) {
        put_sentence_ref(out, *office.source);
    }
}

Office read_office(StickyReader& in) {
    Office office;
    office.title = in.string();
    office.from = in.string();
    office.to = in.string();
    office.preceded_by = in.string();
    office.succeeded_by = in.string();
    if (in.flag()) {
        office.source = read_sentence_ref(in);
    }
    return office;
}

void put_cluster(util::ByteWriter& out, const Cluster& cluster) {
    out.put_string(cluster.name);
    out.put_u8(static_cast<std::uint8_t>(cluster.type));
    put_u32s(out, cluster.forms);
    out.put_varint(cluster.aliases.size());
    for (const auto& alias : cluster.aliases) {
        out.put_string(alias);
    }
    out.put_varint(cluster.mentions);
    out.put_varint(cluster.docs);
    put_u32s(out, cluster.events);
    out.put_varint(cluster.offices.size());
    for (const auto& office : cluster.offices) {
        put_office(out, office);
    }
    out.put_varint(cluster.related.size());
    for (const auto& [other, count] : cluster.related) {
        out.put_varint(other);
        out.put_varint(count);
    }
    put_u64s(out, cluster.samples);
    out.put_u8(cluster.lifespan ? 1 : 0);
    if (cluster.lifespan) {
        out.put_varint(zigzag(cluster.lifespan->first));
        out.put_varint(zigzag(cluster.lifespan->second));
    }
}

Cluster read_cluster(StickyReader& in) {
    Cluster cluster;
    cluster.name = in.string();
    cluster.type = static_cast<EntityType>(in.bounded_u8(3, "entity type"));
    cluster.forms = read_u32s(in);
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        cluster.aliases.push_back(in.string());
    }
    cluster.mentions = in.varint32();
    cluster.docs = in.varint32();
    cluster.events = read_u32s(in);
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        cluster.offices.push_back(read_office(in));
    }
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        std::uint32_t other = in.varint32();
        cluster.related.emplace_back(other, in.varint32());
    }
    cluster.samples = read_u64s(in);
    if (in.flag()) {
        auto birth = static_cast<std::int32_t>(unzigzag(in.varint()));
        auto death = static_cast<std::int32_t>(unzigzag(in.varint()));
        cluster.lifespan = std::make_pair(birth, death);
    }
    return cluster;
}

void put_event(util::ByteWriter& out, const Event& event) {
    put_date_value(out, event.date);
    put_optional_date_value(out, event.end);
    out.put_string(event.date_text);
    put_u64s(out, event.sources);
    put_u32s(out, event.clusters);
    out.put_varint(event.conflicts.size());
    for (const auto& conflict : event.conflicts) {
        put_date_value(out, conflict);
    }
    put_u64s(out, event.terms);
    out.put_varint(event.date_begin);
    out.put_varint(event.date_end);
    out.put_varint(event.words);
    out.put_u32(event.implied);
    out.put_u8(static_cast<std::uint8_t>((event.statement ? 1 : 0) | (event.document ? 2 : 0)
                                         | (event.story ? 4 : 0)));
}

Event read_event(StickyReader& in) {
    Event event;
    event.date = read_date_value(in);
    event.end = read_optional_date_value(in);
    event.date_text = in.string();
    event.sources = read_u64s(in);
    event.clusters = read_u32s(in);
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        event.conflicts.push_back(read_date_value(in));
    }
    event.terms = read_u64s(in);
    event.date_begin = in.varint32();
    event.date_end = in.varint32();
    event.words = in.varint32();
    event.implied = in.u32();
    std::uint8_t bits = in.bounded_u8(7, "event flags");
    event.statement = (bits & 1) != 0;
    event.document = (bits & 2) != 0;
    event.story = (bits & 4) != 0;
    return event;
}

template <class T, class Read>
std::vector<T> read_all(StickyReader& in, Read read) {
    std::vector<T> out;
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        out.push_back(read(in));
    }
    return out;
}

bool all_below(const std::vector<std::uint32_t>& ids, std::size_t limit) {
    return std::all_of(ids.begin(), ids.end(), [limit](std::uint32_t id) { return id < limit; });
}

bool below_or_none(std::uint32_t id, std::size_t limit) {
    return id == kNoId || id < limit;
}

// The cross-table references a query follows without checking (ids into forms, clusters,
// events and documents; quiz blanks inside their sentences).
bool references_are_valid(const Knowledge::Tables& t) {
    const std::size_t forms = t.forms.size();
    const std::size_t clusters = t.clusters.size();
    const std::size_t events = t.events.size();
    auto doc_known = [&t](std::uint64_t key) {
        return (key >> 32) < t.docs.size();
    };
    if (t.form_cluster.size() != forms
        || !std::all_of(t.form_cluster.begin(), t.form_cluster.end(), [clusters](std::uint32_t c) {
               return below_or_none(c, clusters);
           })) {
        return false;
    }
    for (const auto& [key, form] : t.form_index) {
        if (form >= forms) {
            return false;
        }
    }
    for (const DocInfo& doc : t.docs) {
        if (!below_or_none(doc.subject, clusters)) {
            return false;
        }
    }
    for (const Cluster& c : t.clusters) {
        bool related_ok = std::all_of(c.related.begin(),
                                      c.related.end(),
                                      [clusters](const auto& r) { return r.first < clusters; });
        if (!all_below(c.forms, forms) || !all_below(c.events, events) || !related_ok
            || !std::all_of(c.samples.begin(), c.samples.end(), doc_known)) {
            return false;
        }
    }
    for (const Event& e : t.events) {
        if (e.sources.empty() || !all_below(e.clusters, clusters)
            || !below_or_none(e.implied, clusters)
            || !std::all_of(e.sources.begin(), e.sources.end(), doc_known)) {
            return false;
        }
    }
    return std::all_of(t.quiz_slots.begin(), t.quiz_slots.end(), [&](const QuizSlot& slot) {
        auto sentence = t.sentences.find(slot.sentence);
        bool span_ok = sentence == t.sentences.end()
                       || (slot.begin <= slot.end && slot.end <= sentence->second.text.size());
        return slot.cluster < clusters && span_ok;
    });
}

}  // namespace

std::string Knowledge::serialize() const {
    const Tables& t = *tables_;
    util::ByteWriter out;
    out.put_bytes(kMagic);
    out.put_u8(kVersion);
    out.put_varint(t.docs.size());
    for (const DocInfo& doc : t.docs) {
        put_doc(out, doc);
    }
    out.put_varint(t.sentences.size());
    for (const auto& [key, sentence] : t.sentences) {
        out.put_varint(key);
        out.put_string(sentence.text);
        out.put_varint(sentence.begin);
        out.put_varint(sentence.end);
    }
    out.put_varint(t.forms.size());
    for (const Form& form : t.forms) {
        put_form(out, form);
    }
    out.put_varint(t.form_index.size());
    for (const auto& [key, form] : t.form_index) {
        out.put_string(key);
        out.put_varint(form);
    }
    put_u32s(out, t.form_cluster);
    out.put_varint(t.clusters.size());
    for (const Cluster& cluster : t.clusters) {
        put_cluster(out, cluster);
    }
    out.put_varint(t.events.size());
    for (const Event& event : t.events) {
        put_event(out, event);
    }
    out.put_varint(t.quiz_slots.size());
    for (const QuizSlot& slot : t.quiz_slots) {
        out.put_varint(slot.cluster);
        out.put_varint(slot.sentence);
        out.put_varint(slot.begin);
        out.put_varint(slot.end);
    }
    out.put_u32(util::crc32c(out.data()));
    return out.take();
}

Result<Knowledge> Knowledge::deserialize(std::string_view bytes) {
    if (bytes.size() < kMagic.size() + 1 + sizeof(std::uint32_t)
        || bytes.substr(0, kMagic.size()) != kMagic) {
        return Status::corruption(std::string(kWhat) + ": not a knowledge file");
    }
    const std::string_view body = bytes.substr(0, bytes.size() - sizeof(std::uint32_t));
    StickyReader crc_reader(bytes.substr(body.size()), kWhat);
    if (crc_reader.u32() != util::crc32c(body)) {
        return Status::corruption(std::string(kWhat) + ": checksum mismatch");
    }
    StickyReader in(body.substr(kMagic.size()), kWhat);
    if (std::uint8_t version = in.u8(); version != kVersion) {
        return Status::corruption(std::string(kWhat) + ": unknown version "
                                  + std::to_string(version));
    }
    Knowledge knowledge;
    Tables& t = *knowledge.tables_;
    t.docs = read_all<DocInfo>(in, read_doc);
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        std::uint64_t key = in.varint();
        StoredSentence sentence;
        sentence.text = in.string();
        sentence.begin = in.varint32();
        sentence.end = in.varint32();
        t.sentences.emplace(key, std::move(sentence));
    }
    t.forms = read_all<Form>(in, read_form);
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        std::string key = in.string();
        t.form_index.emplace(std::move(key), in.varint32());
    }
    t.form_cluster = read_u32s(in);
    t.clusters = read_all<Cluster>(in, read_cluster);
    t.events = read_all<Event>(in, read_event);
    t.quiz_slots = read_all<QuizSlot>(in, [](StickyReader& r) {
        QuizSlot slot;
        slot.cluster = r.varint32();
        slot.sentence = r.varint();
        slot.begin = r.varint32();
        slot.end = r.varint32();
        return slot;
    });
    if (Status done = in.finish(); !done.ok()) {
        return done;
    }
    if (!references_are_valid(t)) {
        return Status::corruption(std::string(kWhat) + ": a table refers past another");
    }
    return knowledge;
}

}  // namespace iskra::extract
