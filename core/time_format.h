// core/time_format.h: dates and times in words people read, in the device's local time zone.
#pragma once
#include <cstdint>
#include <string>

namespace toward::core {

// "Tuesday 25 November 2026"
std::string formatLongDate(int64_t ms);
// "25 Nov 2026, 21:40"
std::string formatDateTime(int64_t ms);
// "21:40" today, "Yesterday", "Mon 23 Nov", or "23 Nov 2025" for another year, relative to nowMs.
std::string formatShortWhen(int64_t ms, int64_t nowMs);
// The same moment inside a sentence ("started at 21:40", "started yesterday", "started on Mon 23 Nov",
// "started on 23 Nov 2025"): never a capital in the middle of a line.
std::string formatWhenInSentence(int64_t ms, int64_t nowMs);
// "2026-11-25" (local), for file names.
std::string formatIsoDate(int64_t ms);
// "2026-11-25" in UTC: the same on every device (exports and backups that must not depend on a zone).
std::string formatIsoDateUtc(int64_t ms);

}  // namespace toward::core
