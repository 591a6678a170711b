// tests/core/shell_state_test.cpp: the shell's state without drawing (core/shell/shell_state.h): pages,
// the writer, quick hide (lock or cover), auto-lock, the first-run offer and the notices told once.
#include <doctest/doctest.h>

#include "core/record_store.h"
#include "core/shell/shell_state.h"
#include "core/vault/vault.h"
#include "test_support.h"

using namespace toward;
using core::ShellState;

namespace {

const core::vault::KdfParams kQuick{1, 64 * 1024};

// A store (with the app's record types) and a vault over a fresh folder, opened as the app opens them.
struct Shell {
  test::TempDir dir;
  test::FakeClock clock;
  core::Registry registry = test::appRegistry();
  core::RecordStore store{dir.path(), registry, [this] { return clock.nowMs; }};
  core::vault::Vault vault{store};
  ShellState shell{store, vault, [this] { return clock.nowMs; }};
  Shell() {
    if (vault.open() == core::vault::VaultStatus::Off) store.load();
    shell.setPages({"journal", "letters", "settings"});
  }
};

}  // namespace

TEST_CASE("[shell] pages: the first is shown; select by index or id; the shown page survives new pages") {
  Shell s;
  CHECK(s.shell.currentId() == "journal");
  CHECK(s.shell.select(1));
  CHECK_FALSE(s.shell.select(1));   // already shown
  CHECK_FALSE(s.shell.select(7));   // no such page
  CHECK(s.shell.currentId() == "letters");
  CHECK(s.shell.selectId("settings"));
  CHECK_FALSE(s.shell.selectId("nowhere"));
  CHECK(s.shell.indexOf("settings") == 2);
  // A lock rebuilds the pages: the person comes back to the page they were on.
  s.shell.setPages({"journal", "letters", "settings"});
  CHECK(s.shell.currentId() == "settings");
  s.shell.setPages({"journal", "letters"});
  CHECK(s.shell.currentId() == "journal");
  CHECK(s.shell.takeChanged());
  CHECK_FALSE(s.shell.takeChanged());
}

TEST_CASE("[shell] another tab writing: the store refuses writes with a kind reason, and accepts them again") {
  Shell s;
  s.shell.setWriter(false);
  CHECK_FALSE(s.shell.writer());
  auto refused = s.store.put("journal.entry", "", R"({"text":"hello"})");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message().find("another tab") != std::string::npos);
  s.shell.setWriter(true);
  CHECK(s.store.put("journal.entry", "", R"({"text":"hello"})"));
}

TEST_CASE("[shell] quick hide without a vault covers the screen until Continue, which counts as activity") {
  Shell s;
  CHECK(s.shell.quickHide() == ShellState::Hide::Cover);
  CHECK(s.shell.covered());
  s.clock.nowMs += 5000;
  s.shell.uncover();
  CHECK_FALSE(s.shell.covered());
}

TEST_CASE("[shell] with a vault open: quick hide locks; auto-lock is due after the chosen idle time") {
  Shell s;
  REQUIRE(s.vault.enable("a long enough passphrase", kQuick));
  REQUIRE(s.vault.status() == core::vault::VaultStatus::Unlocked);
  CHECK(s.shell.quickHide() == ShellState::Hide::Lock);
  CHECK_FALSE(s.shell.covered());

  // Five minutes by default, counted from the last input.
  s.shell.noteActivity(s.clock.nowMs);
  CHECK(s.shell.autoLockDueMs() == s.clock.nowMs + 5 * 60000);
  s.shell.noteActivity(s.clock.nowMs + 1000);
  CHECK(s.shell.autoLockDueMs() == s.clock.nowMs + 1000 + 5 * 60000);
  s.shell.setAutoLockOverrideMs(200);
  CHECK(s.shell.autoLockDueMs() == s.clock.nowMs + 1000 + 200);
  s.shell.setAutoLockOverrideMs(0);
  auto prefs = s.vault.prefs();
  prefs.autoLockMinutes = 0;  // never
  REQUIRE(s.vault.setPrefs(prefs));
  CHECK(s.shell.autoLockDueMs() == -1);

  CHECK_FALSE(s.shell.lockOnPageHidden());
  prefs.lockOnHide = true;
  REQUIRE(s.vault.setPrefs(prefs));
  CHECK(s.shell.lockOnPageHidden());

  s.vault.lock();
  s.shell.lockedNow();
  CHECK(s.shell.locked());
  CHECK(s.shell.autoLockDueMs() == -1);
  CHECK_FALSE(s.shell.lockOnPageHidden());
  CHECK(s.shell.quickHide() == ShellState::Hide::Nothing);

  // Unlocking starts the idle time again from now.
  REQUIRE(s.vault.unlock("a long enough passphrase", s.clock.nowMs));
  s.clock.nowMs += 60000;
  prefs.autoLockMinutes = 2;
  REQUIRE(s.vault.setPrefs(prefs));
  s.shell.unlocked();
  CHECK(s.shell.autoLockDueMs() == s.clock.nowMs + 2 * 60000);
}

TEST_CASE("[shell] the first-run offer: only while nothing is written, the vault is off, unanswered, not on Settings") {
  Shell s;
  CHECK(s.shell.offerShown());
  s.shell.selectId("settings");
  CHECK_FALSE(s.shell.offerShown());   // Settings has the passphrase form itself
  s.shell.selectId("journal");
  CHECK(s.shell.offerShown());
  s.shell.setWriter(false);
  CHECK_FALSE(s.shell.offerShown());   // another tab writes
  s.shell.setWriter(true);
  REQUIRE(s.store.put("journal.entry", "", R"({"text":"the first words"})"));
  CHECK_FALSE(s.shell.offerShown());   // something is written: no first run any more
  Shell fresh;
  fresh.shell.setCareInProgress(true, fresh.clock.nowMs);
  CHECK_FALSE(fresh.shell.offerShown());   // never over a running timer (it would cover the way out)
  fresh.shell.setCareInProgress(false, fresh.clock.nowMs);
  fresh.shell.answerOffer();           // "Not now"
  CHECK_FALSE(fresh.shell.offerShown());
}

TEST_CASE("[shell] after the way out was opened, the first-run offer waits for the next visit") {
  Shell s;
  CHECK(s.shell.offerShown());
  s.shell.openWayOut();
  CHECK_FALSE(s.shell.offerShown());   // never over the way out
  s.shell.closeWayOut();
  // Nor over where it led ("Someone to call": the plan's people), nor on any page after, this visit.
  CHECK_FALSE(s.shell.offerShown());
  s.shell.selectId("journal");
  CHECK_FALSE(s.shell.offerShown());
}

TEST_CASE("[shell] presses during a frame are taken once; notices are told until dismissed") {
  Shell s;
  s.shell.requestLock();
  s.shell.requestHide();
  CHECK(s.shell.takeLockRequest());
  CHECK_FALSE(s.shell.takeLockRequest());
  CHECK(s.shell.takeHideRequest());
  CHECK_FALSE(s.shell.takeHideRequest());

  CHECK_FALSE(s.shell.recoveredToTell());
  s.shell.noteRecovered(2);
  CHECK(s.shell.recoveredToTell());
  CHECK(s.shell.recovered() == 2);
  s.shell.dismissRecovered();
  CHECK_FALSE(s.shell.recoveredToTell());
}

TEST_CASE("[shell] unreadable items are told after every unlock until dismissed") {
  Shell s;
  // A record this version cannot read: the store keeps it untouched and reports it.
  test::writeRaw(s.dir.path() + "/records/journal.entry/01ZZZZZZZZZZZZZZZZZZZZZZZZ.json", "{ not json");
  s.store.load();
  REQUIRE_FALSE(s.store.problems().empty());
  CHECK(s.shell.problemsToTell());
  s.shell.dismissProblems();
  CHECK_FALSE(s.shell.problemsToTell());
  s.shell.lockedNow();
  CHECK(s.shell.problemsToTell());
}

TEST_CASE("[shell] a timer or grounding session counts as activity: auto-lock waits, then counts from its end") {
  Shell s;
  REQUIRE(s.vault.enable("a long enough passphrase", kQuick));
  s.shell.noteActivity(s.clock.nowMs);
  const int64_t start = s.clock.nowMs;
  CHECK(s.shell.autoLockDueMs() == start + 5 * 60000);
  s.shell.setCareInProgress(true, start);
  CHECK(s.shell.autoLockDueMs() == -1);   // a five-minute session is never ended by the five-minute lock
  s.clock.nowMs += 9 * 60000;
  s.shell.setCareInProgress(true, s.clock.nowMs);   // told every frame: nothing changes
  CHECK(s.shell.autoLockDueMs() == -1);
  s.shell.setCareInProgress(false, s.clock.nowMs);
  CHECK(s.shell.autoLockDueMs() == s.clock.nowMs + 5 * 60000);
}

TEST_CASE("[shell] the check-in: once per moment, one at a time, never when turned off; the way out opens and closes") {
  Shell s;
  CHECK_FALSE(s.shell.offerCheckIn("journal.entry/A", false));   // turned off in Settings
  CHECK_FALSE(s.shell.checkInShown());
  CHECK(s.shell.offerCheckIn("journal.entry/A", true));
  CHECK(s.shell.checkInShown());
  CHECK_FALSE(s.shell.offerCheckIn("journal.timer/B", true));    // one at a time
  s.shell.dismissCheckIn();
  CHECK_FALSE(s.shell.offerCheckIn("journal.entry/A", true));    // that moment had its check-in
  CHECK(s.shell.offerCheckIn("journal.timer/B", true));
  s.shell.dismissCheckIn();

  CHECK_FALSE(s.shell.wayOutOpen());
  s.shell.openWayOut();
  CHECK(s.shell.wayOutOpen());
  s.shell.closeWayOut();
  CHECK_FALSE(s.shell.wayOutOpen());
}
