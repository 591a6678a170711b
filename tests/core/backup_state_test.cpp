// tests/core/backup_state_test.cpp: the "when was the last backup" record, the gentle reminder rule,
// the download's name, and the golden file.
#include <doctest/doctest.h>

#include <regex>

#include "core/backup/backup_merge.h"
#include "core/backup_state.h"
#include "core/record_store.h"
#include "core/time_format.h"
#include "test_support.h"

using namespace toward;

TEST_CASE("[backup_state] golden schema 1 reads") {
  auto s = core::loadBody<core::BackupState>(test::fixture("core.backup_state.v1.json"), 1);
  REQUIRE(s.isOk());
  CHECK(s.value().lastBackupMs == 1764064800000);
  CHECK(s.value().reminderDays == 14);
}

TEST_CASE("[backup_state] defaults: no backup yet, no reminder; ranges are kept; newer schemas refused") {
  auto s = core::loadBody<core::BackupState>("{}", 1);
  REQUIRE(s.isOk());
  CHECK(s.value().lastBackupMs == 0);
  CHECK(s.value().reminderDays == 0);
  CHECK(core::describeLastBackup(s.value()) == "No backup yet.");
  auto wild = core::loadBody<core::BackupState>(R"({"lastBackupMs":-5,"reminderDays":100000})", 1);
  REQUIRE(wild.isOk());
  CHECK(wild.value().lastBackupMs == 0);
  CHECK(wild.value().reminderDays == core::kMaxReminderDays);
  CHECK(core::loadBody<core::BackupState>("{}", 4).error().code() == core::ErrorCode::TooNew);
}

TEST_CASE("[backup_state] the reminder is due only when chosen, after the chosen number of days") {
  const int64_t day = core::kDayMs, t0 = 1764000000000;
  core::BackupState s;
  s.lastBackupMs = t0;
  CHECK_FALSE(core::backupReminderDue(s, t0 + 400 * day));  // off by default
  s.reminderDays = 7;
  CHECK_FALSE(core::backupReminderDue(s, t0));
  CHECK_FALSE(core::backupReminderDue(s, t0 + 7 * day - 1));
  CHECK(core::backupReminderDue(s, t0 + 7 * day));
  CHECK(core::backupReminderDue(s, t0 + 30 * day));
  s.lastBackupMs = 0;  // asked for a reminder, no backup yet
  CHECK(core::backupReminderDue(s, t0));
}

TEST_CASE("[backup_state] the download is named toward-backup-YYYY-MM-DD.age, and the last date is described") {
  const std::string name = core::backupFileName(1764000000000);
  CHECK(std::regex_match(name, std::regex(R"(toward-backup-\d{4}-\d{2}-\d{2}\.age)")));
  CHECK(name.find(core::formatIsoDate(1764000000000)) != std::string::npos);
  core::BackupState s;
  s.lastBackupMs = s.madeHereMs = 1764000000000;  // as making a backup notes it
  CHECK(core::describeLastBackup(s).rfind("Your last backup was made on ", 0) == 0);
}

TEST_CASE("[backup_state] golden schema 2: a backup brought in is not called one made here") {
  auto v2 = core::loadBody<core::BackupState>(test::fixture("core.backup_state.v2.json"), 2);
  REQUIRE(v2.isOk());
  CHECK(v2.value().lastBackupMs == 1764064800000);
  CHECK(v2.value().madeHereMs == 1762000000000);
  CHECK(v2.value().reminderDays == 14);
  // Schema 1 knew no difference: its date reads as made here, as it was described before.
  auto v1 = core::loadBody<core::BackupState>(test::fixture("core.backup_state.v1.json"), 1);
  REQUIRE(v1.isOk());
  CHECK(v1.value().madeHereMs == v1.value().lastBackupMs);

  // A fresh device that only brought a backup in.
  core::BackupState fresh;
  auto s = core::stateAfterImport(fresh, core::BackupState{}, 1764064800000);
  CHECK(s.madeHereMs == 0);
  const std::string said = core::describeLastBackup(s);
  CHECK(said.find("No backup has been made on this device yet.") == 0);
  CHECK(said.find("brought in") != std::string::npos);
  CHECK(said.find("Your last backup was made") == std::string::npos);
  // Made here, then an older backup brought in: made here it stays.
  core::BackupState here;
  here.lastBackupMs = here.madeHereMs = 1764100000000;
  CHECK(core::describeLastBackup(core::stateAfterImport(here, core::BackupState{}, 1764064800000)).rfind("Your last backup was made on ", 0) == 0);
  // Made here long ago, then a newer one brought in: both said.
  here.lastBackupMs = here.madeHereMs = 1762000000000;
  const std::string both = core::describeLastBackup(core::stateAfterImport(here, core::BackupState{}, 1764064800000));
  CHECK(both.find("from this device was made on") != std::string::npos);
  CHECK(both.find("brought in") != std::string::npos);
}

TEST_CASE("[backup_state] golden schema 3: \"Not now\" quiets the reminder for a few days, and an import keeps it") {
  auto v3 = core::loadBody<core::BackupState>(test::fixture("core.backup_state.v3.json"), 3);
  REQUIRE(v3.isOk());
  CHECK(v3.value().quietUntilMs == 1764500000000);
  CHECK(v3.value().reminderDays == 14);
  // Before schema 3 nothing was quiet.
  CHECK(core::loadBody<core::BackupState>(test::fixture("core.backup_state.v2.json"), 2).value().quietUntilMs == 0);

  const int64_t day = core::kDayMs, t0 = 1764000000000;
  core::BackupState s;
  s.lastBackupMs = t0;
  s.reminderDays = 7;
  const int64_t due = t0 + 10 * day;
  REQUIRE(core::backupReminderDue(s, due));
  const core::BackupState quiet = core::quietReminder(s, due);
  CHECK_FALSE(core::backupReminderDue(quiet, due));
  CHECK_FALSE(core::backupReminderDue(quiet, due + (core::kReminderQuietDays * day) - 1));
  CHECK(core::backupReminderDue(quiet, due + core::kReminderQuietDays * day));
  // Saved and read back, it is still quiet; an import brings in the backup's state but keeps this device's "Not now".
  auto back = core::loadBody<core::BackupState>(core::saveBody(quiet), core::BackupState::kSchema);
  REQUIRE(back.isOk());
  CHECK(back.value().quietUntilMs == quiet.quietUntilMs);
  CHECK(core::stateAfterImport(quiet, core::BackupState{}, t0).quietUntilMs == quiet.quietUntilMs);
  auto wild = core::loadBody<core::BackupState>(R"({"quietUntilMs":-9})", 3);
  REQUIRE(wild.isOk());
  CHECK(wild.value().quietUntilMs == 0);
}

TEST_CASE("[backup_state] an import keeps the newest backup date and this device's reminder choice") {
  core::BackupState before, imported;
  before.lastBackupMs = 100;
  before.reminderDays = 7;
  imported.lastBackupMs = 50;
  imported.reminderDays = 30;
  auto s = core::stateAfterImport(before, imported, 80);
  CHECK(s.lastBackupMs == 100);
  CHECK(s.reminderDays == 7);
  CHECK(core::stateAfterImport(before, imported, 300).lastBackupMs == 300);
  imported.lastBackupMs = 500;
  CHECK(core::stateAfterImport(before, imported, 300).lastBackupMs == 500);
}

TEST_CASE("[backup_state] the record is registered with the core types, saved and read back, and travels in backups") {
  test::TempDir dir;
  test::FakeClock clock;
  auto registry = test::appRegistry();
  REQUIRE(registry.recordType(core::kBackupStateType) != nullptr);
  core::RecordStore store(dir.path(), registry, clock);
  store.load();
  core::BackupState s;
  s.lastBackupMs = clock.nowMs;
  s.reminderDays = 30;
  REQUIRE(core::saveBackupState(store, s));
  CHECK(core::loadBackupState(store).lastBackupMs == clock.nowMs);
  CHECK(core::loadBackupState(store).reminderDays == 30);
  auto file = backup::makeBackup(store, registry, "pw", 2);
  REQUIRE(file.isOk());
  auto doc = backup::openBackup(file.value(), "pw", registry);
  REQUIRE(doc.isOk());
  CHECK(backup::previewDocument(doc.value()).byType.at(core::kBackupStateType) == 1);
}
