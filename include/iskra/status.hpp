#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace iskra {

/// What kind of failure a `Status` reports. The CLI and the server map these to exit codes and
/// HTTP statuses in one place each (tools/iskra/exit_codes.cpp,
/// src/iskra/server/error_mapping.cpp).
enum class StatusCode : std::uint8_t {
    Ok = 0,
    InvalidArgument,
    NotFound,
    IoError,
    Corruption,
    Unsupported,
    ResourceExhausted,
    Cancelled,
    Internal,
    AlreadyExists,
    Busy,
};

/// The outcome of an operation a user, a file or a disk can make fail.
///
/// An OK status carries no message. A failed one names what went wrong and where (a file, a byte
/// offset, a request field), so that it can be shown to the user as it is.
class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

    static Status ok_status() { return {}; }
    static Status invalid_argument(std::string m) {
        return {StatusCode::InvalidArgument, std::move(m)};
    }
    static Status not_found(std::string m) { return {StatusCode::NotFound, std::move(m)}; }
    static Status io_error(std::string m) { return {StatusCode::IoError, std::move(m)}; }
    static Status corruption(std::string m) { return {StatusCode::Corruption, std::move(m)}; }
    static Status unsupported(std::string m) { return {StatusCode::Unsupported, std::move(m)}; }
    static Status resource_exhausted(std::string m) {
        return {StatusCode::ResourceExhausted, std::move(m)};
    }
    static Status cancelled(std::string m) { return {StatusCode::Cancelled, std::move(m)}; }
    static Status internal(std::string m) { return {StatusCode::Internal, std::move(m)}; }
    static Status already_exists(std::string m) {
        return {StatusCode::AlreadyExists, std::move(m)};
    }
    static Status busy(std::string m) { return {StatusCode::Busy, std::move(m)}; }

    bool ok() const { return code_ == StatusCode::Ok; }
    StatusCode code() const { return code_; }
    const std::string& message() const { return message_; }

    /// Returns a copy whose message is prefixed with `context` ("opening segment s3: ...").
    Status with_context(std::string_view context) const {
        if (ok()) {
            return *this;
        }
        return {code_, std::string(context) + ": " + message_};
    }

    /// "InvalidArgument: query: unbalanced parenthesis at position 7".
    std::string to_string() const;

  private:
    StatusCode code_ = StatusCode::Ok;
    std::string message_;
};

/// The name of a code, e.g. "Corruption".
std::string_view status_code_name(StatusCode code);

inline std::string Status::to_string() const {
    if (ok()) {
        return "OK";
    }
    return std::string(status_code_name(code_)) + ": " + message_;
}

inline std::string_view status_code_name(StatusCode code) {
    switch (code) {
        case StatusCode::Ok:
            return "OK";
        case StatusCode::InvalidArgument:
            return "InvalidArgument";
        case StatusCode::NotFound:
            return "NotFound";
        case StatusCode::IoError:
            return "IoError";
        case StatusCode::Corruption:
            return "Corruption";
        case StatusCode::Unsupported:
            return "Unsupported";
        case StatusCode::ResourceExhausted:
            return "ResourceExhausted";
        case StatusCode::Cancelled:
            return "Cancelled";
        case StatusCode::Internal:
            return "Internal";
        case StatusCode::AlreadyExists:
            return "AlreadyExists";
        case StatusCode::Busy:
            return "Busy";
    }
    return "Unknown";
}

/// A `T` or the `Status` that explains why there is none. Mirrors `std::expected`.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
    Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
        if (status_.ok()) {
            status_ = Status::internal("Result constructed from an OK status without a value");
        }
    }

    bool ok() const { return value_.has_value(); }
    const Status& status() const { return status_; }

    T& value() & { return *value_; }
    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    T& operator*() & { return *value_; }
    const T& operator*() const& { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }

    /// Moves the value out; REQUIRES: ok().
    T take() { return std::move(*value_); }

  private:
    std::optional<T> value_;
    Status status_;
};

namespace detail {
inline Status to_status(const Status& status) {
    return status;
}
template <typename T>
Status to_status(const Result<T>& result) {
    return result.status();
}
inline bool is_ok(const Status& status) {
    return status.ok();
}
template <typename T>
bool is_ok(const Result<T>& result) {
    return result.ok();
}
}  // namespace detail

}  // namespace iskra

/// Evaluates `expr` (a Status or Result); returns its Status from the enclosing function if it
/// failed. The only error macro of the project.
#define ISKRA_TRY(expr)                                          \
    do {                                                         \
        auto&& iskra_try_value_ = (expr);                        \
        if (!::iskra::detail::is_ok(iskra_try_value_)) {         \
            return ::iskra::detail::to_status(iskra_try_value_); \
        }                                                        \
    } while (false)
