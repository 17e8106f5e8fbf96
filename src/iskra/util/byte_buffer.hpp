#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "iskra/status.hpp"

namespace iskra::util {

/// Appends little-endian fixed-width integers and LEB128 varints to a string.
class ByteWriter {
  public:
    void put_u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void put_u32(std::uint32_t v) { put_fixed(v); }
    void put_u64(std::uint64_t v) { put_fixed(v); }
    void put_f32(float v) { put_fixed(v); }
    void put_f64(double v) { put_fixed(v); }
    void put_varint(std::uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<char>(v));
    }
    /// A varint length followed by the bytes.
    void put_string(std::string_view s) {
        put_varint(s.size());
        out_.append(s);
    }
    void put_bytes(std::string_view s) { out_.append(s); }

    std::size_t size() const { return out_.size(); }
    const std::string& data() const { return out_; }
    std::string& mutable_data() { return out_; }
    std::string take() { return std::move(out_); }

  private:
    template <typename T>
    void put_fixed(T v) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));  // the project targets little-endian machines
        out_.append(bytes, sizeof(T));
    }
    std::string out_;
};

/// Reads what ByteWriter wrote. Every read is bounds-checked: a truncated or damaged input gives
/// a Corruption status naming `what` and the offset, never a read past the end.
class ByteReader {
  public:
    ByteReader(std::string_view data, std::string_view what) : data_(data), what_(what) {}

    bool at_end() const { return pos_ >= data_.size(); }
    std::size_t position() const { return pos_; }
    std::size_t remaining() const { return data_.size() - pos_; }

    Result<std::uint8_t> u8() { return fixed<std::uint8_t>(); }
    Result<std::uint32_t> u32() { return fixed<std::uint32_t>(); }
    Result<std::uint64_t> u64() { return fixed<std::uint64_t>(); }
    Result<float> f32() { return fixed<float>(); }
    Result<double> f64() { return fixed<double>(); }
    Result<std::uint64_t> varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) {
                return truncated();
            }
            auto byte = static_cast<std::uint8_t>(data_[pos_++]);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        return Status::corruption(std::string(what_) + ": varint too long at byte "
                                  + std::to_string(pos_));
    }
    Result<std::string_view> string() {
        auto size = varint();
        if (!size.ok()) {
            return size.status();
        }
        return bytes(*size);
    }
    Result<std::string_view> bytes(std::uint64_t count) {
        if (count > remaining()) {
            return truncated();
        }
        auto view = data_.substr(pos_, count);
        pos_ += count;
        return view;
    }

  private:
    template <typename T>
    Result<T> fixed() {
        if (sizeof(T) > remaining()) {
            return truncated();
        }
        T v;
        std::memcpy(&v, data_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return v;
    }
    Status truncated() const {
        return Status::corruption(std::string(what_) + ": truncated at byte "
                                  + std::to_string(pos_));
    }
    std::string_view data_;
    std::string_view what_;
    std::size_t pos_ = 0;
};

}  // namespace iskra::util
