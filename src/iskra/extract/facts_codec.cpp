// Layout of the "facts" blob (little endian, varints are LEB128, strings varint-prefixed):
//     version: u8 (= 1)
//     flags: u8                       // bit 0: lower_case
//     date_count: varint, dates[]     // see put_date_mention
//     entity_count: varint, entities[]
//     alias_count: varint, aliases[]
//     office_count: varint, offices[]
// Spans are stored as begin and length. Signed values are zigzag varints.

#include <cstdint>

#include "iskra/extract/codec_primitives.hpp"
#include "iskra/extract/document_facts.hpp"

namespace iskra::extract {

namespace {

constexpr std::uint8_t kVersion = 1;
constexpr std::string_view kWhat = "facts blob";

void put_date_mention(util::ByteWriter& out, const DateMention& m) {
    put_date_value(out, m.value);
    put_optional_date_value(out, m.end);
    put_optional_date_value(out, m.old_style);
    out.put_varint(m.sentence);
    out.put_varint(m.begin);
    out.put_varint(m.end_byte - m.begin);
    out.put_u8(static_cast<std::uint8_t>(m.kind));
    out.put_u8(m.resolved ? 1 : 0);
    out.put_varint(zigzag(m.offset));
    out.put_u8(static_cast<std::uint8_t>(m.unit));
}

DateMention read_date_mention(StickyReader& in) {
    DateMention m;
    m.value = read_date_value(in);
    m.end = read_optional_date_value(in);
    m.old_style = read_optional_date_value(in);
    m.sentence = static_cast<std::uint32_t>(in.varint());
    m.begin = static_cast<std::uint32_t>(in.varint());
    m.end_byte = m.begin + static_cast<std::uint32_t>(in.varint());
    m.kind = static_cast<DateKind>(in.bounded_u8(4, "date kind"));
    m.resolved = in.bounded_u8(1, "resolved") == 1;
    m.offset = static_cast<std::int16_t>(unzigzag(in.varint()));
    m.unit = static_cast<OffsetUnit>(in.bounded_u8(4, "offset unit"));
    return m;
}

}  // namespace

std::string serialize(const DocumentFacts& facts) {
    util::ByteWriter out;
    out.put_u8(kVersion);
    out.put_u8(facts.lower_case ? 1 : 0);
    out.put_varint(facts.dates.size());
    for (const auto& m : facts.dates) {
        put_date_mention(out, m);
    }
    out.put_varint(facts.entities.size());
    for (const auto& e : facts.entities) {
        out.put_string(e.surface);
        out.put_u8(static_cast<std::uint8_t>(e.type));
        out.put_f32(e.confidence);
        out.put_varint(e.sentence);
        out.put_varint(e.begin);
        out.put_varint(e.end - e.begin);
        out.put_u8(e.flags);
    }
    out.put_varint(facts.aliases.size());
    for (const auto& a : facts.aliases) {
        out.put_string(a.alias);
        out.put_string(a.target);
        out.put_varint(a.sentence);
        out.put_varint(a.position);
        out.put_u8(static_cast<std::uint8_t>(a.kind));
    }
    out.put_varint(facts.offices.size());
    for (const auto& o : facts.offices) {
        out.put_string(o.title);
        out.put_string(o.holder);
        put_optional_date_value(out, o.from);
        put_optional_date_value(out, o.to);
        out.put_string(o.preceded_by);
        out.put_string(o.succeeded_by);
        out.put_varint(o.sentence);
    }
    return out.take();
}

Result<DocumentFacts> deserialize(std::string_view bytes) {
    StickyReader in(bytes, kWhat);
    DocumentFacts facts;
    std::uint8_t version = in.u8();
    if (in.ok() && version != kVersion) {
        return Status::corruption(std::string(kWhat) + ": unknown version "
                                  + std::to_string(version));
    }
    facts.lower_case = (in.bounded_u8(1, "flags") & 1) != 0;
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        facts.dates.push_back(read_date_mention(in));
    }
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        EntityMention e;
        e.surface = in.string();
        e.type = static_cast<EntityType>(in.bounded_u8(3, "entity type"));
        e.confidence = in.f32();
        e.sentence = static_cast<std::uint32_t>(in.varint());
        e.begin = static_cast<std::uint32_t>(in.varint());
        e.end = e.begin + static_cast<std::uint32_t>(in.varint());
        e.flags = in.u8();
        facts.entities.push_back(std::move(e));
    }
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        AliasStatement a;
        a.alias = in.string();
        a.target = in.string();
        a.sentence = static_cast<std::uint32_t>(in.varint());
        a.position = static_cast<std::uint32_t>(in.varint());
        a.kind = static_cast<AliasKind>(in.bounded_u8(3, "alias kind"));
        facts.aliases.push_back(std::move(a));
    }
    for (std::uint64_t n = in.count(); n > 0 && in.ok(); --n) {
        OfficeStatement o;
        o.title = in.string();
        o.holder = in.string();
        o.from = read_optional_date_value(in);
        o.to = read_optional_date_value(in);
        o.preceded_by = in.string();
        o.succeeded_by = in.string();
        o.sentence = static_cast<std::uint32_t>(in.varint());
        facts.offices.push_back(std::move(o));
    }
    if (Status done = in.finish(); !done.ok()) {
        return done;
    }
    return facts;
}

}  // namespace iskra::extract
