// core/backup/backup_error.cpp: messages and exit codes for backup errors (see backup_error.h).
#include "core/backup/backup_error.h"

namespace toward::backup {

int BackupError::exitCode() const {
  switch (kind) {
    case BackupErrorKind::Io:
    case BackupErrorKind::TooLarge: return 1;
    case BackupErrorKind::WrongPassphrase: return 2;
    case BackupErrorKind::NotAgeFile:
    case BackupErrorKind::BadHeader:
    case BackupErrorKind::BadArmor:
    case BackupErrorKind::NotPassphrase:
    case BackupErrorKind::WorkFactorTooHigh: return 3;
    case BackupErrorKind::HeaderMacMismatch: return 4;
    case BackupErrorKind::Truncated:
    case BackupErrorKind::Damaged: return 5;
    case BackupErrorKind::NotBackup:
    case BackupErrorKind::UnsupportedVersion: return 6;
  }
  return 1;
}

std::string BackupError::message() const {
  const char* text = "Toward could not open this backup.";
  switch (kind) {
    case BackupErrorKind::Io: text = "The file could not be read or written."; break;
    case BackupErrorKind::TooLarge: text = "This backup is larger than this device can open."; break;
    case BackupErrorKind::WrongPassphrase: text = "This backup was made with a different passphrase."; break;
    case BackupErrorKind::NotAgeFile: text = "This file is not a Toward backup. Perhaps another file was chosen by mistake?"; break;
    case BackupErrorKind::BadHeader: text = "The start of this backup file is damaged or in a form Toward does not read."; break;
    case BackupErrorKind::BadArmor: text = "This text backup has been changed or re-wrapped, so it cannot be read safely."; break;
    case BackupErrorKind::NotPassphrase: text = "This age file was locked with a key, not a passphrase, so Toward cannot open it."; break;
    case BackupErrorKind::WorkFactorTooHigh: text = "This backup was locked with a setting that makes it too slow to unlock on this device."; break;
    case BackupErrorKind::HeaderMacMismatch: text = "The start of this backup was changed after it was made, so it cannot be trusted."; break;
    case BackupErrorKind::Truncated: text = "This backup file is incomplete: it ends too early. A full copy may still be where it was saved."; break;
    case BackupErrorKind::Damaged: text = "Part of this backup was changed or damaged, so it cannot be trusted."; break;
    case BackupErrorKind::NotBackup: text = "This file opened fine, but it does not hold a Toward backup."; break;
    case BackupErrorKind::UnsupportedVersion: text = "This backup was made by a newer version of Toward. Updating Toward will let you open it."; break;
  }
  return std::string(text) + " Nothing was changed.";
}

core::Status BackupError::toStatus() const {
  core::ErrorCode code = core::ErrorCode::Invalid;
  if (kind == BackupErrorKind::Io) code = core::ErrorCode::Io;
  if (kind == BackupErrorKind::UnsupportedVersion) code = core::ErrorCode::TooNew;
  return {code, message()};
}

}  // namespace toward::backup
