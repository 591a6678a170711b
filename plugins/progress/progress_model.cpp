// plugins/progress/progress_model.cpp: see progress_model.h.
#include "plugins/progress/progress_model.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string_view>
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

// A value or a label of an event (none: fallback, nullptr). noexcept: a caller needs no landing pad around it
// (with JavaScript-based exceptions each such call went through a trampoline costing more than the lookup).
// The maps hold a few entries: a walk compares without making a std::string of the key.
double valueOf(const core::MetricEvent& e, std::string_view key, double fallback) noexcept {
  for (const auto& [k, v] : e.values) {
    if (k == key) return v;
  }
  return fallback;
}

const std::string* labelOf(const core::MetricEvent& e, std::string_view key) noexcept {
  for (const auto& [k, v] : e.labels) {
    if (k == key) return &v;
  }
  return nullptr;
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
  Aggregation a;
  a.begin(metrics, o);
  a.step(0);
  return a.take();
}

ProgressData aggregate(const std::vector<const core::MetricEvent*>& events, const ProgressOptions& o) {
  Aggregation a;
  a.begin(events, o);
  a.step(0);
  return a.take();
}

// ---------------------------------------------------------------- [SECTION] Aggregation
namespace {
double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void Aggregation::begin(const core::MetricsCache& metrics, const ProgressOptions& o) {
  std::vector<const core::MetricEvent*> pointers;
  pointers.reserve(metrics.size());
  metrics.forEach([&](const core::MetricEvent& e) { pointers.push_back(&e); });
  begin(std::move(pointers), o);
}

void Aggregation::begin(std::vector<const core::MetricEvent*> events, const ProgressOptions& o) {
  m_events = std::move(events);
  m_options = o;
  m_phase = Phase::Days;
  m_index = 0;
  m_data = ProgressData{};
  m_days.assign(m_events.size(), 0);
  m_earliest = o.today;
  m_weeks.clear();
  m_stayed.clear();
  m_beforeSum.clear(), m_afterSum.clear();
  m_beforeN.clear(), m_afterN.clear();
  m_wordsByDay.clear();
  m_feelings.clear();
  m_objects.clear();
  m_dayOf = LocalDays{};
}

void Aggregation::prepare() {
  const ProgressOptions& o = m_options;
  ProgressData& d = m_data;
  d.firstDay = rangeFirstDay(o, m_earliest);
  d.lastDay = o.today;
  m_firstWeek = weekStart(d.firstDay, o.sundayFirst);
  const int32_t lastWeek = weekStart(d.lastDay, o.sundayFirst);
  m_allFirstWeek = weekStart(std::min(m_earliest, d.firstDay), o.sundayFirst);
  // Weekly tallies from the very first week: the principal carries everything before the range.
  const size_t weekCount = size_t((lastWeek - m_allFirstWeek) / 7 + 1);
  m_weeks.assign(weekCount, WeekRow{});
  m_stayed.assign(weekCount, {});
  m_beforeSum.assign(weekCount, 0), m_afterSum.assign(weekCount, 0);
  m_beforeN.assign(weekCount, 0), m_afterN.assign(weekCount, 0);
  for (size_t w = 0; w < weekCount; ++w) m_weeks[w].weekStart = m_allFirstWeek + int32_t(w) * 7;
  m_wordsByDay.assign(size_t(d.lastDay - d.firstDay + 1), 0);
}

void Aggregation::tally(size_t i) {
  const core::MetricEvent& e = *m_events[i];
  ProgressData& d = m_data;
  const int32_t day = m_days[i];
  if (day > d.lastDay) return;  // a clock set wrong: not in any week shown
  const bool inRange = day >= d.firstDay;
  if (e.kind == "journal.fork") {
    const size_t w = size_t((weekStart(day, m_options.sundayFirst) - m_allFirstWeek) / 7);
    const std::string* dir = labelOf(e, "direction");
    if (!dir) {}
    else if (*dir == "toward") ++m_weeks[w].toward;
    else if (*dir == "away") ++m_weeks[w].away;
    else if (*dir == "both") ++m_weeks[w].both;
    else if (*dir == "unsure") ++m_weeks[w].unsure;  // a way not said is in no bar
    const double secs = valueOf(e, "secondsStayed", 0);
    if (secs > 0) m_stayed[w].push_back(secs);
    if (double b = valueOf(e, "intensityBefore", -1); b >= 0) { m_beforeSum[w] += b; ++m_beforeN[w]; }
    if (double a = valueOf(e, "intensityAfter", -1); a >= 0) { m_afterSum[w] += a; ++m_afterN[w]; }
    if (inRange) ++d.forksInRange;
  } else if (!inRange) {
    return;
  } else if (e.kind == "journal.words" || e.kind == "letters.words") {
    const uint32_t words = uint32_t(std::max(0.0, valueOf(e, "words", 0)));
    m_wordsByDay[size_t(day - d.firstDay)] += words;
    d.wordsInRange += words;
  } else if (e.kind == "letters.started") {
    ++d.lettersStarted;
  } else if (e.kind == "letters.sealed") {
    ++d.lettersSealed;
  } else if (e.kind == "letters.released") {
    ++d.lettersReleased;
  } else if (e.kind == "journal.feeling") {
    const std::string* word = labelOf(e, "word");
    auto& f = m_feelings[word ? *word : std::string()];
    ++f.first;
    f.second += std::max(0.0, valueOf(e, "intensity", 0));
  } else if (e.kind == "texture.session") {
    const double before = valueOf(e, "distressBefore", -1), after = valueOf(e, "distressAfter", -1);
    if (before < 0 || after < 0) return;
    const std::string* object = labelOf(e, "object");
    d.grounding.push_back({e.timeMs, before, after, object ? *object : std::string()});
    auto& obj = m_objects[object ? *object : std::string()];
    ++obj.first;
    obj.second += after - before;
  }
}

void Aggregation::finish() {
  ProgressData& d = m_data;
  double principal = 0;
  for (size_t w = 0; w < m_weeks.size(); ++w) {
    WeekRow& row = m_weeks[w];
    principal = nextPrincipal(principal, row.toward, row.both, row.away);
    row.principal = principal;
    row.medianSecondsStayed = median(m_stayed[w]);
    row.meanIntensityBefore = m_beforeN[w] ? m_beforeSum[w] / m_beforeN[w] : -1;
    row.meanIntensityAfter = m_afterN[w] ? m_afterSum[w] / m_afterN[w] : -1;
    if (row.weekStart >= m_firstWeek) d.weeks.push_back(row);
  }
  for (size_t i = 0; i < m_wordsByDay.size(); ++i) d.words.push_back({d.firstDay + int32_t(i), m_wordsByDay[i]});
  std::sort(d.grounding.begin(), d.grounding.end(), [](const auto& a, const auto& b) { return a.timeMs < b.timeMs; });
  for (const auto& [name, s] : m_objects) d.objects.push_back({name, s.first, s.second / s.first});
  std::sort(d.objects.begin(), d.objects.end(), [](const ObjectHelp& a, const ObjectHelp& b) {
    return a.averageChange != b.averageChange ? a.averageChange < b.averageChange : a.object < b.object;
  });
  for (const auto& [word, s] : m_feelings) d.feelings.push_back({word, s.first, s.second / s.first});
  std::sort(d.feelings.begin(), d.feelings.end(), [](const FeelingCount& a, const FeelingCount& b) {
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  m_events.clear();
  m_days.clear();
}

bool Aggregation::step(double budgetMs, size_t maxEvents) {
  const double start = budgetMs > 0 ? nowMs() : 0;
  size_t left = maxEvents == 0 ? SIZE_MAX : maxEvents;
  size_t sinceLook = 0;
  // True when this call has spent its share (looked at every 256 events: the clock is a call into JavaScript).
  auto spent = [&] {
    if (left == 0) return true;
    if (budgetMs <= 0 || ++sinceLook < 256) return false;
    sinceLook = 0;
    return nowMs() - start >= budgetMs;
  };
  while (m_phase != Phase::Done && m_phase != Phase::Idle) {
    switch (m_phase) {
      case Phase::Days:
        // Local day of every event, once.
        while (m_index < m_events.size()) {
          if (spent()) return false;
          m_days[m_index] = m_dayOf(m_events[m_index]->timeMs);
          m_earliest = std::min(m_earliest, m_days[m_index]);
          ++m_index, --left;
        }
        prepare();
        m_index = 0;
        m_phase = Phase::Tally;
        break;
      case Phase::Tally:
        while (m_index < m_events.size()) {
          if (spent()) return false;
          tally(m_index);
          ++m_index, --left;
        }
        finish();
        m_phase = Phase::Done;
        break;
      case Phase::Idle:
      case Phase::Done:
        break;
    }
  }
  return m_phase == Phase::Done;
}

ProgressData Aggregation::take() {
  m_phase = Phase::Idle;
  return std::move(m_data);
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
