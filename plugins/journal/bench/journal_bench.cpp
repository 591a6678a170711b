// plugins/journal/bench/journal_bench.cpp: native figures for the journal model with many entries:
// loading (store + model), the first list order, and search/filter over 10,000 entries. Prints a small
// Markdown table; never fails on a number. Usage: toward_journal_bench [entries, default 10000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/record_store.h"
#include "core/settings.h"
#include <algorithm>
#include <unistd.h>
#include "plugins/journal/journal_model.h"

using namespace toward;
using Clock = std::chrono::steady_clock;

namespace {

// Built natively, or as wasm for node (./scripts/build bench-wasm): the table says which.
#ifdef __EMSCRIPTEN__
constexpr bool kNative = false;
#else
constexpr bool kNative = true;
#endif

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}

journal::JournalEntry makeEntry(int i) {
  static const char* words[] = {"walk", "river", "morning", "quiet", "coffee", "letter", "garden", "window",
                                "light", "rain", "friend", "story", "Zoë", "Sehnsucht", "kitchen", "ferry"};
  journal::JournalEntry e;
  e.kind = i % 3 == 0 ? "fork" : "free";
  e.title = "Entry " + std::to_string(i);
  e.timeMs = 1700000000000LL + int64_t(i) * 3600'000LL;
  for (int w = 0; e.text.size() < 500; ++w) e.text += std::string(words[(i * 7 + w * 3) % 16]) + " ";
  e.tags = {i % 2 ? "session" : "home"};
  if (e.kind == "fork") {
    e.fork.whatHappened = "The message was not answered for " + std::to_string(i % 9) + " hours.";
    e.fork.feelings = {{"longing", uint32_t(i % 11)}, {"afraid", 4}};
    e.fork.urges = {"writing to the therapist"};
    e.fork.bodyAreas = {"chest"};
    e.fork.direction = i % 2 ? "toward" : "away";
    e.fork.secondsStayed = uint32_t(i % 90);
  }
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  const std::string dir = (std::filesystem::temp_directory_path() / ("toward-journal-bench-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  core::Registry registry;
  core::registerCoreTypes(registry);
  journal::registerJournal(registry);
  {
    core::RecordStore seedStore(dir, registry, [] { return int64_t(1764000000000); });
    seedStore.load();
    for (int i = 0; i < n; ++i) seedStore.put(journal::kEntryType, "", core::saveBody(makeEntry(i)));
  }

  auto t0 = Clock::now();
  core::RecordStore store(dir, registry, [] { return int64_t(1764000000000); });
  store.load();
  const double storeMs = msSince(t0);
  t0 = Clock::now();
  journal::JournalModel model(store);
  const double modelMs = msSince(t0);
  t0 = Clock::now();
  const size_t listed = model.ordered().size();
  const double orderMs = msSince(t0);

  size_t foldedBytes = 0;
  for (const auto& id : model.ordered()) foldedBytes += journal::foldedEntryText(*model.find(id)).size();
  t0 = Clock::now();
  while (model.prepareSearchSome(300)) {
  }
  const double foldMs = msSince(t0);

  struct Query {
    const char* label;
    journal::JournalFilter filter;
  };
  std::vector<Query> queries;
  auto text = [](const char* q) { journal::JournalFilter f; f.text = q; return f; };
  queries.push_back({"one common word (\"river\")", text("river")});
  queries.push_back({"accents folded (\"ZOE sehnsucht\")", text("ZOE sehnsucht")});
  queries.push_back({"no match (\"elephant\")", text("elephant")});
  journal::JournalFilter combined = text("longing");
  combined.kind = "fork";
  combined.direction = "toward";
  combined.tag = "session";
  queries.push_back({"words + kind + direction + tag", combined});

  std::vector<std::string> out;
  std::printf("| journal, %d entries (%s) | ms |\n|---|---:|\n", n, kNative ? "native" : "wasm under node");
  std::printf("| read the store | %.1f |\n| build the model | %.1f |\n| first list order (%zu) | %.1f |\n",
              storeMs, modelMs, listed, orderMs);
  std::printf("| preparing every entry for search, 300 per frame after the first (%zu KB) | %.1f |\n", foldedBytes / 1024, foldMs);
  double worst = 0;
  for (auto& q : queries) {
    std::vector<double> runs;
    for (int r = 0; r < 9; ++r) {
      t0 = Clock::now();
      model.filter(q.filter, out);
      runs.push_back(msSince(t0));
    }
    const double m = median(runs);
    worst = std::max(worst, m);
    std::printf("| search: %s -> %zu hits (median of 9) | %.2f |\n", q.label, out.size(), m);
  }
  // The target is for 10,000 entries in a native build; another count, or the wasm build under node, only
  // reports its figure (a 50,000-entry run as wasm is not a miss of it).
  const char* verdict = !kNative || n != 10000 ? "n/a (the target is for 10,000 entries in a native build)" : worst <= 30 ? "met" : "not met";
  std::printf("\nTarget: search over 10,000 entries within 30 ms natively: %s (slowest median %.2f ms)\n", verdict, worst);
  std::filesystem::remove_all(dir);
  return 0;
}
