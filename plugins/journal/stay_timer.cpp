// plugins/journal/stay_timer.cpp: see stay_timer.h.
#include "plugins/journal/stay_timer.h"

#include <algorithm>

namespace toward::journal {
namespace {
uint32_t clampLength(uint32_t s) { return std::clamp(s, StayTimer::kMinSeconds, StayTimer::kMaxSeconds); }
}  // namespace

void StayTimer::start(int64_t nowMs, uint32_t seconds) {
  m_state = State::Running;
  m_lengthSeconds = clampLength(seconds);
  m_startMs = nowMs;
  m_carriedMs = 0;
  m_doneMs = 0;
}

int64_t StayTimer::elapsedMs(int64_t nowMs) const {
  if (m_state == State::Idle) return 0;
  if (m_state == State::Finished) return m_doneMs;
  // A clock that moved backwards never takes time away.
  return std::min<int64_t>(m_carriedMs + std::max<int64_t>(0, nowMs - m_startMs), int64_t(m_lengthSeconds) * 1000);
}

void StayTimer::extend(int64_t nowMs, uint32_t seconds) {
  if (m_state == State::Idle) return start(nowMs, seconds);
  if (m_state == State::Finished) {
    m_carriedMs = m_doneMs;
    m_startMs = nowMs;
    m_lengthSeconds = uint32_t(m_doneMs / 1000);
    m_state = State::Running;
  }
  m_lengthSeconds = std::min(m_lengthSeconds + seconds, kMaxSeconds);
}

void StayTimer::setLength(int64_t nowMs, uint32_t seconds) {
  if (m_state == State::Finished) return;
  uint32_t s = clampLength(seconds);
  if (m_state == State::Running) {
    const uint32_t passed = uint32_t((elapsedMs(nowMs) + 999) / 1000);
    s = std::max(s, passed);
  }
  m_lengthSeconds = s;
  update(nowMs);
}

void StayTimer::stop(int64_t nowMs) {
  if (m_state != State::Running) return;
  m_doneMs = elapsedMs(nowMs);
  m_state = State::Finished;
}

void StayTimer::update(int64_t nowMs) {
  if (m_state == State::Running && elapsedMs(nowMs) >= int64_t(m_lengthSeconds) * 1000) {
    m_doneMs = int64_t(m_lengthSeconds) * 1000;
    m_state = State::Finished;
  }
}

void StayTimer::reset() { *this = StayTimer{}; }

uint32_t StayTimer::elapsedSeconds(int64_t nowMs) const { return uint32_t(elapsedMs(nowMs) / 1000); }

uint32_t StayTimer::remainingSeconds(int64_t nowMs) const {
  if (m_state != State::Running) return 0;
  const int64_t left = int64_t(m_lengthSeconds) * 1000 - elapsedMs(nowMs);
  return uint32_t(std::max<int64_t>(0, (left + 999) / 1000));
}

float StayTimer::progress(int64_t nowMs) const {
  if (m_state == State::Idle || m_lengthSeconds == 0) return 0;
  return std::clamp(float(elapsedMs(nowMs)) / (float(m_lengthSeconds) * 1000.0f), 0.0f, 1.0f);
}

StayTimer::Breath StayTimer::breath(int64_t nowMs) const {
  const int64_t cycle = kBreathInMs + kBreathOutMs;
  const int64_t t = elapsedMs(nowMs) % cycle;
  Breath b;
  if (t < kBreathInMs) {
    b.in = true;
    b.fill = float(t) / float(kBreathInMs);
  } else {
    b.in = false;
    b.fill = 1.0f - float(t - kBreathInMs) / float(kBreathOutMs);
  }
  return b;
}

uint32_t StayTimer::promptIndex(int64_t nowMs) const { return uint32_t(elapsedMs(nowMs) / kPromptEveryMs); }

int64_t StayTimer::nextChangeMs(int64_t nowMs) const {
  if (m_state != State::Running) return -1;
  const int64_t e = elapsedMs(nowMs);
  return nowMs + (1000 - e % 1000);
}

}  // namespace toward::journal
