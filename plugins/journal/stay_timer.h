// plugins/journal/stay_timer.h: the "stay with it" timer as a pure model, driven by explicit times
// (no clock inside, so tests and the UI agree). It runs for a chosen length (30 s by default), can be
// made longer or shorter, extended or stopped at any moment, and records the seconds actually stayed.
// It also gives the breath pacer's phase and which quiet prompt to show.
#pragma once
#include <cstdint>

namespace toward::journal {

class StayTimer {
 public:
  // defaultSeconds: uint32, default 30 — the length offered first.
  static constexpr uint32_t kDefaultSeconds = 30;
  // minSeconds / maxSeconds: uint32, 10 / 600 — the range the length can be set to.
  static constexpr uint32_t kMinSeconds = 10;
  static constexpr uint32_t kMaxSeconds = 600;
  // breathInMs / breathOutMs: int64, 4000 / 6000 — one slow breath, out longer than in.
  static constexpr int64_t kBreathInMs = 4000;
  static constexpr int64_t kBreathOutMs = 6000;
  // promptEveryMs: int64, 10000 — how long each quiet prompt stays.
  static constexpr int64_t kPromptEveryMs = 10000;

  enum class State { Idle, Running, Finished };

  // Starts (or starts again) at nowMs for `seconds` (clamped to the allowed range).
  void start(int64_t nowMs, uint32_t seconds = kDefaultSeconds);
  // Adds `seconds` to the length; a finished timer carries on from where it stopped.
  void extend(int64_t nowMs, uint32_t seconds = kDefaultSeconds);
  // Changes the length while running or before starting (clamped; never below what has passed).
  void setLength(int64_t nowMs, uint32_t seconds);
  // Ends now; the seconds stayed so far are recorded. Does nothing unless running.
  void stop(int64_t nowMs);
  // Moves time forward: a timer that reached its length finishes by itself. Call once per frame.
  void update(int64_t nowMs);
  // Back to idle, forgetting what was recorded.
  void reset();

  State state() const { return m_state; }
  bool running() const { return m_state == State::Running; }
  bool finished() const { return m_state == State::Finished; }
  uint32_t lengthSeconds() const { return m_lengthSeconds; }
  // Whole seconds stayed so far (while running) or in the end (when finished).
  uint32_t elapsedSeconds(int64_t nowMs) const;
  // The seconds recorded when the timer finished or was stopped (0 before that).
  uint32_t recordedSeconds() const { return m_state == State::Finished ? uint32_t(m_doneMs / 1000) : 0; }
  // Whole seconds still to go (rounded up), 0 when not running.
  uint32_t remainingSeconds(int64_t nowMs) const;
  // 0..1 of the length that has passed.
  float progress(int64_t nowMs) const;

  // The breath pacer: true while breathing in; `fill` 0..1 is how full the breath is (grows while
  // breathing in, shrinks while breathing out).
  struct Breath {
    bool in = true;
    float fill = 0;
  };
  Breath breath(int64_t nowMs) const;
  // Which prompt to show (0, 1, 2, ... changing every kPromptEveryMs while running).
  uint32_t promptIndex(int64_t nowMs) const;
  // When the screen next needs to change: the next whole second, or the end. -1 when not running.
  int64_t nextChangeMs(int64_t nowMs) const;

 private:
  int64_t elapsedMs(int64_t nowMs) const;

  State m_state = State::Idle;
  uint32_t m_lengthSeconds = kDefaultSeconds;
  int64_t m_startMs = 0;     // when the current run began
  int64_t m_carriedMs = 0;   // stayed before the current run (after an extension of a finished timer)
  int64_t m_doneMs = 0;      // stayed in the end
};

}  // namespace toward::journal
