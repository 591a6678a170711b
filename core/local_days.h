// core/local_days.h: calendar arithmetic on local days. Times (Unix ms) become local civil
// days through the C library's time zone (the browser's in wasm); from there everything is whole-day
// arithmetic, so weeks and calendars stay correct across daylight-saving changes (a 23- or 25-hour day
// is still one day).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace toward::core {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int32_t daysFromCivil(int32_t year, uint32_t month, uint32_t day);
// The civil date of a day number.
void civilFromDays(int32_t days, int32_t& year, uint32_t& month, uint32_t& day);
// The local day (in the current time zone) that contains `ms`.
int32_t localDay(int64_t ms);
// 0 = Sunday ... 6 = Saturday.
uint32_t weekday(int32_t day);
// The first day of the week containing `day`; weeks start on Monday unless `sundayFirst`.
int32_t weekStart(int32_t day, bool sundayFirst);
// "2026-11-23"
std::string isoDay(int32_t day);
// "23 Nov"
// "September" for 9, "Sunday" for 0 (weekday()'s numbering): the English names every date on screen uses
// (out of range: the first).
const char* monthName(uint32_t month);
const char* weekdayName(uint32_t weekday);
std::string shortDay(int32_t day);
// "23 Nov 2025"
std::string shortDayWithYear(int32_t day);
// Labels for days along a chart's axis: "23 Nov", or "23 Nov 2025" when the days are not all in one year
// (ten years of weeks read "28 Nov, 28 Aug, 28 May..." with no year to tell them apart).
std::vector<std::string> axisDayLabels(const std::vector<int32_t>& days);

}  // namespace toward::core
