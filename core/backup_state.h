// core/backup_state.h: what the app remembers about backups, as one small record ("core.backup_state",
// id "app"): when the last backup was made, and the optional gentle reminder (off by default).
// The passphrase is never part of it (nor of any record or log).
// Golden files: tests/fixtures/core.backup_state.v1.json, core.backup_state.v2.json (schema 2 adds
// madeHereMs, so a backup brought in is not called one made on this device), core.backup_state.v3.json
// (schema 3 adds quietUntilMs: "Not now" on the reminder lasts past a reload).
#pragma once
#include <cstdint>
#include <string>

#include "core/registry.h"
#include "core/serialization.h"

namespace toward::core {

inline constexpr const char* kBackupStateType = "core.backup_state";
inline constexpr const char* kBackupStateId = "app";
inline constexpr uint32_t kMaxReminderDays = 365;
// Where the browser may clear its data (no promise to keep it), the reminder starts on with this many days.
inline constexpr uint32_t kReminderDaysWhereStorageMayBeCleared = 7;
// "Not now" on the reminder: it is not offered again for this many days.
inline constexpr uint32_t kReminderQuietDays = 3;

struct BackupState {
  static constexpr uint32_t kSchema = 3;
  static constexpr uint32_t kMinSchema = 1;

  int64_t lastBackupMs = 0;    // lastBackupMs: int64, default 0 (no backup known yet), Unix ms: the newest
                               // backup known here, made on this device or brought in
  uint32_t reminderDays = 0;   // reminderDays: 0..365, default 0 (no reminder); offer one after this many days
  int64_t madeHereMs = 0;      // madeHereMs: int64, default 0: the last backup made on this device (schema 2;
                               // schema 1 knew no difference, so it reads as lastBackupMs)
  int64_t quietUntilMs = 0;    // quietUntilMs: int64, default 0 (schema 3), Unix ms: "Not now" on the reminder;
                               // it is not offered before this time

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("lastBackupMs", lastBackupMs), cereal::make_nvp("reminderDays", reminderDays),
       cereal::make_nvp("madeHereMs", madeHereMs), cereal::make_nvp("quietUntilMs", quietUntilMs));
  }
  template <class A>
  void load(A& ar, uint32_t schema) {
    optionalField(ar, "lastBackupMs", lastBackupMs);
    optionalField(ar, "reminderDays", reminderDays);
    if (schema >= 2) optionalField(ar, "madeHereMs", madeHereMs);
    else madeHereMs = lastBackupMs;
    if (schema >= 3) optionalField(ar, "quietUntilMs", quietUntilMs);
    clamp();
  }
  // Puts every field back into its allowed range.
  void clamp();
};

// Registers "core.backup_state" (called by registerCoreTypes).
Status registerBackupStateType(Registry& registry);

// True when the person asked for a reminder and `reminderDays` have passed since the last backup
// (or no backup was made yet), unless "Not now" quieted it until later than `nowMs`.
bool backupReminderDue(const BackupState& state, int64_t nowMs);

// "Not now" on the reminder at `nowMs`: the state with the reminder quiet for kReminderQuietDays.
BackupState quietReminder(BackupState state, int64_t nowMs);

// "toward-backup-2026-11-25.age": the download's name, dated in the device's local time.
std::string backupFileName(int64_t nowMs);

// "Your last backup was made on Tuesday 25 November 2026." or "No backup yet." (calm, for settings); a
// backup only brought in is described as that, never as one made here.
std::string describeLastBackup(const BackupState& state);

// After an import (merge or replace) brought in the backup's own copy of this record: keeps the latest of
// this device's and the backup's "last backup" dates and the date `importedCreatedMs` of the backup just
// brought in (that file exists), and keeps this device's reminder choice, its "Not now" and its own madeHereMs.
BackupState stateAfterImport(const BackupState& before, const BackupState& imported, int64_t importedCreatedMs);

class RecordStore;
// The saved state, or the defaults when none is saved yet (or it cannot be read).
BackupState loadBackupState(const RecordStore& store);
// Saves the state record.
Status saveBackupState(RecordStore& store, const BackupState& state);

}  // namespace toward::core
