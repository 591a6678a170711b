// core/shell/shell_state.cpp: see shell_state.h.
#include "core/shell/shell_state.h"

namespace toward::core {

namespace {
constexpr const char* kReadOnlyReason = "Toward is open in another tab, so this tab is only showing your words.";
constexpr const char* kSettingsPage = "settings";
}  // namespace

ShellState::ShellState(RecordStore& store, vault::Vault& vault, std::function<int64_t()> clock)
    : m_store(store), m_vault(vault), m_clock(std::move(clock)), m_lastActivityMs(m_clock()) {}

void ShellState::setPages(std::vector<std::string> ids) {
  const std::string shown = m_current < m_pages.size() ? m_pages[m_current] : "";
  m_pages = std::move(ids);
  const int kept = indexOf(shown);
  m_current = kept >= 0 ? size_t(kept) : 0;
  m_changed = true;
}

const std::string& ShellState::currentId() const {
  static const std::string none;
  return m_current < m_pages.size() ? m_pages[m_current] : none;
}

bool ShellState::select(size_t index) {
  if (index >= m_pages.size() || index == m_current) return false;
  m_current = index;
  m_changed = true;
  return true;
}

bool ShellState::selectId(const std::string& id) {
  const int index = indexOf(id);
  return index >= 0 && select(size_t(index));
}

int ShellState::indexOf(const std::string& id) const {
  for (size_t i = 0; i < m_pages.size(); ++i) {
    if (m_pages[i] == id) return int(i);
  }
  return -1;
}

void ShellState::setWriter(bool writer) {
  m_writer = writer;
  m_store.setReadOnly(writer ? "" : kReadOnlyReason);
  m_changed = true;
}

ShellState::Hide ShellState::quickHide() {
  m_changed = true;
  switch (m_vault.status()) {
    case vault::VaultStatus::Unlocked: return Hide::Lock;
    case vault::VaultStatus::Off: m_covered = true; return Hide::Cover;
    case vault::VaultStatus::Locked: break;
  }
  return Hide::Nothing;
}

void ShellState::uncover() {
  m_covered = false;
  m_lastActivityMs = m_clock();
  m_changed = true;
}

void ShellState::unlocked() {
  m_lastActivityMs = m_clock();
  m_store.purgeExpired();
  m_changed = true;
}

void ShellState::lockedNow() {
  m_problemsDismissed = false;
  m_lockRequested = false;
  m_changed = true;
}

bool ShellState::lockOnPageHidden() const {
  return m_vault.status() == vault::VaultStatus::Unlocked && m_vault.prefs().lockOnHide;
}

void ShellState::setCareInProgress(bool running, int64_t nowMs) {
  if (running == m_careInProgress) return;
  m_careInProgress = running;
  m_lastActivityMs = nowMs;  // a session that just ended: the idle time starts now
  m_changed = true;
}

bool ShellState::offerCheckIn(const std::string& moment, bool enabled) {
  if (!enabled || !m_checkIn.empty() || m_checkedIn.count(moment)) return false;
  m_checkedIn.insert(moment);
  m_checkIn = moment;
  m_changed = true;
  return true;
}

int64_t ShellState::autoLockDueMs() const {
  if (m_vault.status() != vault::VaultStatus::Unlocked || m_careInProgress) return -1;
  const int64_t idle = m_autoLockOverrideMs > 0 ? m_autoLockOverrideMs : int64_t(m_vault.prefs().autoLockMinutes) * 60000;
  if (idle <= 0) return -1;
  return m_lastActivityMs + idle;
}

bool ShellState::offerShown() const {
  // At first run (nothing written yet) a passphrase is offered, never forced; Settings always has it.
  // Never over a running timer or session, a way out or a check-in (it would cover them), nor for the rest
  // of a visit that needed the way out (over the people to call, a passphrase is the wrong question).
  if (m_careInProgress || m_wayOut || m_wayOutOpened || !m_checkIn.empty()) return false;
  return m_writer && !m_offerAnswered && m_vault.status() == vault::VaultStatus::Off && m_store.count() == 0 &&
         currentId() != kSettingsPage;
}

}  // namespace toward::core
