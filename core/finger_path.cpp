// core/finger_path.cpp: see finger_path.h.
#include "core/finger_path.h"

#include <algorithm>

namespace toward::core {

void FingerPath::start(uint32_t ms, float y) {
  m_count = 0;
  moved(ms, y);
}

void FingerPath::moved(uint32_t ms, float y) {
  m_points[m_count % m_points.size()] = Point{ms, y};
  ++m_count;
}

double FingerPath::stillSeconds(uint32_t ms) const {
  if (m_count == 0) return 1e9;
  return double(ms - back(0).ms) / 1000.0;
}

float FingerPath::speed() const {
  const size_t held = std::min(m_count, m_points.size());
  if (held < 2) return 0.0f;
  const Point& last = back(0);
  size_t from = 1;   // the move before the last, at least; further back while within kSpanMs of it
  while (from + 1 < held && last.ms - back(from + 1).ms <= kSpanMs) ++from;
  const Point& first = back(from);
  const float seconds = float(std::max<uint32_t>(last.ms - first.ms, 1)) / 1000.0f;
  return std::clamp((last.y - first.y) / seconds, -kMaxSpeed, kMaxSpeed);
}

}  // namespace toward::core
