// tests/core/finger_path_test.cpp: a finger's speed and stillness at its lift (core/finger_path.h).
#include <doctest/doctest.h>

#include "core/finger_path.h"

using namespace toward::core;

TEST_CASE("[finger path] a quick swipe up: its speed over the last tenth of a second, and no stillness") {
  FingerPath f;
  f.start(1000, 700);
  for (int i = 1; i <= 5; ++i) f.moved(1000 + 16 * i, 700 - 80 * i);   // 80 px each 16 ms: 5,000 px/s up
  CHECK(f.speed() == doctest::Approx(-5000.0f));
  CHECK(f.stillSeconds(1080) == doctest::Approx(0.0));
}

TEST_CASE("[finger path] moves that came all at once (a busy page) count from the landing, within bounds") {
  FingerPath f;
  f.start(2000, 700);
  f.moved(2090, 300);   // one coalesced move: 400 px in 90 ms
  CHECK(f.speed() == doctest::Approx(-400.0f / 0.09f));
  f.start(3000, 700);
  f.moved(3000, 300);   // the same millisecond: held to the most a finger does
  CHECK(f.speed() == doctest::Approx(-FingerPath::kMaxSpeed));
}

TEST_CASE("[finger path] a drag put in place: still before the lift, and slow") {
  FingerPath f;
  f.start(0, 700);
  for (int i = 1; i <= 10; ++i) f.moved(30 * i, 700 - 30 * i);   // 1,000 px/s, then it stands
  CHECK(f.stillSeconds(300 + 250) == doctest::Approx(0.25));
  CHECK(f.speed() == doctest::Approx(-1000.0f));
}

TEST_CASE("[finger path] only the last moves count, and a landing alone is no speed") {
  FingerPath f;
  f.start(0, 500);
  CHECK(f.speed() == 0.0f);
  for (int i = 1; i <= 40; ++i) f.moved(10 * i, 500 + (i <= 30 ? 0 : 10 * (i - 30)));   // still, then down 1,000 px/s
  CHECK(f.speed() == doctest::Approx(1000.0f));
  FingerPath none;
  CHECK(none.speed() == 0.0f);
  CHECK(none.stillSeconds(5) > 1000.0);
}
