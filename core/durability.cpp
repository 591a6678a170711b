// core/durability.cpp: see durability.h.
#include "core/durability.h"

#include <algorithm>

namespace toward::core {

void DurabilityTracker::observe(uint64_t generation, int64_t nowMs) {
  if (generation > m_latest) {
    m_latest = generation;
    if (m_pendingSinceMs < 0) m_pendingSinceMs = nowMs;
    // Debounce: wait for a pause in changes, but with an error pending keep the retry time.
    int64_t due = nowMs + std::max(m_delayMs, m_retryPauseMs);
    // Changes that never pause (every frame) are still synced within the maximum wait.
    if (m_retryPauseMs == 0) due = std::min(due, m_pendingSinceMs + std::max(kMaxWaitMs, m_delayMs));
    m_dueMs = due;
  }
}

std::optional<uint64_t> DurabilityTracker::startIfDue(int64_t nowMs) {
  if (m_running || saved()) {
    if (saved()) m_flushRequested = false;
    return std::nullopt;
  }
  const bool due = m_flushRequested || (m_dueMs >= 0 && nowMs >= m_dueMs);
  if (!due) return std::nullopt;
  m_running = true;
  m_flushRequested = false;
  m_runningGeneration = m_latest;
  m_pendingSinceMs = -1;   // changes from now on wait for the next sync
  return m_runningGeneration;
}

void DurabilityTracker::finished(bool ok, const std::string& error, int64_t nowMs) {
  if (!m_running) return;
  m_running = false;
  if (ok) {
    m_durable = std::max(m_durable, m_runningGeneration);
    m_error.clear();
    m_retryPauseMs = 0;
    // Changes made while this sync ran still wait for their own (already scheduled) sync.
    m_dueMs = saved() ? -1 : std::max(m_dueMs, nowMs);
  } else {
    m_error = error.empty() ? std::string("the browser did not say why") : error;
    m_retryPauseMs = m_retryPauseMs == 0 ? 2000 : std::min<int64_t>(m_retryPauseMs * 2, 30000);
    if (m_pendingSinceMs < 0) m_pendingSinceMs = nowMs;
    m_dueMs = nowMs + m_retryPauseMs;
  }
}

int64_t DurabilityTracker::nextDueMs() const {
  if (saved()) return -1;
  if (m_flushRequested && !m_running) return 0;
  return m_dueMs;
}

}  // namespace toward::core
