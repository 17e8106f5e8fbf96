#pragma once

// Encoding helpers shared by the extract module's binary codecs (the per-document facts blob and
// the collection's knowledge file): zigzag varints, dates, and a reader whose first failure
// sticks, so a decoder reads field after field and checks once at the end.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "iskra/extract/date_value.hpp"
#include "iskra/status.hpp"
#include "iskra/util/byte_buffer.hpp"

namespace iskra::extract {

inline std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

/// Reads values with one shared error: the first failure sticks and later reads return zero.
class StickyReader {
  public:
    StickyReader(std::string_view bytes, std::string_view what) : in_(bytes, what), what_(what) {}

    std::uint64_t varint() { return take(in_.varint()); }
    std::uint8_t u8() { return take(in_.u8()); }
    std::uint32_t u32() { return take(in_.u32()); }
    std::uint64_t u64() { return take(in_.u64()); }
    float f32() { return take(in_.f32()); }
    std::uint32_t varint32() {
        std::uint64_t v = varint();
        if (v > UINT32_MAX) {
            fail_at("value too large");
            return 0;
        }
        return static_cast<std::uint32_t>(v);
    }
    bool flag() { return bounded_u8(1, "flag") == 1; }
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
            fail_at("bad " + std::string(field));
        }
        return v;
    }
    /// A count of elements that follow, each at least one byte long.
    std::uint64_t count() {
        std::uint64_t n = varint();
        if (n > in_.remaining()) {
            fail_at("count too large");
            return 0;
        }
        return n;
    }
    void fail_at(const std::string& problem) {
        fail(Status::corruption(std::string(what_) + ": " + problem + " at byte "
                                + std::to_string(in_.position())));
    }
    /// The first failure, or Corruption when bytes are left over: what a decoder returns once it
    /// has read its last field.
    Status finish() const {
        if (!status_.ok()) {
            return status_;
        }
        if (!in_.at_end()) {
            return Status::corruption(std::string(what_) + ": trailing bytes");
        }
        return {};
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
    std::string_view what_;
    Status status_;
};

inline void put_date_value(util::ByteWriter& out, const DateValue& value) {
    out.put_varint(zigzag(value.year));
    out.put_u8(value.month);
    out.put_u8(value.day);
    out.put_u8(static_cast<std::uint8_t>(value.precision));
    out.put_u8(static_cast<std::uint8_t>(value.part));
}

inline void put_optional_date_value(util::ByteWriter& out, const std::optional<DateValue>& value) {
    out.put_u8(value ? 1 : 0);
    if (value) {
        put_date_value(out, *value);
    }
}

inline DateValue read_date_value(StickyReader& in) {
    DateValue value;
    value.year = static_cast<std::int32_t>(unzigzag(in.varint()));
    value.month = in.bounded_u8(12, "month");
    value.day = in.bounded_u8(31, "day");
    value.precision = static_cast<DatePrecision>(in.bounded_u8(3, "precision"));
    value.part = static_cast<DatePart>(in.bounded_u8(3, "date part"));
    return value;
}

inline std::optional<DateValue> read_optional_date_value(StickyReader& in) {
    if (!in.flag()) {
        return std::nullopt;
    }
    return read_date_value(in);
}

}  // namespace iskra::extract
