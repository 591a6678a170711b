// plugins/journal/tests/journal_finding_test.cpp: filters, the month calendar, resurfacing rules,
// "bring to my next session" items, fork metrics and the full Markdown export.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "core/record_store.h"
#include "core/settings.h"
#include "core/text_fold.h"
#include "plugins/journal/journal_model.h"
#include "test_support.h"

using namespace toward;
using journal::JournalEntry;
using journal::JournalFilter;

namespace {

struct Fixture {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store{dir.path(), registry, std::ref(clock)};
  std::unique_ptr<journal::JournalModel> model;
  Fixture() {
    store.load();
    model = std::make_unique<journal::JournalModel>(store);
    model->attach(registry);
  }
  std::string put(const std::string& json) { return store.put(journal::kEntryType, "", json).value().id; }
  std::vector<std::string> filter(const JournalFilter& f) {
    std::vector<std::string> out;
    model->filter(f, out);
    return out;
  }
};

int64_t localMs(int y, int m, int d, int hour = 12) { return journal::localDayStartMs(y, m, d) + hour * 3600'000LL; }

}  // namespace

TEST_CASE("[journal] filters by kind, tag, feeling, direction and date range, together with words") {
  Fixture fx;
  const auto a = fx.put(R"({"kind":"fork","title":"After the call","tags":["Family"],"timeMs":1000,
    "fork":{"feelings":[{"word":"longing","intensity":7}],"direction":"toward","urges":["scrolling"]}})");
  const auto b = fx.put(R"({"kind":"fork","tags":["work"],"timeMs":2000,
    "fork":{"whatHappened":"Émile did not answer","feelings":[{"word":"hurt","intensity":4}],"direction":"away"}})");
  const auto c = fx.put(R"({"kind":"words","text":"You are not too much.","tags":["family"],"timeMs":3000})");
  const auto d = fx.put(R"({"kind":"session","text":"We talked about longing.","timeMs":4000})");

  CHECK_FALSE(JournalFilter{}.active());
  CHECK(fx.filter({}) == std::vector<std::string>{d, c, b, a});

  JournalFilter kind;
  kind.kind = "fork";
  CHECK(kind.active());
  CHECK(fx.filter(kind) == std::vector<std::string>{b, a});

  JournalFilter tag;
  tag.tag = "FAMILY";  // tags compare folded
  CHECK(fx.filter(tag) == std::vector<std::string>{c, a});

  JournalFilter feeling;
  feeling.feeling = "Longing";  // only named feelings count, not the word in a session note
  CHECK(fx.filter(feeling) == std::vector<std::string>{a});

  JournalFilter direction;
  direction.direction = "away";
  CHECK(fx.filter(direction) == std::vector<std::string>{b});

  JournalFilter range;
  range.fromMs = 2000;
  range.toMs = 4000;
  CHECK(fx.filter(range) == std::vector<std::string>{c, b});

  JournalFilter words;
  words.text = "emile ANSWER";  // every field, folded: "what happened" of a fork
  CHECK(fx.filter(words) == std::vector<std::string>{b});
  words.text = "longing";
  CHECK(fx.filter(words) == std::vector<std::string>{d, a});
  words.kind = "session";
  CHECK(fx.filter(words) == std::vector<std::string>{d});

  JournalFilter labels;
  labels.text = "toward it";  // the words shown for a built-in choice are searchable too
  CHECK(fx.filter(labels) == std::vector<std::string>{a});

  CHECK(fx.model->allTags() == std::vector<std::string>{"family", "work"});  // newest spelling, once
  CHECK(fx.model->usedFeelings() == std::vector<std::string>{"hurt", "longing"});
}

TEST_CASE("[journal] search reaches every field: urges, body, compassion, content note, afterwards") {
  Fixture fx;
  fx.put(R"({"kind":"fork","contentNote":"a hard memory","timeMs":10,
    "fork":{"urges":["writing to the therapist"],"bodyAreas":["throat"],"compassionFrom":"therapist",
    "afterwards":"Made tea","feelings":[{"word":"my own ache","intensity":3}]}})");
  for (const char* q : {"WRITING therapist", "throat", "from my therapist", "hard memory", "tea", "own ache", "fork in the road"}) {
    CHECK_MESSAGE(fx.registry.search({q}).size() == 1, "not found: ", q);
  }
  CHECK(fx.registry.search({"shopping"}).empty());
}

TEST_CASE("[journal] the calendar counts entries per local day, and knows its months") {
  Fixture fx;
  fx.put(R"({"timeMs":)" + std::to_string(localMs(2026, 3, 5, 9)) + "}");
  fx.put(R"({"timeMs":)" + std::to_string(localMs(2026, 3, 5, 22)) + "}");
  fx.put(R"({"timeMs":)" + std::to_string(localMs(2026, 3, 31, 23)) + "}");
  fx.put(R"({"timeMs":)" + std::to_string(localMs(2026, 4, 1, 0)) + "}");
  auto days = fx.model->entriesByDay(2026, 3);
  CHECK(days[5] == 2);
  CHECK(days[31] == 1);
  CHECK(days[1] == 0);
  CHECK(fx.model->entriesByDay(2026, 4)[1] == 1);
  CHECK(journal::daysInMonth(2024, 2) == 29);
  CHECK(journal::daysInMonth(2026, 2) == 28);
  CHECK(journal::firstWeekdayMonday0(2026, 11) == 6);  // 1 November 2026 is a Sunday
  CHECK(journal::firstWeekdayMonday0(2025, 12) == 0);  // 1 December 2025 is a Monday
  CHECK(journal::localDateOf(localMs(2026, 3, 5)) == journal::LocalDate{2026, 3, 5});
  CHECK(journal::localDayStartMs(2026, 13, 1) == journal::localDayStartMs(2027, 1, 1));
}

TEST_CASE("[journal] entries marked do-not-resurface never appear on this day or at random") {
  Fixture fx;
  const auto kept = fx.put(R"({"text":"a year ago","timeMs":)" + std::to_string(localMs(2025, 6, 10)) + "}");
  const auto hidden = fx.put(R"({"text":"never again","doNotResurface":true,"timeMs":)" + std::to_string(localMs(2024, 6, 10)) + "}");
  fx.put(R"({"text":"today","timeMs":)" + std::to_string(localMs(2026, 6, 10)) + "}");
  fx.put(R"({"text":"another day","timeMs":)" + std::to_string(localMs(2025, 6, 11)) + "}");
  CHECK(fx.model->onThisDay(localMs(2026, 6, 10, 8)) == std::vector<std::string>{kept});
  std::set<std::string> picked;
  for (uint64_t seed = 0; seed < 200; ++seed) picked.insert(fx.model->randomEntry(seed));
  CHECK(picked.size() == 3);
  CHECK(picked.count(hidden) == 0);
  CHECK(fx.model->randomEntry(7) == fx.model->randomEntry(7));
  // Still found when the person looks for it on purpose.
  CHECK(fx.registry.search({"never again"}).size() == 1);

  Fixture empty;
  empty.put(R"({"doNotResurface":true,"timeMs":5})");
  CHECK(empty.model->randomEntry(1).empty());
}

TEST_CASE("[journal] items flagged for the next session reach the core's next-session list") {
  Fixture fx;
  const auto a = fx.put(R"({"title":"Ask about the break","bringToSession":true,"timeMs":2000})");
  const auto b = fx.put(R"({"text":"not for the session","timeMs":3000})");
  const auto c = fx.put(R"({"kind":"fork","bringToSession":true,"fork":{"whatHappened":"the email"},"timeMs":1000})");
  auto items = fx.registry.nextSession();
  REQUIRE(items.size() == 2);
  CHECK(items[0].id == c);  // oldest first
  CHECK(items[0].snippet == "the email");
  CHECK(items[1].title == "Ask about the break");
  CHECK(items[1].type == journal::kEntryType);
  REQUIRE(fx.model->setBringToSession(a, false));
  REQUIRE(fx.model->setBringToSession(b, true));
  items = fx.registry.nextSession();
  REQUIRE(items.size() == 2);
  CHECK(items[1].id == b);
  CHECK_FALSE(fx.model->setBringToSession("nope", true));
}

TEST_CASE("[journal] each fork publishes time, direction, seconds, intensities, feelings and urge") {
  Fixture fx;
  fx.put(R"({"kind":"fork","timeMs":5000,"fork":{"feelings":[{"word":"Longing","intensity":8},{"word":"my own ache","intensity":3}],
    "urges":["scrolling","texting an ex"],"direction":"both","secondsStayed":42,"intensityAfter":4,"compassionFrom":"myself"}})");
  fx.put(R"({"kind":"fork","timeMs":6000})");
  int forks = 0, feelings = 0;
  for (const auto& e : fx.registry.metrics()) {
    if (e.kind == "journal.fork" && e.timeMs == 5000) {
      ++forks;
      CHECK(e.labels.at("direction") == "both");
      CHECK(e.values.at("secondsStayed") == 42);
      CHECK(e.values.at("intensityBefore") == 8);
      CHECK(e.values.at("intensityAfter") == 4);
      CHECK(e.labels.at("feelings") == "Longing,my own ache");
      CHECK(e.labels.at("urge") == "scrolling,texting an ex");
      CHECK(e.labels.at("compassionFrom") == "myself");
    } else if (e.kind == "journal.fork") {
      ++forks;
      CHECK(e.labels.count("direction") == 0);  // not said: no direction, not "not sure"
      CHECK(e.values.count("intensityBefore") == 0);
      CHECK(e.values.count("intensityAfter") == 0);
    } else if (e.kind == "journal.feeling") {
      ++feelings;
      CHECK(e.labels.at("family") == (e.labels.at("word") == "Longing" ? "longing" : "own"));
    }
  }
  CHECK(forks == 2);
  CHECK(feelings == 2);
}

TEST_CASE("[journal] the Markdown export holds every field of a fork entry") {
  Fixture fx;
  fx.store.put(journal::kEntryType, "", test::fixture("journal.entry.v1.json"));
  auto files = fx.registry.exportMarkdown();
  REQUIRE(files.size() == 1);
  const std::string& md = files[0].content;
  for (const char* part : {"# Content note: mentions a hard memory", "**Title:** After the session", "A fork in the road", "session, longing", "Content note: mentions a hard memory",
                           "Bring to my next session", "Do not resurface", "The session ended early.", "- longing (8/10)",
                           "- ashamed (6/10)", "chest, throat", "Writing to my therapist", "Toward it", "45 seconds",
                           "From myself", "Intensity after:** 5/10", "Made tea and sat by the window.",
                           "I wanted to write to her again."}) {
    CHECK_MESSAGE(md.find(part) != std::string::npos, "missing in export: ", part);
  }
}

TEST_CASE("[journal] add() saves a whole new entry, dated now when no date is given") {
  Fixture fx;
  JournalEntry e;
  e.kind = "fork";
  e.fork.secondsStayed = 30;
  auto id = fx.model->add(e);
  REQUIRE(id);
  const JournalEntry* back = fx.model->find(id.value());
  REQUIRE(back);
  CHECK(back->timeMs == fx.clock.nowMs);
  CHECK(back->fork.secondsStayed == 30);
}

TEST_CASE("[journal] a prepared query matches exactly like the core's word matching") {
  const std::string text = core::foldForSearch("Zoë did not answer my message; the old ache came back. Καλημέρα.");
  for (const char* q : {"", "  ", "zoe", "ZOË message", "ache back old", "καλημερα", "a", "elephant", "message elephant",
                        "messages", "ck.", "back. "}) {
    journal::FoldedQuery prepared(q);
    CHECK_MESSAGE(prepared.matches(text) == core::matchesAllWords(text, core::foldForSearch(q)), "query: ", q);
  }
}

TEST_CASE("[journal] search preparation is lazy: words are found before, during and after it, and edits refold") {
  Fixture fx;
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) {
    ids.push_back(fx.put(R"({"kind":"free","text":"entry )" + std::to_string(i) + R"( about Ça va","timeMs":)" +
                         std::to_string(1000 + i) + "}"));
  }
  JournalFilter words;
  words.text = "ca VA";
  CHECK(fx.model->prepareSearchSome(3));          // some remain after three
  CHECK(fx.filter(words).size() == 10);           // the rest are folded on demand
  CHECK_FALSE(fx.model->prepareSearchSome(100));  // nothing left to prepare

  REQUIRE(fx.store.put(journal::kEntryType, ids[4], R"({"kind":"free","text":"now about the garden","timeMs":1004})").isOk());
  CHECK(fx.model->prepareSearchSome(0));          // the edited entry waits to be refolded
  CHECK(fx.filter(words).size() == 9);
  words.text = "garden";
  CHECK(fx.filter(words) == std::vector<std::string>{ids[4]});
  REQUIRE(fx.store.remove(journal::kEntryType, ids[4]).isOk());
  CHECK(fx.filter(words).empty());
  CHECK_FALSE(fx.model->prepareSearchSome(100));

  // A search walks the entries it kept from the last one until anything changes: a new entry, a reload.
  words.text = "ca va";
  const std::string newest = fx.put(R"({"kind":"free","text":"and ca va again","timeMs":5000})");
  auto found = fx.filter(words);
  REQUIRE(found.size() == 10);
  CHECK(found.front() == newest);
  CHECK(found.back() == ids[0]);
  fx.store.load();   // every entry read again (Reloaded)
  CHECK(fx.filter(words) == found);
  REQUIRE(fx.store.remove(journal::kEntryType, newest).isOk());
  found.erase(found.begin());
  CHECK(fx.filter(words) == found);
}

TEST_CASE("[journal] a search walked a part at a time finds what a whole one does, and starts again after a change") {
  Fixture fx;
  std::vector<std::string> ids;
  for (int i = 0; i < 25; ++i) {
    const char* words = i % 3 == 0 ? "a walk by the river" : "a quiet morning";
    ids.push_back(fx.put(std::string(R"({"kind":"free","text":")") + words + R"(","timeMs":)" + std::to_string(1000 + i) + "}"));
  }
  JournalFilter river;
  river.text = "river";
  const auto whole = fx.filter(river);
  REQUIRE(whole.size() == 9);

  journal::JournalModel::FilterWalk walk;
  fx.model->beginFilter(river, walk);
  int steps = 0;
  while (!fx.model->filterSome(walk, 4)) {
    ++steps;
    CHECK(walk.hits.size() < whole.size());   // never the whole answer before the walk is
    CHECK(std::equal(walk.hits.begin(), walk.hits.end(), whole.begin()));   // the newest first, as they come
  }
  CHECK(steps == 6);   // 25 entries, 4 a step: the seventh step ends it
  CHECK(walk.hits == whole);
  CHECK(fx.model->filterSome(walk, 4));   // whole, and stays so while nothing changes

  // A change part way (a new entry that matches, one removed) starts the walk again from the newest entry.
  fx.model->beginFilter(river, walk);
  CHECK_FALSE(fx.model->filterSome(walk, 10));
  const std::string newest = fx.put(R"({"kind":"free","text":"the river again","timeMs":9000})");
  REQUIRE(fx.store.remove(journal::kEntryType, ids[0]).isOk());
  CHECK_FALSE(fx.model->filterSome(walk, 10));
  CHECK(walk.next == 10);
  CHECK(fx.model->filterSome(walk, 100));
  CHECK(walk.hits == fx.filter(river));
  CHECK(walk.hits.front() == newest);
  CHECK(std::find(walk.hits.begin(), walk.hits.end(), ids[0]) == walk.hits.end());
  // A walk that was whole before a change is not whole after it.
  fx.put(R"({"kind":"free","text":"river stones","timeMs":9500})");
  CHECK_FALSE(fx.model->filterSome(walk, 1));
  CHECK(fx.model->filterSome(walk, 100));
  CHECK(walk.hits.size() == 10);

  // Nothing narrowing the list: every entry at once.
  fx.model->beginFilter(JournalFilter{}, walk);
  CHECK(fx.model->filterSome(walk, 1));
  CHECK(walk.hits == fx.model->ordered());
}

// A walk reads each entry's folded text where it lies (kept beside the list it walks, not found through the
// map's node each time): the list made before every entry was folded, once they all are, and after an edit
// (whose new words are found, and its old ones not) all find what the entries say now.
TEST_CASE("[journal] a search finds the words entries hold now: listed before they were folded, after, and after an edit") {
  Fixture fx;
  std::vector<std::string> ids;
  for (int i = 0; i < 12; ++i) {
    ids.push_back(fx.put(std::string(R"({"kind":"free","text":")") + (i % 2 ? "a heron" : "a kestrel") + R"(","timeMs":)" +
                         std::to_string(100 + i) + "}"));
  }
  JournalFilter kind;
  kind.kind = "free";
  REQUIRE(fx.filter(kind).size() == 12);   // the walk's list made now, before any entry was folded
  JournalFilter heron;
  heron.text = "heron";
  CHECK(fx.filter(heron).size() == 6);    // each folded as it is met
  while (fx.model->prepareSearchSome(3)) {
  }
  CHECK(fx.filter(heron).size() == 6);    // every entry folded: the list made again, reading the folded texts
  // An edit: its new words found, its old ones not; the other entries' texts are read where they were.
  REQUIRE(fx.store.put(journal::kEntryType, ids[1], R"({"kind":"free","text":"a wren","timeMs":101})").isOk());
  CHECK(fx.filter(heron).size() == 5);
  JournalFilter wren;
  wren.text = "wren";
  CHECK(fx.filter(wren) == std::vector<std::string>{ids[1]});
  while (fx.model->prepareSearchSome(3)) {
  }
  CHECK(fx.filter(heron).size() == 5);
  CHECK(fx.filter(wren) == std::vector<std::string>{ids[1]});
  JournalFilter kestrel;
  kestrel.text = "kestrel";
  CHECK(fx.filter(kestrel).size() == 6);
}

TEST_CASE("[journal] a do-not-resurface entry is found by search and marked as such") {
  Fixture fx;
  fx.put(R"({"text":"never again","doNotResurface":true,"timeMs":5})");
  fx.put(R"({"text":"again and again","timeMs":6})");
  const auto hits = fx.registry.search({"again"});
  REQUIRE(hits.size() == 2);
  for (const auto& h : hits) CHECK(h.notResurfaced == (h.snippet == "never again"));
}

TEST_CASE("[journal] \"On this day\" shows nothing when the person turned it off") {
  Fixture fx;
  const auto kept = fx.put(R"({"text":"a year ago","timeMs":)" + std::to_string(localMs(2025, 6, 10)) + "}");
  CHECK(fx.model->onThisDay(localMs(2026, 6, 10, 8)) == std::vector<std::string>{kept});
  core::Settings s = core::loadSettings(fx.store);
  s.onThisDay = false;
  REQUIRE(core::saveSettings(fx.store, s));
  CHECK(fx.model->onThisDay(localMs(2026, 6, 10, 8)).empty());
  s.onThisDay = true;
  REQUIRE(core::saveSettings(fx.store, s));
  CHECK(fx.model->onThisDay(localMs(2026, 6, 10, 8)).size() == 1);
}

TEST_CASE("[journal] an entry with a content note is named by its note alone, nowhere by its words") {
  Fixture fx;
  const std::string secret = "the words behind the note";
  const auto id = fx.put(R"({"title":"A title of it too","text":")" + secret +
                         R"(","contentNote":"a hard memory","bringToSession":true,"timeMs":)" +
                         std::to_string(localMs(2025, 6, 10)) + "}");
  const auto* e = fx.model->find(id);
  REQUIRE(e);
  CHECK(journal::describeEntry(*e) == "Content note: a hard memory");
  // A fork entry without text: its "what happened" never shows either.
  JournalEntry fork;
  fork.kind = "fork";
  fork.fork.whatHappened = secret;
  fork.contentNote = "work";
  CHECK(journal::describeEntry(fork) == "Content note: work");
  auto hasWords = [&](const std::string& s) { return s.find("words behind") != std::string::npos || s.find("A title") != std::string::npos; };
  // The Next session page, search hits, the Trash (the record type's describe) and export file names.
  std::vector<core::SessionItem> items;
  fx.model->collectNextSession(items);
  REQUIRE(items.size() == 1);
  CHECK_FALSE(hasWords(items[0].title));
  CHECK_FALSE(hasWords(items[0].snippet));
  for (const auto& h : fx.registry.search({"behind"})) {
    CHECK_FALSE(hasWords(h.title));
    CHECK_FALSE(hasWords(h.snippet));
  }
  const auto* type = fx.registry.recordType(journal::kEntryType);
  REQUIRE(type);
  const auto* record = fx.store.find(journal::kEntryType, id);
  REQUIRE(record);
  CHECK(type->describe(record->body, record->schema) == "Content note: a hard memory");
  std::vector<core::ExportFile> files;
  fx.model->exportMarkdown(files);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path.find("behind") == std::string::npos);
  CHECK(files[0].path.find("title") == std::string::npos);
  CHECK(files[0].content.rfind("# Content note: a hard memory\n", 0) == 0);
}

TEST_CASE("[journal] \"On this day\" is kept between frames, and follows a new entry, an edit and the next day at once") {
  Fixture fx;
  const int64_t morning = localMs(2026, 6, 10, 8);
  const auto first = fx.put(R"({"text":"a year ago","timeMs":)" + std::to_string(localMs(2025, 6, 10)) + "}");
  CHECK(fx.model->onThisDay(morning) == std::vector<std::string>{first});
  const uint64_t workedOut = fx.model->onThisDayWorkedOut();
  CHECK(fx.model->onThisDay(morning + 1000) == std::vector<std::string>{first});
  CHECK(fx.model->onThisDayWorkedOut() == workedOut);   // the same answer, not worked out again
  // The vault's sealing rewrites every file without changing a record: not worked out again either.
  for (const auto& item : fx.store.rewritePlan()) REQUIRE(fx.store.rewriteOne(item));
  CHECK(fx.model->onThisDay(morning) == std::vector<std::string>{first});
  CHECK(fx.model->onThisDayWorkedOut() == workedOut);
  const auto second = fx.put(R"({"text":"two years ago","timeMs":)" + std::to_string(localMs(2024, 6, 10)) + "}");
  CHECK(fx.model->onThisDay(morning) == std::vector<std::string>{first, second});
  REQUIRE(fx.store.put("journal.entry", first, R"({"text":"a year ago","doNotResurface":true,"timeMs":)" +
                                                   std::to_string(localMs(2025, 6, 10)) + "}"));
  CHECK(fx.model->onThisDay(morning) == std::vector<std::string>{second});
  const auto nextDay = fx.put(R"({"text":"the day after","timeMs":)" + std::to_string(localMs(2025, 6, 11)) + "}");
  CHECK(fx.model->onThisDay(localMs(2026, 6, 11, 8)) == std::vector<std::string>{nextDay});
  REQUIRE(fx.store.remove("journal.entry", second));
  CHECK(fx.model->onThisDay(morning).empty());
}

// Natively only: the wasm build takes its zone from the host, and it cannot change within a run there.
#ifndef __EMSCRIPTEN__
TEST_CASE("[journal] \"On this day\" is worked out again when the time zone changes within the same local date") {
  struct TimeZone {
    explicit TimeZone(const char* tz) { setenv("TZ", tz, 1); tzset(); }
    ~TimeZone() { setenv("TZ", "UTC0", 1); tzset(); }
  };
  TimeZone berlin("CET-1CEST,M3.5.0,M10.5.0/3");
  Fixture fx;
  // Half past midnight in Berlin on 10 June 2025 is still 9 June in London and in UTC.
  const std::string justAfterMidnight =
      fx.put(R"({"text":"just after midnight","timeMs":)" + std::to_string(localMs(2025, 6, 10, 0) + 1800'000) + "}");
  const int64_t now = localMs(2026, 6, 10, 12);   // noon in Berlin: 10 June in London too
  CHECK(fx.model->onThisDay(now) == std::vector<std::string>{justAfterMidnight});
  setenv("TZ", "GMT0BST,M3.5.0/1,M10.5.0", 1);   // the person is in London now
  tzset();
  CHECK(journal::localDateOf(now) == journal::LocalDate{2026, 6, 10});
  CHECK(fx.model->onThisDay(now).empty());        // that entry was on 9 June there
}
#endif

TEST_CASE("[journal] \"On this day\" asks local time only of entries near the date, with the answer of asking every one") {
  struct TimeZone {
    explicit TimeZone(const char* tz) { setenv("TZ", tz, 1); tzset(); }
    ~TimeZone() { setenv("TZ", "UTC0", 1); tzset(); }
  };
  for (const char* zone : {"UTC0", "LINT-14", "SST11", "NST3:30NDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3"}) {
    CAPTURE(zone);
    TimeZone tz(zone);
    test::FakeClock clock;
    core::Registry registry = test::appRegistry();
    core::RecordStore store = core::RecordStore::inMemory(registry, std::ref(clock));
    struct { std::unique_ptr<journal::JournalModel> model; core::RecordStore* store;
             std::string put(const std::string& json) { return store->put(journal::kEntryType, "", json).value().id; } } fx;
    fx.store = &store;
    fx.model = std::make_unique<journal::JournalModel>(store);
    // Eight years of entries every 19 hours: every hour of the day, across daylight-saving changes.
    const int64_t start = journal::localDayStartMs(2018, 1, 1);
    for (int64_t t = start; t < start + 8 * 365LL * 86400'000; t += 19 * 3600'000LL) {
      fx.put(R"({"text":"x","timeMs":)" + std::to_string(t) + "}");
    }
    for (const auto& [m, d] : {std::pair{3, 10}, std::pair{10, 28}, std::pair{1, 1}, std::pair{12, 31}, std::pair{2, 29}}) {
      const int64_t now = localMs(2026, m, d, 23);
      std::vector<std::string> expected;   // every entry asked, as before
      const auto today = journal::localDateOf(now);
      for (const auto& id : fx.model->ordered()) {
        const auto date = journal::localDateOf(fx.model->find(id)->timeMs);
        if (date.year < today.year && date.month == today.month && date.day == today.day) expected.push_back(id);
      }
      const uint64_t before = journal::localDateLookups();
      CHECK(fx.model->onThisDay(now) == expected);
      CHECK(journal::localDateLookups() - before < 40);   // of about 3,700 entries
      if (m != 2) CHECK(expected.size() >= 5);
    }
  }
}

TEST_CASE("[journal] \"On this day\" works out no local date for the year's entries (a save at 50,000 asked it of every one)") {
  Fixture fx;
  const int64_t now = localMs(2026, 6, 10, 8);
  // A busy day: 2,000 entries written today and over the last months, none old enough to come back.
  for (int i = 0; i < 2000; ++i) fx.put(R"({"text":"x","timeMs":)" + std::to_string(now - int64_t(i) * 4 * 3600'000LL) + "}");
  const std::string yearAgo = fx.put(R"({"text":"a year ago","timeMs":)" + std::to_string(localMs(2025, 6, 10, 20)) + "}");
  const uint64_t before = journal::localDateLookups();
  CHECK(fx.model->onThisDay(now) == std::vector<std::string>{yearAgo});
  CHECK(journal::localDateLookups() - before < 10);
}
