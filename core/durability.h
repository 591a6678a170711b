// core/durability.h: when is a change really saved? Changes are written to the in-memory file system
// at once; the platform then mirrors that tree to durable storage (IndexedDB in the browser) with a
// "sync". This tracker decides when a sync starts (a short delay after the last change, but never later
// than kMaxWaitMs after the first change not yet synced, or at once on a flush such as the page being hidden), never lets two run at the same time, and says "saved" only
// once a sync that began after the latest change has completed. Failed syncs are retried with a
// growing pause, and the error is kept for the person to read. Pure logic: tested natively.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace toward::core {

// The longest a change waits for its sync while changes keep coming (an import or turning the vault on
// writes every frame, so the 1 s pause never comes). 2 s: twice the pause, so ordinary typing still gets
// one sync per pause; about as long as the largest sync measured (2.1 s for 10,000 sealed files), so a long
// stream is synced back to back, never more often than a sync can finish; and at most about 4 s of changes
// (the wait plus one sync) are ever only in memory.
inline constexpr int64_t kMaxWaitMs = 2000;

// When an editor hands what is being typed to the store: after a pause in typing (the editor's own pause,
// about 1 s), but never later than kAutosaveMaxWaitMs after the first edit not yet handed over, so words
// typed on and on without a pause are stored while the typing goes on (with the sync's kMaxWaitMs, at
// most about 5 s of typing is ever only on screen). Each editor view keeps one (plugins/*/..._view.h).
inline constexpr int64_t kAutosaveMaxWaitMs = 3000;

class AutosaveClock {
 public:
  explicit AutosaveClock(int64_t pauseMs) : m_pauseMs(pauseMs) {}
  // An edit at nowMs; `alreadyPending`: words not yet handed over were there before it.
  void edited(int64_t nowMs, bool alreadyPending) {
    if (!alreadyPending) m_firstMs = nowMs;
    m_lastMs = nowMs;
  }
  // A save that could not store its words: the whole wait begins again.
  void retryFrom(int64_t nowMs) { m_firstMs = m_lastMs = nowMs; }
  // When the pending words are due (meaningful while the editor has words pending).
  int64_t dueMs() const {
    const int64_t afterPause = m_lastMs + m_pauseMs, atLatest = m_firstMs + kAutosaveMaxWaitMs;
    return afterPause < atLatest ? afterPause : atLatest;
  }
  bool due(int64_t nowMs) const { return nowMs >= dueMs(); }

 private:
  int64_t m_pauseMs;
  int64_t m_firstMs = 0;
  int64_t m_lastMs = 0;
};

class DurabilityTracker {
 public:
  // delayMs: int64, default 1000 — how long after a change the automatic sync waits for a pause (the
  // most it waits is the larger of kMaxWaitMs and delayMs, counted from the first change not yet synced).
  void setDelayMs(int64_t delayMs) { m_delayMs = delayMs < 0 ? 0 : delayMs; }
  int64_t delayMs() const { return m_delayMs; }

  // Tells the tracker the store's generation (core/record_store.h) at time nowMs.
  void observe(uint64_t generation, int64_t nowMs);
  // Asks for a sync as soon as none is running (page hidden, tab handover, explicit flush).
  void requestFlush() { m_flushRequested = true; }

  // When a sync should start now, marks it running and returns the generation it will cover.
  std::optional<uint64_t> startIfDue(int64_t nowMs);
  // Reports the end of the running sync.
  void finished(bool ok, const std::string& error, int64_t nowMs);

  bool saved() const { return m_durable >= m_latest; }
  bool syncing() const { return m_running; }
  // Empty when the last sync succeeded; otherwise the storage's complaint, kept until a sync works.
  const std::string& error() const { return m_error; }
  uint64_t latestGeneration() const { return m_latest; }
  uint64_t durableGeneration() const { return m_durable; }
  // The time at which startIfDue would next return a value (or -1 if nothing is waiting).
  int64_t nextDueMs() const;

 private:
  int64_t m_delayMs = 1000;
  uint64_t m_latest = 0;
  uint64_t m_durable = 0;
  uint64_t m_runningGeneration = 0;
  bool m_running = false;
  bool m_flushRequested = false;
  int64_t m_dueMs = -1;          // when the automatic sync should start
  int64_t m_pendingSinceMs = -1; // the first change no sync has begun to cover (-1: none)
  int64_t m_retryPauseMs = 0;    // grows after failures
  std::string m_error;
};

}  // namespace toward::core
