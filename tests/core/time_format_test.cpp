// tests/core/time_format_test.cpp: moments said inside a sentence carry no capital in its middle.
#include <doctest/doctest.h>

#include <ctime>

#include "core/time_format.h"

using namespace toward;

TEST_CASE("[time format] a moment inside a sentence is lower-case: \"started yesterday\", never \"started Yesterday\"") {
  const int64_t day = 24LL * 3600 * 1000;
  // Midday on 1 December 2025 where the test runs, so a minute before is the same day in any time zone
  // (10:00 UTC was already midnight at UTC+14). No zone changes its clocks on 30 November or 1 December.
  std::tm noon{};
  noon.tm_year = 2025 - 1900;
  noon.tm_mon = 11;
  noon.tm_mday = 1;
  noon.tm_hour = 12;
  noon.tm_isdst = -1;
  const int64_t now = int64_t(std::mktime(&noon)) * 1000;
  CHECK(core::formatShortWhen(now - day, now) == "Yesterday");
  CHECK(core::formatWhenInSentence(now - day, now) == "yesterday");
  CHECK(core::formatWhenInSentence(now - 60'000, now).rfind("at ", 0) == 0);
  CHECK(core::formatWhenInSentence(now - 5 * day, now).rfind("on ", 0) == 0);
  CHECK(core::formatWhenInSentence(now - 400 * day, now).rfind("on ", 0) == 0);
}
