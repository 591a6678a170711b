// core/shell/shell_state.h: the app shell's state, without any drawing: which page is shown, whether this
// tab may write, whether the screen is hidden (the vault locked, or a neutral cover without one), when
// auto-lock is due (never while care is in progress: a stay-with-it timer or a grounding session),
// whether the first-run offer of a passphrase is on screen, the way out ("It's too much right now") and
// the gentle check-in after a hard moment, and the calm notices the shell tells once. web/app.cpp draws it and carries out what it decides (saving what views hold,
// dropping text fields); it is tested natively (tests/core/shell_state_test.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/record_store.h"
#include "core/vault/vault.h"

namespace toward::core {

class ShellState {
 public:
  // The store and the vault must outlive it; `clock` gives the time in ms.
  ShellState(RecordStore& store, vault::Vault& vault, std::function<int64_t()> clock);

  // ---- pages, by id, in navigation order
  // Sets the pages; the page shown stays when it is still there (a lock rebuilds the views), else the first.
  void setPages(std::vector<std::string> ids);
  const std::vector<std::string>& pages() const { return m_pages; }
  size_t current() const { return m_current; }
  const std::string& currentId() const;
  // Shows a page; false when it is already shown or does not exist.
  bool select(size_t index);
  bool selectId(const std::string& id);
  // The index of a page, or -1.
  int indexOf(const std::string& id) const;

  // ---- this tab writing, or another one
  bool writer() const { return m_writer; }
  // While another tab writes, the store refuses writes with a kind reason (said where a write is tried).
  void setWriter(bool writer);

  // ---- hidden: the vault locked, or (without a vault) a neutral cover until "Continue"
  bool locked() const { return m_vault.status() == vault::VaultStatus::Locked; }
  bool covered() const { return m_covered; }
  enum class Hide { Lock, Cover, Nothing };
  // Quick hide: Lock when the vault is open (the app locks it), Cover when there is none (the cover is on
  // from now), Nothing when already locked.
  Hide quickHide();
  // "Continue" on the cover.
  void uncover();
  // The vault was just unlocked (the unlock screen, Enter, or the test API): idle time counts from now and
  // what stayed in the trash past its time goes.
  void unlocked();
  // The vault was locked: the notice about unreadable items will be told again after the next unlock.
  void lockedNow();
  // The page was hidden (another app, another tab): true when the person chose to lock then.
  bool lockOnPageHidden() const;

  // ---- auto-lock after idle time (the vault's prefs), counted from the last input
  void noteActivity(int64_t nowMs) { m_lastActivityMs = nowMs; }
  // When auto-lock is due, or -1 (no vault open, or "never").
  int64_t autoLockDueMs() const;
  // Test builds: auto-lock after `ms` of idle time instead of the chosen minutes (0 = as chosen).
  void setAutoLockOverrideMs(int64_t ms) { m_autoLockOverrideMs = ms; }
  // A stay-with-it timer or a grounding session is running (told every frame): it counts as activity,
  // so auto-lock never ends it; idle time counts from when it ends.
  void setCareInProgress(bool running, int64_t nowMs);
  bool careInProgress() const { return m_careInProgress; }

  // ---- "It's too much right now": a short, calm choice (ground, the safety plan, ideas, someone to call)
  void openWayOut() { m_wayOut = m_wayOutOpened = true; m_changed = true; }
  void closeWayOut() { m_wayOut = false; m_changed = true; }
  bool wayOutOpen() const { return m_wayOut; }

  // ---- "How is it now?": a small card after a hard moment, never modal, at most once per moment
  // Offers the check-in for `moment` (e.g. "journal.entry/<id>"); false when check-ins are turned off,
  // that moment had one already, or one is on screen.
  bool offerCheckIn(const std::string& moment, bool enabled);
  bool checkInShown() const { return !m_checkIn.empty(); }
  void dismissCheckIn() { m_checkIn.clear(); m_changed = true; }

  // ---- the first-run offer of a passphrase: shown while nothing is written yet and it is unanswered (and
  // never over care in progress or a way out)
  bool offerShown() const;
  void answerOffer() { m_offerAnswered = true; m_changed = true; }

  // ---- presses during a frame that the app acts on after it
  void requestLock() { m_lockRequested = true; }
  bool takeLockRequest() { return take(m_lockRequested); }
  void requestHide() { m_hideRequested = true; }
  bool takeHideRequest() { return take(m_hideRequested); }

  // ---- notices told once
  // `count` text fields were brought back after a crash.
  void noteRecovered(int count) { m_recovered += count; m_changed = true; }
  bool recoveredToTell() const { return m_recovered > 0 && !m_recoveredDismissed; }
  int recovered() const { return m_recovered; }
  void dismissRecovered() { m_recoveredDismissed = true; }
  // Saved items this version could not open (the store's problems).
  bool problemsToTell() const { return !m_store.problems().empty() && !m_problemsDismissed; }
  void dismissProblems() { m_problemsDismissed = true; }

  // ---- something changed that the screen should show (read once per frame by the app)
  void markChanged() { m_changed = true; }
  bool takeChanged() { return take(m_changed); }

 private:
  static bool take(bool& flag) {
    const bool was = flag;
    flag = false;
    return was;
  }

  RecordStore& m_store;
  vault::Vault& m_vault;
  std::function<int64_t()> m_clock;
  std::vector<std::string> m_pages;
  size_t m_current = 0;
  bool m_writer = true;
  bool m_covered = false;
  int64_t m_lastActivityMs = 0;
  int64_t m_autoLockOverrideMs = 0;
  bool m_offerAnswered = false;
  bool m_lockRequested = false;
  bool m_hideRequested = false;
  int m_recovered = 0;
  bool m_recoveredDismissed = false;
  bool m_problemsDismissed = false;
  bool m_changed = false;
  bool m_careInProgress = false;
  bool m_wayOut = false;
  bool m_wayOutOpened = false;   // the way out was opened this visit (the first-run offer then waits)
  std::string m_checkIn;               // the moment whose check-in is on screen, or ""
  std::set<std::string> m_checkedIn;   // moments that had their check-in (this session)
};

}  // namespace toward::core
