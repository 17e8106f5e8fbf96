// Layout of the "facts" blob (little endian, varints are LEB128, strings varint-prefixed):
//     version: u8 (= 1)
//     flags: u8                       // bit 0: lower_case
//     date_count: varint, dates[]     // see put_date_mention
//     entity_count: varint, entities[]
//     alias_count: varint, aliases[]
//     office_count: varint, offices[]
// Spans are stored as begin and length. Signed values are zigzag varints.

#include <cstdint>

#include "iskra/extract/document_facts.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::extract {

namespace {

constexpr std::uint8_t kVersion = 1;
constexpr std::string_view kWhat = "facts blob";

std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

void put_value(util::ByteWriter& out, const DateValue& value) {
    out.put_varint(zigzag(value.year));
    out.put_u8(value.month);
    out.put_u8(value.day);
    out.put_u8(static_cast<std::uint8_t>(value.precision));
    out.put_u8(static_cast<std::uint8_t>(value.part));
}

void put_optional_value(util::ByteWriter& out, const std::optional<DateValue>& value) {
    out.put_u8(value ? 1 : 0);
    if (value) {
        put_value(out, *value);
    }
}

void put_date_mention(util::ByteWriter& out, const DateMention& m) {
    put_value(out, m.value);
    put_optional_value(out, m.end);
    put_optional_value(out, m.old_style);
    out.put_varint(m.sentence);
    out.put_varint(m.begin);
    out.put_varint(m.end_byte - m.begin);
    out.put_u8(static_cast<std::uint8_t>(m.kind));
    out.put_u8(m.resolved ? 1 : 0);
    out.put_varint(zigzag(m.offset));
    out.put_u8(static_cast<std::uint8_t>(m.unit));
}

// Reads values with one shared error: the first failure sticks and later reads return zero.
class Reader {
  public:
    explicit Reader(std::string_view bytes) : in_(bytes, kWhat) {}

    std::uint64_t varint() { return take(in_.varint()); }
    std::uint8_t u8() { return take(in_.u8()); }
    float f32() { return take(in_.f32()); }
    std::string string() {
        auto view = in_.string();
        if (!view.ok()) {
            fail(view.status());
            return {};
        }
        return std::string(*view);
    }
    std::uint8_t bounded_u8(std::uint8_t max, std::string_view field) {
        std::uint8_t v = u8();
        if (v > max) {
            fail(Status::corruption(std::string(kWhat) + ": bad " + std::string(field) + " at byte "
                                    + std::to_string(in_.position())));
        }
        return v;
    }
    std::uint64_t count() {
        std::uint64_t n = varint();
        if (n > in_.remaining()) {  // every element takes at least one byte
            fail(Status::corruption(std::string(kWhat) + ": count too large at byte "
                                    + std::to_string(in_.position())));
            return 0;
        }
        return n;
    }
    bool ok() const { return status_.ok(); }
    const Status& status() const { return status_; }
    bool at_end() const { return in_.at_end(); }

  private:
    template <typename T>
    T take(Result<T> r) {
        if (!r.ok()) {
            fail(r.status());
            return T{};
        }
        return *r;
    }
    void fail(const Status& s) {
        if (status_.ok()) {
            status_ = s;
        }
    }
    util::ByteReader in_;
    Status status_;
};

DateValue read_value(Reader& in) {
    DateValue value;
    value.year = static_cast<std::int32_t>(unzigzag(in.varint()));
    value.month = in.bounded_u8(12, "month");
    value.day = in.bounded_u8(31, "day");
    value.precision = static_cast<DatePrecision>(in.bounded_u8(3, "precision"));
    value.part = static_cast<DatePart>(in.bounded_u8(3, "date part"));
    return value;
}

std::optional<DateValue> read_optional_value(Reader& in) {
    if (in.bounded_u8(1, "flag") == 0) {
        return std::nullopt;
    }
    return read_value(in);
}

DateMention read_date_mention(Reader& in) {
    DateMention m;
    m.value = read_value(in);
    m.end = read_optional_value(in);
    m.old_style = read_optional_value(in);
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
        put_optional_value(out, o.from);
        put_optional_value(out, o.to);
        out.put_string(o.preceded_by);
        out.put_string(o.succeeded_by);
        out.put_varint(o.sentence);
    }
    return out.take();
}

Result<DocumentFacts> deserialize(std::string_view bytes) {
    Reader in(bytes);
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
        o.from = read_optional_value(in);
        o.to = read_optional_value(in);
        o.preceded_by = in.string();
        o.succeeded_by = in.string();
        o.sentence = static_cast<std::uint32_t>(in.varint());
        facts.offices.push_back(std::move(o));
    }
    if (!in.ok()) {
        return in.status();
    }
    if (!in.at_end()) {
        return Status::corruption(std::string(kWhat) + ": trailing bytes");
    }
    return facts;
}

}  // namespace iskra::extract
