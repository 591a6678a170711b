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

TEST_CASE("[time format] days and hours are written as people write them: \"Wed 1 Sep\", \"9:05\", never \"01\" or \"09\"") {
  auto localMs = [](int year, int month, int day, int hour, int minute) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_isdst = -1;
    return int64_t(std::mktime(&tm)) * 1000;
  };
  const int64_t now = localMs(2027, 9, 29, 12, 0);   // Wednesday 29 September 2027
  CHECK(core::formatShortWhen(localMs(2027, 9, 1, 9, 5), now) == "Wed 1 Sep");
  CHECK(core::formatShortWhen(localMs(2027, 9, 29, 9, 5), now) == "9:05");
  CHECK(core::formatShortWhen(localMs(2027, 9, 29, 0, 30), now) == "0:30");   // summer, first hour: wasm (Berlin) once said "Yesterday"
  CHECK(core::formatShortWhen(localMs(2027, 9, 29, 10, 7), now) == "10:07");
  CHECK(core::formatShortWhen(localMs(2026, 3, 5, 9, 5), now) == "5 Mar 2026");
  CHECK(core::formatWhenInSentence(localMs(2027, 9, 3, 9, 5), now) == "on Fri 3 Sep");
  CHECK(core::formatDateTime(localMs(2027, 9, 5, 9, 5)) == "5 Sep 2027, 9:05");
  CHECK(core::formatDateTime(localMs(2027, 9, 10, 20, 0)) == "10 Sep 2027, 20:00");
  CHECK(core::formatLongDate(localMs(2027, 9, 1, 9, 5)) == "Wednesday 1 September 2027");
  CHECK(core::formatLongDate(localMs(2027, 9, 30, 9, 5)) == "Thursday 30 September 2027");
}

// Dates are written without the C library's strftime (in the browser it is JavaScript that builds a table
// of functions on every call, and lists format a date per row per frame): the same words as strftime in
// the C locale, with a number that begins a word losing its leading zero, for every weekday and month,
// hours on both sides of noon and of ten, and both sides of a daylight-saving change.
TEST_CASE("[time format] dates read as the C library writes them, across every weekday, month and hour") {
  auto strip = [](const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      const bool wordStart = i == 0 || s[i - 1] == ' ';
      if (s[i] == '0' && wordStart && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') continue;
      out += s[i];
    }
    return out;
  };
  auto withStrftime = [](int64_t ms, const char* pattern, bool utc) {
    std::time_t t = std::time_t(ms / 1000);
    std::tm tm{};
    if (utc) gmtime_r(&t, &tm); else localtime_r(&t, &tm);
    char buf[64];
    return std::string(buf, std::strftime(buf, sizeof buf, pattern, &tm));
  };
  const int64_t start = 1735689600000;   // 1 January 2025, 00:00 UTC
  int checked = 0;
  for (int64_t ms = start; ms < start + 400LL * 86400'000; ms += 7 * 3600'000LL + 37 * 60'000LL) {
    CAPTURE(ms);
    CHECK(core::formatLongDate(ms) == strip(withStrftime(ms, "%A %d %B %Y", false)));
    CHECK(core::formatDateTime(ms) == strip(withStrftime(ms, "%d %b %Y, %H:%M", false)));
    CHECK(core::formatIsoDate(ms) == withStrftime(ms, "%Y-%m-%d", false));
    CHECK(core::formatIsoDateUtc(ms) == withStrftime(ms, "%Y-%m-%d", true));
    const int64_t later = ms + 3 * 86400'000LL;   // "Mon 5 Jan": a weekday, day and month in the same year
    const std::string shortWhen = core::formatShortWhen(ms, later);
    if (shortWhen != "Yesterday" && withStrftime(ms, "%Y", false) == withStrftime(later, "%Y", false)) {
      CHECK(shortWhen == strip(withStrftime(ms, "%a %d %b", false)));
    }
    ++checked;
  }
  CHECK(checked > 1200);
}
