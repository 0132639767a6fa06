// Errors a user can cause (a scenario, a flag) are values that carry a message, not exceptions.
#ifndef BRINK_STATUS_H_
#define BRINK_STATUS_H_

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
  const std::string& message() const { return *message_; }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

// A value or the error that prevented it.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status error) : value_(std::move(error)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(value_); }
  const std::string& message() const { return std::get<Status>(value_).message(); }
  T& value() { return std::get<T>(value_); }
  const T& value() const { return std::get<T>(value_); }
  T&& take() { return std::move(std::get<T>(value_)); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace brink

#endif  // BRINK_STATUS_H_
