// core/time_format.cpp: see time_format.h. Uses the C library's local time (the browser's zone in wasm).
#include "core/time_format.h"

#include <ctime>

#include "core/local_days.h"

namespace toward::core {
namespace {

std::tm local(int64_t ms) {
  std::time_t t = std::time_t(ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

// strftime's conversions for the few this file uses (%A %a %B %b %d %H %M %m %Y), as the C locale writes
// them. Emscripten's strftime is JavaScript that builds a table of some thirty functions on every call (3.4 MB
// of garbage while the journal redrew its rows' dates through the vault's sealing), and a list formats a date
// for each row it draws.
void twoDigits(std::string& out, int v) {
  v = v < 0 ? 0 : v % 100;
  out += char('0' + v / 10);
  out += char('0' + v % 10);
}

std::string expand(const std::tm& tm, const char* pattern) {
  const char* day = weekdayName(uint32_t(tm.tm_wday));
  const char* month = monthName(uint32_t(tm.tm_mon + 1));
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p != '%' || !p[1]) {
      out += *p;
      continue;
    }
    switch (*++p) {
      case 'A': out += day; break;
      case 'a': out.append(day, 3); break;
      case 'B': out += month; break;
      case 'b': out.append(month, 3); break;
      case 'd': twoDigits(out, tm.tm_mday); break;
      case 'H': twoDigits(out, tm.tm_hour); break;
      case 'M': twoDigits(out, tm.tm_min); break;
      case 'm': twoDigits(out, tm.tm_mon + 1); break;
      case 'Y': out += std::to_string(tm.tm_year + 1900); break;
      default: out += '%'; out += *p; break;
    }
  }
  return out;
}

std::string format(int64_t ms, const char* pattern) {
  const std::string out = expand(local(ms), pattern);
  // strftime pads the day and the hour with a zero ("05", "09"); people write "5 Sep" and "9:05". A number
  // that begins a word loses its leading zero (the minutes, after ':', keep theirs).
  std::string plain;
  plain.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    const bool wordStart = i == 0 || out[i - 1] == ' ';
    const bool nextIsDigit = i + 1 < out.size() && out[i + 1] >= '0' && out[i + 1] <= '9';
    if (out[i] == '0' && wordStart && nextIsDigit) continue;
    plain += out[i];
  }
  return plain;
}

}  // namespace

std::string formatLongDate(int64_t ms) { return format(ms, "%A %d %B %Y"); }
std::string formatDateTime(int64_t ms) { return format(ms, "%d %b %Y, %H:%M"); }
std::string formatIsoDate(int64_t ms) { return expand(local(ms), "%Y-%m-%d"); }

std::string formatIsoDateUtc(int64_t ms) {
  std::time_t t = std::time_t(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return expand(tm, "%Y-%m-%d");
}

// Days are compared as local civil days (core::localDay), never by tm_yday: Emscripten's localtime gives the
// first hour of a summer day (daylight saving) the day before's tm_yday, so "0:30" today read "Yesterday".
std::string formatShortWhen(int64_t ms, int64_t nowMs) {
  const int32_t day = localDay(ms), today = localDay(nowMs);
  if (day == today) return format(ms, "%H:%M");
  if (day == today - 1) return "Yesterday";
  if (local(ms).tm_year == local(nowMs).tm_year) return format(ms, "%a %d %b");
  return format(ms, "%d %b %Y");
}

std::string formatWhenInSentence(int64_t ms, int64_t nowMs) {
  if (localDay(ms) == localDay(nowMs)) return "at " + format(ms, "%H:%M");
  const std::string shortWhen = formatShortWhen(ms, nowMs);
  if (shortWhen == "Yesterday") return "yesterday";
  return "on " + shortWhen;
}

}  // namespace toward::core
