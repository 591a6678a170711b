// core/backup_state.cpp: see backup_state.h.
#include "core/backup_state.h"

#include <algorithm>

#include "core/record_store.h"
#include "core/time_format.h"

namespace toward::core {

void BackupState::clamp() {
  if (lastBackupMs < 0) lastBackupMs = 0;
  if (madeHereMs < 0) madeHereMs = 0;
  if (quietUntilMs < 0) quietUntilMs = 0;
  lastBackupMs = std::max(lastBackupMs, madeHereMs);
  reminderDays = std::min(reminderDays, kMaxReminderDays);
}

Status registerBackupStateType(Registry& registry) {
  return registry.addRecordType(makeRecordType<BackupState>(kBackupStateType, "backup note", [](const BackupState&) {
    return std::string("When your last backup was made");
  }));
}

bool backupReminderDue(const BackupState& state, int64_t nowMs) {
  if (state.reminderDays == 0 || nowMs < state.quietUntilMs) return false;
  if (state.lastBackupMs <= 0) return true;
  return nowMs - state.lastBackupMs >= int64_t(state.reminderDays) * kDayMs;
}

BackupState quietReminder(BackupState state, int64_t nowMs) {
  state.quietUntilMs = nowMs + int64_t(kReminderQuietDays) * kDayMs;
  return state;
}

std::string backupFileName(int64_t nowMs) { return "toward-backup-" + formatIsoDate(nowMs) + ".age"; }

std::string describeLastBackup(const BackupState& state) {
  if (state.lastBackupMs <= 0) return "No backup yet.";
  if (state.madeHereMs >= state.lastBackupMs) return "Your last backup was made on " + formatLongDate(state.madeHereMs) + ".";
  const std::string broughtIn = "The backup you brought in is from " + formatLongDate(state.lastBackupMs) + ".";
  if (state.madeHereMs <= 0) return "No backup has been made on this device yet. " + broughtIn;
  return "Your last backup from this device was made on " + formatLongDate(state.madeHereMs) + ". " + broughtIn;
}

BackupState stateAfterImport(const BackupState& before, const BackupState& imported, int64_t importedCreatedMs) {
  BackupState s = before;
  s.lastBackupMs = std::max({before.lastBackupMs, imported.lastBackupMs, importedCreatedMs, int64_t(0)});
  s.madeHereMs = before.madeHereMs;
  s.quietUntilMs = before.quietUntilMs;
  s.clamp();
  return s;
}

BackupState loadBackupState(const RecordStore& store) {
  if (const StoredRecord* r = store.find(kBackupStateType, kBackupStateId)) {
    auto s = loadBody<BackupState>(r->body, r->schema);
    if (s) return s.value();
  }
  return BackupState{};
}

Status saveBackupState(RecordStore& store, const BackupState& state) {
  BackupState clean = state;
  clean.clamp();
  auto saved = store.put(kBackupStateType, kBackupStateId, saveBody(clean));
  return saved ? Status::ok() : saved.error();
}

}  // namespace toward::core
