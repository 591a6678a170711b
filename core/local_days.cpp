// core/local_days.cpp: see local_days.h (civil-date algorithms after H. Hinnant).
#include "core/local_days.h"

#include <cstdio>
#include <ctime>

namespace toward::core {

int32_t daysFromCivil(int32_t y, uint32_t m, uint32_t d) {
  y -= m <= 2;
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const uint32_t yoe = uint32_t(y - era * 400);
  const uint32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int32_t(doe) - 719468;
}

void civilFromDays(int32_t z, int32_t& year, uint32_t& month, uint32_t& day) {
  z += 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const uint32_t doe = uint32_t(z - era * 146097);
  const uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const uint32_t mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = int32_t(yoe) + era * 400 + (month <= 2);
}

int32_t localDay(int64_t ms) {
  std::time_t t = std::time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return daysFromCivil(tm.tm_year + 1900, uint32_t(tm.tm_mon + 1), uint32_t(tm.tm_mday));
}

uint32_t weekday(int32_t day) { return uint32_t(((day % 7) + 7 + 4) % 7); }

int32_t weekStart(int32_t day, bool sundayFirst) {
  const uint32_t wd = weekday(day);
  const uint32_t back = sundayFirst ? wd : (wd + 6) % 7;
  return day - int32_t(back);
}

std::string isoDay(int32_t day) {
  int32_t y;
  uint32_t m, d;
  civilFromDays(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

const char* monthName(uint32_t month) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  return kMonths[month >= 1 && month <= 12 ? month - 1 : 0];
}

const char* weekdayName(uint32_t weekday) {
  static const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return kWeekdays[weekday < 7 ? weekday : 0];
}

std::string shortDay(int32_t day) {
  int32_t y;
  uint32_t m, d;
  civilFromDays(day, y, m, d);
  return std::to_string(d) + " " + std::string(monthName(m), 3);
}

std::string shortDayWithYear(int32_t day) {
  int32_t y;
  uint32_t m, d;
  civilFromDays(day, y, m, d);
  return shortDay(day) + " " + std::to_string(y);
}

std::vector<std::string> axisDayLabels(const std::vector<int32_t>& days) {
  const auto yearOf = [](int32_t day) {
    int32_t y;
    uint32_t m, d;
    civilFromDays(day, y, m, d);
    return y;
  };
  bool oneYear = true;
  for (int32_t day : days) oneYear = oneYear && yearOf(day) == yearOf(days.front());
  std::vector<std::string> out;
  out.reserve(days.size());
  for (int32_t day : days) out.push_back(oneYear ? shortDay(day) : shortDayWithYear(day));
  return out;
}

}  // namespace toward::core
