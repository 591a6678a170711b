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

std::string format(int64_t ms, const char* pattern) {
  std::tm tm = local(ms);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
  std::string out(buf, n);
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
std::string formatIsoDate(int64_t ms) {
  std::tm tm = local(ms);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string formatIsoDateUtc(int64_t ms) {
  std::time_t t = std::time_t(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
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
