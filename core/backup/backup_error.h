// core/backup/backup_error.h: what can go wrong when opening or writing a backup, as a typed value.
// Every kind has its own kind, plain message (shown to the person) and a CLI exit code:
//   0 success, 1 usage or I/O error, 2 wrong passphrase, 3 malformed age header or armor,
//   4 header MAC mismatch, 5 damaged or truncated payload, 6 valid age file but not a valid backup.
// Nothing that fails with one of these has changed any data.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "core/result.h"

namespace toward::backup {

enum class BackupErrorKind {
  Io,                  // a file could not be read or written                         -> exit 1
  TooLarge,            // more than this device can hold while opening it             -> exit 1
  WrongPassphrase,     // the passphrase does not open the file key                  -> exit 2
  NotAgeFile,          // not an age file at all                                      -> exit 3
  BadHeader,           // an age file whose header breaks a rule of the format        -> exit 3
  BadArmor,            // "-----BEGIN AGE ENCRYPTED FILE-----" text that is not strict -> exit 3
  NotPassphrase,       // an age file encrypted to a key, not with a passphrase       -> exit 3
  WorkFactorTooHigh,   // scrypt work factor above the limit (22)                    -> exit 3
  HeaderMacMismatch,   // the header was changed after it was written                 -> exit 4
  Truncated,           // the payload ends early                                      -> exit 5
  Damaged,             // the payload was changed or damaged                          -> exit 5
  NotBackup,           // opens fine, but is not a Toward backup document             -> exit 6
  UnsupportedVersion,  // a Toward backup from a newer version                        -> exit 6
};

struct BackupError {
  BackupErrorKind kind = BackupErrorKind::Io;
  std::string detail;  // optional technical detail (for the CLI and logs); may be empty

  // The exit code of toward-cli for this kind.
  int exitCode() const;
  // The warm, plain sentence shown to the person; always ends with "Nothing was changed."
  std::string message() const;
  // As a core::Status (Invalid, TooNew or Io) carrying message().
  core::Status toStatus() const;
};

// A value or a BackupError.
template <class T>
class BackupResult {
 public:
  BackupResult(T value) : m_value(std::move(value)) {}
  BackupResult(BackupError error) : m_error(std::move(error)) {}
  bool isOk() const { return m_value.has_value(); }
  explicit operator bool() const { return isOk(); }
  const T& value() const { return *m_value; }
  T& value() { return *m_value; }
  const BackupError& error() const { return m_error; }

 private:
  std::optional<T> m_value;
  BackupError m_error;
};

// Shorthand for building an error.
inline BackupError backupError(BackupErrorKind kind, std::string detail = {}) { return {kind, std::move(detail)}; }

}  // namespace toward::backup
