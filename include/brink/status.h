// Errors a user can cause (a scenario, a flag) are values that carry a message, not exceptions.
#ifndef BRINK_STATUS_H_
#define BRINK_STATUS_H_

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace brink {

class Status {
 public:
  Status() = default;
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return !message_.has_value(); }
  // The error's message; empty for OK (asking is allowed, e.g. in a log line).
  const std::string& message() const { return message_ ? *message_ : Empty(); }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  static const std::string& Empty() {
    static const std::string empty;
    return empty;
  }
  std::optional<std::string> message_;
};

// A value or the error that prevented it.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status error) : value_(std::move(error)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(value_); }
  // The error's message; empty when there is a value.
  const std::string& message() const {
    static const std::string empty;
    if (ok()) return empty;
    return std::get<Status>(value_).message();
  }
  // The value. Asking for the value of an error is a bug in the caller (check ok() first):
  // it stops the program with the error's message rather than an opaque bad_variant_access.
  T& value() { return *Checked(); }
  const T& value() const { return *const_cast<Result*>(this)->Checked(); }
  T&& take() { return std::move(*Checked()); }

 private:
  T* Checked() {
    if (T* held = std::get_if<T>(&value_)) return held;
    std::fprintf(stderr, "brink: internal error: the value of a failed Result was asked for: %s\n",
                 std::get<Status>(value_).message().c_str());
    std::abort();
  }
  std::variant<T, Status> value_;
};

}  // namespace brink

#endif  // BRINK_STATUS_H_
