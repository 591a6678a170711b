// core/result.h: errors as values at module edges.
// A Status carries a code and a message written for the person using the app (warm, plain words);
// Result<T> is a value or a Status. Exceptions (cereal's) never cross a module boundary.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace toward::core {

// What kind of problem happened; callers branch on this, people read the message.
enum class ErrorCode {
  Ok = 0,
  NotFound,        // no such record / file
  Invalid,         // input that cannot be understood (bad JSON, wrong fields)
  TooNew,          // written by a newer version of Toward; kept untouched
  Io,              // the file system refused (full disk, quota, permissions)
  ReadOnly,        // this tab is not the one allowed to write
  Locked,          // sealed by the vault, which is locked (or the key does not fit)
};

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}
  static Status ok() { return {}; }
  bool isOk() const { return m_code == ErrorCode::Ok; }
  explicit operator bool() const { return isOk(); }
  ErrorCode code() const { return m_code; }
  const std::string& message() const { return m_message; }

 private:
  ErrorCode m_code = ErrorCode::Ok;
  std::string m_message;
};

template <class T>
class Result {
 public:
  Result(T value) : m_value(std::move(value)) {}
  Result(Status error) : m_error(std::move(error)) {}
  bool isOk() const { return m_value.has_value(); }
  explicit operator bool() const { return isOk(); }
  const T& value() const { return *m_value; }
  T& value() { return *m_value; }
  const T* operator->() const { return &*m_value; }
  const Status& error() const { return m_error; }

 private:
  std::optional<T> m_value;
  Status m_error;
};

}  // namespace toward::core
