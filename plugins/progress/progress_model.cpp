// plugins/progress/progress_model.cpp: see progress_model.h.
#include "plugins/progress/progress_model.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <ctime>
#include <map>
#include <unordered_map>

#include "core/local_days.h"

namespace toward::progress {
using core::isoDay;
using core::localDay;
using core::weekStart;
namespace {

double value(const core::MetricEvent& e, const char* key, double fallback = -1) {
  auto it = e.values.find(key);
  return it == e.values.end() ? fallback : it->second;
}

std::string label(const core::MetricEvent& e, const char* key) {
  auto it = e.labels.find(key);
  return it == e.labels.end() ? std::string() : it->second;
}

double median(std::vector<double>& xs) {
  if (xs.empty()) return -1;
  std::sort(xs.begin(), xs.end());
  const size_t n = xs.size();
  return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

std::string num(double v, int decimals = 2) {
  if (v < 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace

int32_t LocalDays::operator()(int64_t ms) {
  const int64_t bucket = floorDiv(ms, kDaySeconds * 1000);
  auto it = m_offsets.find(bucket);
  if (it == m_offsets.end()) {
    const int64_t start = bucket * kDaySeconds, end = start + kDaySeconds - 1;
    const int64_t a = offsetAt(start), b = offsetAt(end);
    it = m_offsets.emplace(bucket, a == b ? a : kMixed).first;
  }
  if (it->second == kMixed) return localDay(ms);
  return int32_t(floorDiv(floorDiv(ms, 1000) + it->second, kDaySeconds));
}

int64_t LocalDays::offsetAt(int64_t t) {
  const std::time_t tt = std::time_t(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  const int64_t local = int64_t(core::daysFromCivil(tm.tm_year + 1900, uint32_t(tm.tm_mon + 1), uint32_t(tm.tm_mday))) * kDaySeconds +
                        tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
  return local - t;
}

double nextPrincipal(double principal, uint32_t toward, uint32_t both, uint32_t /*away*/) {
  // Moving away is counted in its own bars and never takes back what was built.
  return std::max(0.0, principal) + double(toward) + 0.5 * double(both);
}

int32_t rangeFirstDay(const ProgressOptions& o, int32_t earliest) {
  switch (o.range) {
    case RangeKind::FourWeeks: return o.today - 27;
    case RangeKind::ThreeMonths: return o.today - 90;
    case RangeKind::Year: return o.today - 364;
    case RangeKind::AllTime: break;
  }
  return std::min(earliest, o.today);
}

ProgressData aggregate(const std::vector<core::MetricEvent>& events, const ProgressOptions& o) {
  std::vector<const core::MetricEvent*> pointers;
  pointers.reserve(events.size());
  for (const auto& e : events) pointers.push_back(&e);
  return aggregate(pointers, o);
}

ProgressData aggregate(const core::MetricsCache& metrics, const ProgressOptions& o) {
  std::vector<const core::MetricEvent*> pointers;
  pointers.reserve(metrics.size());
  metrics.forEach([&](const core::MetricEvent& e) { pointers.push_back(&e); });
  return aggregate(pointers, o);
}

ProgressData aggregate(const std::vector<const core::MetricEvent*>& events, const ProgressOptions& o) {
  ProgressData d;
  int32_t earliest = o.today;
  // Local day of every event, once.
  std::vector<int32_t> days(events.size());
  LocalDays dayOf;
  for (size_t i = 0; i < events.size(); ++i) {
    days[i] = dayOf(events[i]->timeMs);
    earliest = std::min(earliest, days[i]);
  }
  d.firstDay = rangeFirstDay(o, earliest);
  d.lastDay = o.today;
  const int32_t firstWeek = weekStart(d.firstDay, o.sundayFirst);
  const int32_t lastWeek = weekStart(d.lastDay, o.sundayFirst);
  const int32_t allFirstWeek = weekStart(std::min(earliest, d.firstDay), o.sundayFirst);

  // Weekly tallies from the very first week: the principal carries everything before the range.
  const size_t weekCount = size_t((lastWeek - allFirstWeek) / 7 + 1);
  std::vector<WeekRow> weeks(weekCount);
  std::vector<std::vector<double>> stayed(weekCount);
  std::vector<double> beforeSum(weekCount, 0), afterSum(weekCount, 0);
  std::vector<uint32_t> beforeN(weekCount, 0), afterN(weekCount, 0);
  for (size_t w = 0; w < weekCount; ++w) weeks[w].weekStart = allFirstWeek + int32_t(w) * 7;

  std::vector<uint32_t> wordsByDay(size_t(d.lastDay - d.firstDay + 1), 0);
  std::unordered_map<std::string, std::pair<uint32_t, double>> feelings;   // word -> count, intensity sum
  std::map<std::string, std::pair<uint32_t, double>> objects;              // object -> sessions, change sum

  for (size_t i = 0; i < events.size(); ++i) {
    const core::MetricEvent& e = *events[i];
    const int32_t day = days[i];
    if (day > d.lastDay) continue;  // a clock set wrong: not in any week shown
    const bool inRange = day >= d.firstDay;
    if (e.kind == "journal.fork") {
      const size_t w = size_t((weekStart(day, o.sundayFirst) - allFirstWeek) / 7);
      const std::string dir = label(e, "direction");
      if (dir == "toward") ++weeks[w].toward;
      else if (dir == "away") ++weeks[w].away;
      else if (dir == "both") ++weeks[w].both;
      else if (dir == "unsure") ++weeks[w].unsure;  // a way not said is in no bar
      const double secs = value(e, "secondsStayed", 0);
      if (secs > 0) stayed[w].push_back(secs);
      if (double b = value(e, "intensityBefore"); b >= 0) { beforeSum[w] += b; ++beforeN[w]; }
      if (double a = value(e, "intensityAfter"); a >= 0) { afterSum[w] += a; ++afterN[w]; }
      if (inRange) ++d.forksInRange;
    } else if (!inRange) {
      continue;
    } else if (e.kind == "journal.words" || e.kind == "letters.words") {
      const uint32_t words = uint32_t(std::max(0.0, value(e, "words", 0)));
      wordsByDay[size_t(day - d.firstDay)] += words;
      d.wordsInRange += words;
    } else if (e.kind == "letters.started") {
      ++d.lettersStarted;
    } else if (e.kind == "letters.sealed") {
      ++d.lettersSealed;
    } else if (e.kind == "letters.released") {
      ++d.lettersReleased;
    } else if (e.kind == "journal.feeling") {
      auto& f = feelings[label(e, "word")];
      ++f.first;
      f.second += std::max(0.0, value(e, "intensity", 0));
    } else if (e.kind == "texture.session") {
      const double before = value(e, "distressBefore"), after = value(e, "distressAfter");
      if (before < 0 || after < 0) continue;
      d.grounding.push_back({e.timeMs, before, after, label(e, "object")});
      auto& obj = objects[label(e, "object")];
      ++obj.first;
      obj.second += after - before;
    }
  }

  double principal = 0;
  for (size_t w = 0; w < weekCount; ++w) {
    WeekRow& row = weeks[w];
    principal = nextPrincipal(principal, row.toward, row.both, row.away);
    row.principal = principal;
    row.medianSecondsStayed = median(stayed[w]);
    row.meanIntensityBefore = beforeN[w] ? beforeSum[w] / beforeN[w] : -1;
    row.meanIntensityAfter = afterN[w] ? afterSum[w] / afterN[w] : -1;
    if (row.weekStart >= firstWeek) d.weeks.push_back(row);
  }
  for (size_t i = 0; i < wordsByDay.size(); ++i) d.words.push_back({d.firstDay + int32_t(i), wordsByDay[i]});
  std::sort(d.grounding.begin(), d.grounding.end(), [](const auto& a, const auto& b) { return a.timeMs < b.timeMs; });
  for (const auto& [name, s] : objects) d.objects.push_back({name, s.first, s.second / s.first});
  std::sort(d.objects.begin(), d.objects.end(), [](const ObjectHelp& a, const ObjectHelp& b) {
    return a.averageChange != b.averageChange ? a.averageChange < b.averageChange : a.object < b.object;
  });
  for (const auto& [word, s] : feelings) d.feelings.push_back({word, s.first, s.second / s.first});
  std::sort(d.feelings.begin(), d.feelings.end(), [](const FeelingCount& a, const FeelingCount& b) {
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  return d;
}

std::string mortgageCsv(const ProgressData& d) {
  std::string out = "week_start,toward,some_of_both,away,not_sure,principal\r\n";
  for (const auto& w : d.weeks) {
    out += isoDay(w.weekStart) + "," + std::to_string(w.toward) + "," + std::to_string(w.both) + "," +
           std::to_string(w.away) + "," + std::to_string(w.unsure) + "," + num(w.principal) + "\r\n";
  }
  return out;
}

std::string stayingCsv(const ProgressData& d) {
  std::string out = "week_start,median_seconds_stayed,mean_intensity_before,mean_intensity_after\r\n";
  for (const auto& w : d.weeks) {
    out += isoDay(w.weekStart) + "," + num(w.medianSecondsStayed, 1) + "," + num(w.meanIntensityBefore) + "," +
           num(w.meanIntensityAfter) + "\r\n";
  }
  return out;
}

std::string groundingCsv(const ProgressData& d) {
  std::string out = "time_ms,object,distress_before,distress_after\r\n";
  for (const auto& g : d.grounding) {
    out += std::to_string(g.timeMs) + "," + csvField(g.object) + "," + num(g.before) + "," + num(g.after) + "\r\n";
  }
  return out;
}

std::string objectsCsv(const ProgressData& d) {
  std::string out = "object,sessions,average_change\r\n";
  for (const auto& o : d.objects) {
    char change[32];
    std::snprintf(change, sizeof change, "%.2f", o.averageChange);
    out += csvField(o.object) + "," + std::to_string(o.sessions) + "," + change + "\r\n";
  }
  return out;
}

std::string writingCsv(const ProgressData& d) {
  std::string out = "day,words\r\n";
  for (const auto& w : d.words) out += isoDay(w.day) + "," + std::to_string(w.words) + "\r\n";
  return out;
}

std::string feelingsCsv(const ProgressData& d) {
  std::string out = "feeling,times,average_intensity\r\n";
  for (const auto& f : d.feelings) out += csvField(f.word) + "," + std::to_string(f.count) + "," + num(f.averageIntensity) + "\r\n";
  return out;
}

}  // namespace toward::progress
