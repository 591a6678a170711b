// core/durability.h: when is a change really saved? Changes are written to the in-memory file system
// at once; the platform then mirrors that tree to durable storage (IndexedDB in the browser) with a
// "sync". This tracker decides when a sync starts (a short delay after the last change, or at once on
// a flush such as the page being hidden), never lets two run at the same time, and says "saved" only
// once a sync that began after the latest change has completed. Failed syncs are retried with a
// growing pause, and the error is kept for the person to read. Pure logic: tested natively.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace toward::core {

class DurabilityTracker {
 public:
  // delayMs: int64, default 1000 — how long after a change the automatic sync waits.
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
  int64_t m_retryPauseMs = 0;    // grows after failures
  std::string m_error;
};

}  // namespace toward::core
