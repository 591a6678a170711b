// plugins/progress/tests/progress_model_test.cpp: weeks, local days across daylight saving, the
// strength score, ranges, and CSV.
#include <doctest/doctest.h>

#include <random>

#include <cstdlib>
#include <ctime>

#include "core/local_days.h"
#include "plugins/progress/progress_model.h"

using namespace toward;
using namespace toward::progress;
using namespace toward::core;

namespace {

int64_t utcMs(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  return (int64_t(daysFromCivil(y, m, d)) * 86400 + hour * 3600 + minute * 60) * 1000;
}

core::MetricEvent fork(int64_t t, const char* direction, double seconds = 0) {
  return {"journal.fork", t, {{"secondsStayed", seconds}}, {{"direction", direction}}};
}

// Sets the process time zone for one test (native); restores UTC afterwards.
struct TimeZone {
  explicit TimeZone(const char* tz) { setenv("TZ", tz, 1); tzset(); }
  ~TimeZone() { setenv("TZ", "UTC0", 1); tzset(); }
};

}  // namespace

TEST_CASE("[progress] civil day arithmetic and week starts") {
  CHECK(daysFromCivil(1970, 1, 1) == 0);
  CHECK(weekday(0) == 4);  // a Thursday
  int32_t y; uint32_t m, d;
  civilFromDays(daysFromCivil(2028, 2, 29), y, m, d);
  CHECK((y == 2028 && m == 2 && d == 29));
  const int32_t sunday = daysFromCivil(2026, 11, 29);
  CHECK(weekday(sunday) == 0);
  CHECK(isoDay(weekStart(sunday, false)) == "2026-11-23");  // Monday-first: the week began on Monday
  CHECK(isoDay(weekStart(sunday, true)) == "2026-11-29");   // Sunday-first: it begins that Sunday
  CHECK(shortDay(sunday) == "29 Nov");
  CHECK(shortDayWithYear(sunday) == "29 Nov 2026");
}

TEST_CASE("[progress] axis labels carry the year only when the days are not all in one year") {
  const int32_t a = daysFromCivil(2026, 3, 2), b = daysFromCivil(2026, 11, 30), c = daysFromCivil(2027, 1, 4);
  CHECK(axisDayLabels({a, b}) == std::vector<std::string>{"2 Mar", "30 Nov"});
  CHECK(axisDayLabels({b, c}) == std::vector<std::string>{"30 Nov 2026", "4 Jan 2027"});
  CHECK(axisDayLabels({}).empty());
}

TEST_CASE("[progress] a day with a daylight-saving change is still one day, in its own week") {
#ifdef __EMSCRIPTEN__
  // wasm takes the zone from the host (scripts/test runs this suite with TZ=Europe/Berlin).
  std::time_t probe = std::time_t(utcMs(2026, 1, 15, 12) / 1000);
  std::tm tm{};
  localtime_r(&probe, &tm);
  if (tm.tm_hour != 13) {
    MESSAGE("time zone is not Europe/Berlin here; skipping the daylight-saving case");
    return;
  }
#else
  TimeZone berlin("CET-1CEST,M3.5.0,M10.5.0/3");
#endif
  // 2026-03-29: clocks go from 02:00 to 03:00 in Berlin (a 23-hour day).
  const int64_t justAfterMidnight = utcMs(2026, 3, 28, 23, 30);  // 00:30 local, CET
  const int64_t lateEvening = utcMs(2026, 3, 29, 21, 30);        // 23:30 local, CEST
  CHECK(localDay(justAfterMidnight) == daysFromCivil(2026, 3, 29));
  CHECK(localDay(lateEvening) == daysFromCivil(2026, 3, 29));
  CHECK(localDay(utcMs(2026, 3, 29, 22, 30)) == daysFromCivil(2026, 3, 30));  // 00:30 on Monday

  ProgressOptions o;
  o.range = RangeKind::FourWeeks;
  o.today = daysFromCivil(2026, 4, 2);
  auto data = aggregate({fork(justAfterMidnight, "toward"), fork(lateEvening, "away"),
                         fork(utcMs(2026, 3, 29, 22, 30), "both")}, o);
  // Monday-first weeks: Sunday the 29th belongs to the week of the 23rd; Monday the 30th starts a new one.
  const WeekRow* w23 = nullptr;
  const WeekRow* w30 = nullptr;
  for (const auto& w : data.weeks) {
    if (w.weekStart == daysFromCivil(2026, 3, 23)) w23 = &w;
    if (w.weekStart == daysFromCivil(2026, 3, 30)) w30 = &w;
  }
  REQUIRE(w23);
  REQUIRE(w30);
  CHECK(w23->toward == 1);
  CHECK(w23->away == 1);
  CHECK(w30->both == 1);
  // Sunday-first weeks put all three in the week starting Sunday the 29th.
  o.sundayFirst = true;
  data = aggregate({fork(justAfterMidnight, "toward"), fork(lateEvening, "away"), fork(utcMs(2026, 3, 29, 22, 30), "both")}, o);
  uint32_t inWeek29 = 0;
  for (const auto& w : data.weeks) {
    if (w.weekStart == daysFromCivil(2026, 3, 29)) inWeek29 = w.toward + w.away + w.both;
  }
  CHECK(inWeek29 == 3);
}

TEST_CASE("[progress] an entry with no way chosen is in no bar: \"not sure\" is only what the person said") {
  ProgressOptions o;
  o.range = RangeKind::FourWeeks;
  o.today = daysFromCivil(2026, 4, 2);
  core::MetricEvent notSaid{"journal.fork", utcMs(2026, 4, 1, 12), {{"secondsStayed", 0}}, {}};
  auto data = aggregate({fork(utcMs(2026, 4, 1, 10), "unsure"), notSaid}, o);
  uint32_t unsure = 0, any = 0;
  for (const auto& w : data.weeks) {
    unsure += w.unsure;
    any += w.toward + w.away + w.both + w.unsure;
  }
  CHECK(unsure == 1);
  CHECK(any == 1);
}

TEST_CASE("[progress] the principal grows with moving toward and moving away never takes it back") {
  CHECK(nextPrincipal(0, 3, 2, 0) == doctest::Approx(4.0));
  CHECK(nextPrincipal(0, 0, 0, 10) == doctest::Approx(0.0));
  CHECK(nextPrincipal(40, 0, 0, 20) == doctest::Approx(40.0));        // a very hard week: still all there
  CHECK(nextPrincipal(40, 1, 0, 2) == doctest::Approx(41.0));
}

TEST_CASE("[progress] over any sequence of moments the principal never decreases (randomized)") {
  std::mt19937 rng(20261130);
  const char* directions[] = {"toward", "away", "both", "unsure"};
  for (int run = 0; run < 200; ++run) {
    std::vector<core::MetricEvent> events;
    const int count = int(rng() % 120);
    const int64_t start = utcMs(2025, 1, 6, 12);
    for (int i = 0; i < count; ++i) {
      const int64_t at = start + int64_t(rng() % 600) * 86400000LL + int64_t(rng() % 86400000);
      events.push_back(fork(at, directions[rng() % 4]));
    }
    ProgressOptions o;
    o.range = RangeKind::AllTime;
    o.sundayFirst = (rng() & 1) != 0;
    o.today = daysFromCivil(2026, 11, 25);
    const ProgressData data = aggregate(events, o);
    double last = 0;
    for (const auto& w : data.weeks) {
      CHECK(w.principal >= last);
      last = w.principal;
    }
    // Adding moments of moving away anywhere changes no week's principal.
    std::vector<core::MetricEvent> more = events;
    // (at the moments already there, so the weeks shown stay the same)
    for (int i = 0; i < 20 && !events.empty(); ++i) more.push_back(fork(events[rng() % events.size()].timeMs, "away"));
    const ProgressData withAway = aggregate(more, o);
    REQUIRE(withAway.weeks.size() == data.weeks.size());
    for (size_t w = 0; w < data.weeks.size(); ++w) CHECK(withAway.weeks[w].principal == doctest::Approx(data.weeks[w].principal));
  }
}

TEST_CASE("[progress] ranges show empty weeks and days plainly, and carry the principal from before") {
  const int32_t today = daysFromCivil(2026, 11, 25);
  std::vector<core::MetricEvent> events;
  // a year ago: ten moments of moving toward; nothing since
  for (int i = 0; i < 10; ++i) events.push_back(fork(utcMs(2025, 11, 20, 12) + i, "toward"));
  events.push_back({"journal.words", utcMs(2026, 11, 24, 12), {{"words", 120}}, {}});
  events.push_back({"letters.words", utcMs(2026, 11, 24, 13), {{"words", 30}}, {}});
  events.push_back({"letters.started", utcMs(2026, 11, 23, 13), {{"letters", 1}}, {}});
  events.push_back({"letters.sealed", utcMs(2026, 11, 24, 13), {{"letters", 1}}, {}});
  events.push_back({"letters.released", utcMs(2025, 11, 24, 13), {{"letters", 1}}, {}});   // out of range
  ProgressOptions o;
  o.today = today;
  o.range = RangeKind::FourWeeks;
  auto data = aggregate(events, o);
  CHECK(data.firstDay == today - 27);
  CHECK(data.weeks.size() >= 4);
  for (const auto& w : data.weeks) {
    CHECK(w.toward + w.away == 0);
    CHECK(w.principal == doctest::Approx(10.0));   // nothing is lost by quiet weeks
  }
  CHECK(data.words.size() == 28);
  CHECK(data.words[26].words == 150);   // journal and letters together
  CHECK(data.lettersStarted == 1);
  CHECK(data.lettersSealed == 1);
  CHECK(data.lettersReleased == 0);
  CHECK(data.words[0].words == 0);
  CHECK(data.forksInRange == 0);
  o.range = RangeKind::AllTime;
  data = aggregate(events, o);
  CHECK(data.forksInRange == 10);
  CHECK(data.firstDay == daysFromCivil(2025, 11, 20));
}

TEST_CASE("[progress] staying with it: the weekly median of seconds stayed") {
  ProgressOptions o;
  o.today = daysFromCivil(2026, 11, 25);
  o.range = RangeKind::FourWeeks;
  const int64_t t = utcMs(2026, 11, 24, 12);
  auto data = aggregate({fork(t, "toward", 30), fork(t + 1, "toward", 90), fork(t + 2, "away", 10), fork(t + 3, "away", 0)}, o);
  CHECK(data.weeks.back().medianSecondsStayed == doctest::Approx(30.0));
  CHECK(data.weeks.front().medianSecondsStayed == -1);
}

TEST_CASE("[progress] grounding: what helped most comes first, feelings by how often they came") {
  ProgressOptions o;
  o.today = daysFromCivil(2026, 11, 25);
  const int64_t t = utcMs(2026, 11, 20, 12);
  auto session = [&](const char* object, double before, double after) {
    return core::MetricEvent{"texture.session", t, {{"minutes", 3}, {"distressBefore", before}, {"distressAfter", after}}, {{"object", object}}};
  };
  std::vector<core::MetricEvent> events = {session("ribbon", 70, 60), session("smooth stone", 80, 40),
                                           session("smooth stone", 60, 40), session("feather", 50, 55)};
  events.push_back({"journal.feeling", t, {{"intensity", 8}}, {{"word", "longing"}}});
  events.push_back({"journal.feeling", t, {{"intensity", 6}}, {{"word", "longing"}}});
  events.push_back({"journal.feeling", t, {{"intensity", 3}}, {{"word", "calm"}}});
  auto data = aggregate(events, o);
  REQUIRE(data.objects.size() == 3);
  CHECK(data.objects[0].object == "smooth stone");
  CHECK(data.objects[0].sessions == 2);
  CHECK(data.objects[0].averageChange == doctest::Approx(-30.0));
  CHECK(data.objects[2].object == "feather");
  CHECK(data.grounding.size() == 4);
  REQUIRE(data.feelings.size() == 2);
  CHECK(data.feelings[0].word == "longing");
  CHECK(data.feelings[0].averageIntensity == doctest::Approx(7.0));
}

TEST_CASE("[progress] CSV has a header and quotes what needs quoting") {
  ProgressOptions o;
  o.today = daysFromCivil(2026, 11, 25);
  o.range = RangeKind::FourWeeks;
  const int64_t t = utcMs(2026, 11, 24, 12);
  auto data = aggregate({fork(t, "toward", 42),
                         {"texture.session", t, {{"distressBefore", 70}, {"distressAfter", 50}}, {{"object", "burlap, backed \"soft\""}}}}, o);
  const std::string mortgage = mortgageCsv(data);
  CHECK(mortgage.rfind("week_start,toward,some_of_both,away,not_sure,principal\r\n", 0) == 0);
  CHECK(mortgage.find(",1,0,0,0,1\r\n") != std::string::npos);
  CHECK(objectsCsv(data).find("\"burlap, backed \"\"soft\"\"\",1,-20.00") != std::string::npos);
  CHECK(stayingCsv(data).find(",42,") != std::string::npos);
  CHECK(writingCsv(data).rfind("day,words\r\n", 0) == 0);
}

TEST_CASE("[progress] the local days of many moments are the same as asking the clock for each one") {
  // Moments every 37 minutes over two years, through every change of clock, in zones with whole-hour,
  // half-hour and quarter-hour offsets and changes (native only: wasm takes the zone from the host).
  const char* zones[] = {"UTC0", "CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0",
                         "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
                         "<-0330>3:30<-0230>,M3.2.0,M11.1.0"};
  for (const char* zone : zones) {
#ifdef __EMSCRIPTEN__
    if (std::string(zone) != "UTC0") continue;
#endif
    TimeZone tz(zone);
    LocalDays dayOf;
    size_t differing = 0;
    for (int64_t t = utcMs(2025, 1, 1, 0) - 3'600'000LL * 30; t < utcMs(2027, 1, 1, 0); t += 37 * 60'000LL + 13'000) {
      if (dayOf(t) != localDay(t)) ++differing;
    }
    INFO("zone " << zone);
    CHECK(differing == 0);
  }
}

TEST_CASE("[progress] an aggregation done a slice at a time gives what one done at once gives") {
  // Five years of every kind of event (some without their labels or values, one dated after today),
  // aggregated at once and then in slices of 1, 7 and 1,000 events, for every range and both week starts.
  std::mt19937 rng(16);
  const int32_t today = daysFromCivil(2026, 11, 25);
  const int64_t todayMs = utcMs(2026, 11, 25, 12);
  const char* directions[] = {"toward", "away", "both", "unsure", ""};
  const char* words[] = {"longing", "ashamed", "calm", "afraid"};
  const char* objects[] = {"ribbon", "smooth stone", "feather, soft"};
  std::vector<core::MetricEvent> events;
  for (int i = 0; i < 3000; ++i) {
    const int64_t t = todayMs - int64_t(rng() % (5 * 365)) * 86'400'000LL + int64_t(rng() % 86'400'000);
    switch (rng() % 8) {
      case 0: {
        core::MetricEvent e{"journal.fork", t, {{"secondsStayed", double(rng() % 120)}, {"intensityAfter", double(rng() % 11)}}, {}};
        if (const char* d = directions[rng() % 5]; *d) e.labels["direction"] = d;
        if (rng() % 2) e.values["intensityBefore"] = double(rng() % 11);
        events.push_back(e);
        break;
      }
      case 1: events.push_back({"journal.feeling", t, {{"intensity", double(rng() % 11)}}, {{"word", words[rng() % 4]}}}); break;
      case 2: events.push_back({"journal.words", t, {{"words", double(rng() % 900)}}, {}}); break;
      case 3: events.push_back({"letters.words", t, {{"words", double(rng() % 900)}}, {}}); break;
      case 4: events.push_back({rng() % 2 ? "letters.started" : "letters.sealed", t, {}, {}}); break;
      case 5: events.push_back({"letters.released", t, {}, {}}); break;
      case 6:
        events.push_back({"texture.session", t, {{"distressBefore", double(rng() % 100)}, {"distressAfter", double(rng() % 100)}},
                          {{"object", objects[rng() % 3]}}});
        break;
      default: events.push_back({"journal.feeling", t, {}, {}}); break;   // no word, no intensity
    }
  }
  events.push_back(fork(todayMs + 9 * 86'400'000LL, "toward", 30));   // a clock set wrong
  std::vector<const core::MetricEvent*> pointers;
  for (const auto& e : events) pointers.push_back(&e);

  for (RangeKind range : {RangeKind::FourWeeks, RangeKind::ThreeMonths, RangeKind::Year, RangeKind::AllTime}) {
    for (bool sundayFirst : {false, true}) {
      ProgressOptions o;
      o.range = range;
      o.sundayFirst = sundayFirst;
      o.today = today;
      const ProgressData whole = aggregate(events, o);
      REQUIRE(!whole.weeks.empty());
      CHECK(whole.forksInRange > 0);
      for (size_t slice : {size_t(1), size_t(7), size_t(1000)}) {
        Aggregation a;
        a.begin(pointers, o);
        size_t calls = 1;
        while (!a.step(0, slice)) ++calls;
        INFO("range " << int(range) << ", sunday first " << sundayFirst << ", slices of " << slice);
        CHECK(calls >= 2 * events.size() / slice);   // the days, then the tallies, a slice per call
        CHECK(!a.running());
        CHECK(a.take() == whole);
      }
    }
  }
}

TEST_CASE("[progress] an aggregation begun again starts from nothing") {
  ProgressOptions o;
  o.today = daysFromCivil(2026, 11, 25);
  o.range = RangeKind::FourWeeks;
  const int64_t t = utcMs(2026, 11, 24, 12);
  std::vector<core::MetricEvent> first = {fork(t, "toward", 30), fork(t, "away", 10)};
  std::vector<core::MetricEvent> second = {fork(t, "both", 90)};
  Aggregation a;
  a.begin({&first[0], &first[1]}, o);
  CHECK(!a.step(0, 1));
  CHECK(a.running());
  a.begin({&second[0]}, o);   // the events changed part way: begun again
  while (!a.step(0, 1)) {
  }
  CHECK(a.take() == aggregate(second, o));
}
