// tests/core/time_format_test.cpp: moments said inside a sentence carry no capital in its middle.
#include <doctest/doctest.h>

#include "core/time_format.h"

using namespace toward;

TEST_CASE("[time format] a moment inside a sentence is lower-case: \"started yesterday\", never \"started Yesterday\"") {
  const int64_t day = 24LL * 3600 * 1000;
  const int64_t now = 1764583200000;  // 2025-12-01 10:00 UTC
  CHECK(core::formatShortWhen(now - day, now) == "Yesterday");
  CHECK(core::formatWhenInSentence(now - day, now) == "yesterday");
  CHECK(core::formatWhenInSentence(now - 60'000, now).rfind("at ", 0) == 0);
  CHECK(core::formatWhenInSentence(now - 5 * day, now).rfind("on ", 0) == 0);
  CHECK(core::formatWhenInSentence(now - 400 * day, now).rfind("on ", 0) == 0);
}
