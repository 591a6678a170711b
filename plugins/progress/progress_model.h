// plugins/progress/progress_model.h: turns the metric events every plugin publishes through the core
// (core/providers.h) into what the progress charts show. Pure functions, no ImGui; the view draws.
//
// Metric kinds read here (the publishing plugin owns each one):
//   journal.fork      labels {direction: toward|away|both|unsure}; values {secondsStayed,
//                     intensityBefore, intensityAfter (optional)}
//   journal.feeling   labels {word}; values {intensity}       one per feeling named in a fork
//   journal.words, letters.words   values {words}              writing, per entry or per day
//   letters.started, letters.sealed, letters.released          one per letter started, sealed, let go
//   texture.session   labels {object}; values {minutes, distressBefore, distressAfter}
//
// The mortgage's "principal" is a strength score, not a streak: every week it grows by the moments of
// moving toward a feeling (a whole one for "toward", half for "some of both"). A payment of interest
// does not take back principal: moments of moving away are counted (their own bars) and never subtract.
// It never goes down and never resets.
#pragma once
#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/metrics_cache.h"
#include "core/providers.h"

namespace toward::progress {

enum class RangeKind { FourWeeks, ThreeMonths, Year, AllTime };

struct ProgressOptions {
  RangeKind range = RangeKind::ThreeMonths;
  bool sundayFirst = false;  // weeks start on Monday unless this is set
  int32_t today = 0;         // local day number of today (local_days.h)
};

struct WeekRow {
  int32_t weekStart = 0;     // local day number of the week's first day
  uint32_t toward = 0, both = 0, away = 0, unsure = 0;
  double principal = 0;      // the strength score at the end of this week
  double medianSecondsStayed = -1;  // -1 when no fork that week recorded time
  double meanIntensityBefore = -1, meanIntensityAfter = -1;  // -1 when none
  bool operator==(const WeekRow&) const = default;
};

struct DayWords {
  int32_t day = 0;
  uint32_t words = 0;
  bool operator==(const DayWords&) const = default;
};

struct GroundingPoint {
  int64_t timeMs = 0;
  double before = 0, after = 0;
  std::string object;
  bool operator==(const GroundingPoint&) const = default;
};

struct ObjectHelp {
  std::string object;
  uint32_t sessions = 0;
  double averageChange = 0;  // after minus before: negative means distress went down
  bool operator==(const ObjectHelp&) const = default;
};

struct FeelingCount {
  std::string word;
  uint32_t count = 0;
  double averageIntensity = 0;
  bool operator==(const FeelingCount&) const = default;
};

struct ProgressData {
  int32_t firstDay = 0, lastDay = 0;          // the range shown, inclusive
  std::vector<WeekRow> weeks;                  // every week of the range, empty weeks included
  std::vector<DayWords> words;                 // every day of the range
  std::vector<GroundingPoint> grounding;       // sessions in the range, oldest first
  std::vector<ObjectHelp> objects;             // most helpful first (in the range)
  std::vector<FeelingCount> feelings;          // most frequent first (in the range)
  uint32_t forksInRange = 0;
  uint32_t wordsInRange = 0;
  uint32_t lettersStarted = 0, lettersSealed = 0, lettersReleased = 0;   // in the range
  bool operator==(const ProgressData&) const = default;
};

// The local day of many moments, as core::localDay gives it. localtime_r is a call into JavaScript in
// the browser (about a microsecond each: tens of milliseconds for 20,000 events), so the clock's offset
// from UTC is looked up at both ends of each UTC day a moment falls in: when it is the same at both ends
// (no change of clock that day) every moment of that day is placed by arithmetic; otherwise each one is
// asked exactly.
class LocalDays {
 public:
  int32_t operator()(int64_t ms);

 private:
  static constexpr int64_t kDaySeconds = 86400;
  static constexpr int64_t kMixed = INT64_MIN;
  static int64_t floorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
  static int64_t offsetAt(int64_t unixSeconds);   // local time minus UTC, in seconds
  std::unordered_map<int64_t, int64_t> m_offsets;   // UTC day -> the offset all that day, or kMixed
};

// The first local day of a range ending today.
int32_t rangeFirstDay(const ProgressOptions& options, int32_t earliestEventDay);

// Aggregates `events` (any order) for the options' range.
ProgressData aggregate(const std::vector<core::MetricEvent>& events, const ProgressOptions& options);
ProgressData aggregate(const std::vector<const core::MetricEvent*>& events, const ProgressOptions& options);
// The same over every event a cache holds (complete only once its update() said so), without copying them.
ProgressData aggregate(const core::MetricsCache& metrics, const ProgressOptions& options);

// aggregate() a slice at a time, so that no frame does all of it: the local day of every event, then the
// tallies, then the weeks and lists (small). The result is the same as aggregate()'s over the same events.
// The events are read where they are: they must not change between begin() and the last step() (a
// MetricsCache whose version() moved: begin again).
class Aggregation {
 public:
  void begin(const core::MetricsCache& metrics, const ProgressOptions& options);
  void begin(std::vector<const core::MetricEvent*> events, const ProgressOptions& options);
  // Works for about `budgetMs` (0: no limit) and on at most `maxEvents` events (0: no limit); true once done.
  bool step(double budgetMs, size_t maxEvents = 0);
  // Begun and not yet taken.
  bool running() const { return m_phase == Phase::Days || m_phase == Phase::Tally; }
  // The result, once step() said done.
  ProgressData take();

 private:
  enum class Phase { Idle, Days, Tally, Done };
  void prepare();
  void tally(size_t i);
  void finish();

  Phase m_phase = Phase::Idle;
  std::vector<const core::MetricEvent*> m_events;
  ProgressOptions m_options;
  size_t m_index = 0;
  ProgressData m_data;
  std::vector<int32_t> m_days;
  int32_t m_earliest = 0;
  LocalDays m_dayOf;
  int32_t m_firstWeek = 0, m_allFirstWeek = 0;
  std::vector<WeekRow> m_weeks;
  std::vector<std::vector<double>> m_stayed;
  std::vector<double> m_beforeSum, m_afterSum;
  std::vector<uint32_t> m_beforeN, m_afterN;
  std::vector<uint32_t> m_wordsByDay;
  std::unordered_map<std::string, std::pair<uint32_t, double>> m_feelings;   // word -> count, intensity sum
  std::map<std::string, std::pair<uint32_t, double>> m_objects;              // object -> sessions, change sum
};

// The next principal after a week (see the header comment): never less than `principal`; `away` is
// taken and ignored on purpose.
double nextPrincipal(double principal, uint32_t toward, uint32_t both, uint32_t away);

// CSV (RFC 4180, with a header row) of each chart's numbers.
std::string mortgageCsv(const ProgressData& data);
std::string stayingCsv(const ProgressData& data);
std::string groundingCsv(const ProgressData& data);
std::string objectsCsv(const ProgressData& data);
std::string writingCsv(const ProgressData& data);
std::string feelingsCsv(const ProgressData& data);

}  // namespace toward::progress
