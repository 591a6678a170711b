// core/finger_path.h: a finger's last moves on a touch screen, by the input events' own times and places,
// for how fast it was going and how long it stood still when it lifted (ui::TouchScroll coasts on from a
// quick swipe). Frames come late on a busy phone, and a whole swipe can come in one: the events' own
// stamps are what says how the finger moved.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace toward::core {

class FingerPath {
 public:
  // The finger landed (`ms`: the event's time in milliseconds, `y`: its place, downward).
  void start(uint32_t ms, float y);
  // It moved to `y`.
  void moved(uint32_t ms, float y);
  // How long it stood still before a lift at `ms`: since its last move (or its landing).
  double stillSeconds(uint32_t ms) const;
  // How fast it was going at its last move, pixels a second (downward positive): over its moves of the
  // last kSpanMs before it (at least the one before it), at most kMaxSpeed either way; 0 with no move.
  float speed() const;

  static constexpr uint32_t kSpanMs = 100;
  static constexpr float kMaxSpeed = 8000.0f;

 private:
  struct Point {
    uint32_t ms = 0;
    float y = 0.0f;
  };
  std::array<Point, 16> m_points{};   // a ring: the last moves, the landing first
  size_t m_count = 0;                 // how many of them were written (the ring holds the last 16)
  const Point& back(size_t i) const { return m_points[(m_count - 1 - i) % m_points.size()]; }
};

}  // namespace toward::core
