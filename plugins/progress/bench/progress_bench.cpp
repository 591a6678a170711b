// plugins/progress/bench/progress_bench.cpp: times the aggregation of five years of daily use (about
// 20,000 metric events) for every range. Prints figures; never fails on a number.
#include <chrono>
#include <cstdio>
#include <random>

#include "core/local_days.h"
#include "plugins/progress/progress_model.h"

int main() {
  using namespace toward;
  std::mt19937 rng(7);
  std::vector<core::MetricEvent> events;
  const int64_t now = 1795600000000;  // late 2026
  const int64_t day = 86400000;
  const char* dirs[] = {"toward", "away", "both", "unsure"};
  const char* feelings[] = {"longing", "ashamed", "lonely", "calm", "sad", "afraid"};
  for (int d = 0; d < 5 * 365; ++d) {
    const int64_t t = now - int64_t(d) * day;
    events.push_back({"journal.fork", t, {{"secondsStayed", double(rng() % 120)}, {"intensityBefore", double(rng() % 11)}, {"intensityAfter", double(rng() % 11)}}, {{"direction", dirs[rng() % 4]}}});
    for (int k = 0; k < 7; ++k) events.push_back({"journal.feeling", t + k, {{"intensity", double(rng() % 11)}}, {{"word", feelings[rng() % 6]}}});
    events.push_back({"journal.words", t + 5, {{"words", double(rng() % 600)}}, {}});
    events.push_back({"letters.words", t + 6, {{"words", double(rng() % 400)}}, {}});
    if (d % 2 == 0) events.push_back({"texture.session", t + 7, {{"minutes", 3}, {"distressBefore", 60}, {"distressAfter", double(rng() % 60)}}, {{"object", "smooth stone"}}});
    if (d % 5 == 0) events.push_back({"journal.words", t + 8, {{"words", 50}}, {}});
  }
  std::printf("| range | events | aggregate (ms, best of 5) |\n|---|---|---|\n");
  const char* names[] = {"4 weeks", "3 months", "1 year", "all time"};
  const progress::RangeKind kinds[] = {progress::RangeKind::FourWeeks, progress::RangeKind::ThreeMonths,
                                       progress::RangeKind::Year, progress::RangeKind::AllTime};
  for (int r = 0; r < 4; ++r) {
    progress::ProgressOptions o;
    o.range = kinds[r];
    o.today = core::localDay(now);
    double best = 1e9;
    size_t weeks = 0;
    for (int rep = 0; rep < 5; ++rep) {
      const auto t0 = std::chrono::steady_clock::now();
      auto data = progress::aggregate(events, o);
      const auto t1 = std::chrono::steady_clock::now();
      best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
      weeks = data.weeks.size();
    }
    std::printf("| %s (%zu weeks) | %zu | %.2f |\n", names[r], weeks, events.size(), best);
  }
  std::printf("\ntarget: under 10 ms natively for about 20,000 events\n");
  return 0;
}
