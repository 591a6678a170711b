// plugins/journal/tests/stay_timer_test.cpp: the "stay with it" timer, driven by explicit times.
#include <doctest/doctest.h>

#include "plugins/journal/stay_timer.h"

using toward::journal::StayTimer;

TEST_CASE("[journal] the stay timer runs 30 s by default and records the full time when it ends by itself") {
  StayTimer t;
  CHECK(t.state() == StayTimer::State::Idle);
  CHECK(t.recordedSeconds() == 0);
  t.start(1000);
  CHECK(t.lengthSeconds() == 30);
  t.update(11'500);
  CHECK(t.running());
  CHECK(t.elapsedSeconds(11'500) == 10);
  CHECK(t.remainingSeconds(11'500) == 20);
  CHECK(t.progress(16'000) == doctest::Approx(0.5));
  t.update(31'000);
  CHECK(t.finished());
  CHECK(t.recordedSeconds() == 30);
  // Time passing after the end is not counted.
  CHECK(t.elapsedSeconds(90'000) == 30);
}

TEST_CASE("[journal] stopping the stay timer early records the seconds actually stayed") {
  StayTimer t;
  t.start(0, 60);
  t.stop(17'800);
  CHECK(t.finished());
  CHECK(t.recordedSeconds() == 17);
  t.stop(40'000);  // a second stop changes nothing
  CHECK(t.recordedSeconds() == 17);
}

TEST_CASE("[journal] the stay timer can be extended while running or after it ended, and adjusted") {
  StayTimer t;
  t.start(0);
  t.extend(10'000, 30);
  CHECK(t.lengthSeconds() == 60);
  t.update(45'000);
  CHECK(t.running());
  t.update(60'000);
  CHECK(t.recordedSeconds() == 60);
  // After the end, "a little longer" carries on from 60 s.
  t.extend(100'000, 30);
  CHECK(t.running());
  CHECK(t.elapsedSeconds(100'000) == 60);
  t.stop(110'000);
  CHECK(t.recordedSeconds() == 70);

  StayTimer s;
  s.start(0, 30);
  s.setLength(20'000, 10);  // shorter than what has passed: ends at what has passed
  CHECK(s.finished());
  CHECK(s.recordedSeconds() == 20);
  s.reset();
  s.start(0, 5);  // too short: clamped to the minimum
  CHECK(s.lengthSeconds() == StayTimer::kMinSeconds);
  s.start(0, 100000);
  CHECK(s.lengthSeconds() == StayTimer::kMaxSeconds);
}

TEST_CASE("[journal] a clock going backwards never takes stayed time away") {
  StayTimer t;
  t.start(50'000);
  CHECK(t.elapsedSeconds(40'000) == 0);
  t.stop(40'000);
  CHECK(t.recordedSeconds() == 0);
}

TEST_CASE("[journal] the breath pacer breathes in for 4 s and out for 6 s; prompts change every 10 s") {
  StayTimer t;
  t.start(0, 60);
  CHECK(t.breath(0).in);
  CHECK(t.breath(2000).fill == doctest::Approx(0.5));
  CHECK_FALSE(t.breath(4000).in);
  CHECK(t.breath(4000).fill == doctest::Approx(1.0));
  CHECK(t.breath(7000).fill == doctest::Approx(0.5));
  CHECK(t.breath(10'000).in);
  CHECK(t.promptIndex(9999) == 0);
  CHECK(t.promptIndex(10'000) == 1);
  CHECK(t.nextChangeMs(2300) == 3000);
  t.stop(5000);
  CHECK(t.nextChangeMs(6000) == -1);
}
