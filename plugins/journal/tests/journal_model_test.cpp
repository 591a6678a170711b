// plugins/journal/tests/journal_model_test.cpp: journal entries, ordering, search, metrics, export.
#include <doctest/doctest.h>

#include <functional>

#include "core/record_store.h"
#include "plugins/journal/journal_model.h"
#include "test_support.h"

using namespace toward;
using journal::JournalEntry;

TEST_CASE("[journal] golden schema 1 reads every field") {
  auto e = core::loadBody<JournalEntry>(test::fixture("journal.entry.v1.json"), 1);
  REQUIRE(e.isOk());
  const JournalEntry& v = e.value();
  CHECK(v.kind == "fork");
  CHECK(v.title == "After the session");
  CHECK(v.timeMs == 1764000000000);
  CHECK(v.tags == std::vector<std::string>{"session", "longing"});
  CHECK(v.bringToSession);
  CHECK(v.doNotResurface);
  CHECK(v.contentNote == "mentions a hard memory");
  REQUIRE(v.fork.feelings.size() == 2);
  CHECK(v.fork.feelings[0].word == "longing");
  CHECK(v.fork.feelings[0].intensity == 8);
  CHECK(v.fork.bodyAreas.size() == 2);
  CHECK(v.fork.direction == "toward");
  CHECK(v.fork.secondsStayed == 45);
  CHECK(v.fork.compassionFrom == "myself");
  CHECK(v.fork.intensityAfter == 5);
  CHECK(v.fork.afterwards == "Made tea and sat by the window.");
}

TEST_CASE("[journal] saving and loading round-trips, and out-of-range values are made safe") {
  JournalEntry e;
  e.kind = "words";
  e.text = "You are allowed to take up space.";
  e.tags = {"kind words"};
  auto back = core::loadBody<JournalEntry>(core::saveBody(e), 1);
  REQUIRE(back.isOk());
  CHECK(back.value().text == e.text);
  CHECK(back.value().kind == "words");

  auto odd = core::loadBody<JournalEntry>(R"({"kind":"mystery","fork":{"feelings":[{"word":"x","intensity":99}],"direction":"sideways","intensityAfter":-7}})", 1);
  REQUIRE(odd.isOk());
  CHECK(odd.value().kind == "free");
  CHECK(odd.value().fork.feelings[0].intensity == 10);
  CHECK(odd.value().fork.direction.empty());
  CHECK(odd.value().fork.intensityAfter == -1);
}

TEST_CASE("[journal] the model follows the store and lists newest first") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  journal::JournalModel model(store);
  auto first = model.create("free").value();
  clock.nowMs += 1000;
  auto second = model.create("fork").value();
  REQUIRE(model.size() == 2);
  CHECK(model.ordered().front() == second);
  CHECK(model.find(second)->kind == "fork");

  JournalEntry edited = *model.find(first);
  edited.text = "Edited words";
  REQUIRE(model.save(first, edited));
  CHECK(model.find(first)->text == "Edited words");

  // a record written by someone else (the test API, an import) shows up through the store
  auto other = store.put(journal::kEntryType, "", R"({"text":"from elsewhere","timeMs":1})").value().id;
  CHECK(model.find(other) != nullptr);
  CHECK(model.ordered().back() == other);

  REQUIRE(model.remove(first));
  CHECK(model.find(first) == nullptr);
  CHECK(model.size() == 2);
}

TEST_CASE("[journal] search is case and accent insensitive over every field, and respects dates") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  journal::JournalModel model(store);
  model.attach(registry);
  store.put(journal::kEntryType, "", R"({"title":"Zoë's birthday","text":"I felt Sehnsucht","timeMs":1000})");
  store.put(journal::kEntryType, "", R"({"text":"quiet day","tags":["Καλημέρα"],"timeMs":2000})");
  store.put(journal::kEntryType, "", R"({"kind":"fork","fork":{"feelings":[{"word":"longing","intensity":7}]},"timeMs":3000})");

  CHECK(registry.search({"zoe SEHNSUCHT"}).size() == 1);
  CHECK(registry.search({"καλημερα"}).size() == 1);
  CHECK(registry.search({"LONGING"}).size() == 1);
  CHECK(registry.search({""}).size() == 3);
  core::SearchQuery ranged{"", 1500, 2500};
  auto hits = registry.search(ranged);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].title == "quiet day");
}

TEST_CASE("[journal] metrics: words for every entry, one fork event per fork") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  journal::JournalModel model(store);
  model.attach(registry);
  store.put(journal::kEntryType, "", test::fixture("journal.entry.v1.json"));
  store.put(journal::kEntryType, "", R"({"text":"three small words","timeMs":5})");
  auto events = registry.metrics();
  int words = 0, forks = 0;
  for (const auto& e : events) {
    if (e.kind == "journal.words") ++words;
    if (e.kind == "journal.fork") {
      ++forks;
      CHECK(e.labels.at("direction") == "toward");
      CHECK(e.values.at("secondsStayed") == 45);
      CHECK(e.values.at("intensityBefore") == 8);
      CHECK(e.values.at("intensityAfter") == 5);
    }
  }
  CHECK(words == 2);
  CHECK(forks == 1);
}

TEST_CASE("[journal] Markdown export holds every entry's words") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  journal::JournalModel model(store);
  model.attach(registry);
  store.put(journal::kEntryType, "", R"({"title":"A hard evening","text":"Still here.","timeMs":1764000000000,"contentNote":"grief"})");
  auto files = registry.exportMarkdown();
  REQUIRE(files.size() == 1);
  // Behind its content note: the file name and heading are the note's, the title is kept inside.
  CHECK(files[0].path.rfind("journal/2025-11-24-content-note-grief-", 0) == 0);
  CHECK(files[0].content.rfind("# Content note: grief\n", 0) == 0);
  CHECK(files[0].content.find("**Title:** A hard evening") != std::string::npos);
  CHECK(files[0].content.find("Still here.") != std::string::npos);
  CHECK(files[0].content.find("Content note: grief") != std::string::npos);
}

TEST_CASE("[journal] describing entries: title, else first words, never a broken character") {
  JournalEntry e;
  CHECK(journal::describeEntry(e) == "Untitled entry");
  e.text = std::string(58, 'a') + "ё and more";
  const std::string d = journal::describeEntry(e);
  CHECK(d.size() <= 64);
  CHECK(d.find("...") != std::string::npos);
  CHECK(journal::countWords("  one two\nthree  ") == 3);
}

// The quick reader takes `body` and reads it exactly as the versioned loader does.
static void quickReadsAsLoader(const std::string& body) {
  CAPTURE(body);
  JournalEntry quick;
  REQUIRE(journal::readEntryQuick(body, quick));
  auto slow = core::loadBody<JournalEntry>(body, 1);
  REQUIRE(slow.isOk());
  CHECK(core::saveBody(quick) == core::saveBody(slow.value()));
}

TEST_CASE("[journal] the quick reader reads exactly what the versioned loader reads") {
  const std::string bodies[] = {
      test::fixture("journal.entry.v1.json"),
      R"({})",
      R"({"kind":"mystery","fork":{"feelings":[{"word":"x","intensity":99}],"direction":"sideways","intensityAfter":-7}})",
      R"({"text":"Zoë \"quoted\"\nline","tags":["a","b"],"timeMs":-5,"fork":{"secondsStayed":4294967295}})",
  };
  for (const auto& body : bodies) quickReadsAsLoader(body);
  JournalEntry e;
  e.title = "kept";
  CHECK_FALSE(journal::readEntryQuick(R"({"title":5})", e));        // another type: left to the loader
  CHECK(e.title == "kept");                                          // and nothing of it was taken
  CHECK_FALSE(journal::readEntryQuick(R"({"fork":{"feelings":[{"intensity":-1}]}})", e));
  CHECK_FALSE(journal::readEntryQuick("not json", e));
  CHECK_FALSE(core::loadBody<JournalEntry>(R"({"title":5})", 1).isOk());
}

// The quick reader reads events as they come (no document in between). Each body here reads the same as
// through the versioned loader, or is refused by the quick reader (then the loader decides).
TEST_CASE("[journal] the quick reader takes exactly the bodies it can read, member by member") {
  const char* same[] = {
      R"({"unknown":{"a":[1,{"b":[[]]},"x"],"kind":"fork"},"kind":"fork","later":[{"fork":1}]})",
      R"({"fork":{"feelings":[{},{"word":"calm","other":{"x":[1,2]},"intensity":0}],"extra":null},"title":"t"})",
      R"({"tags":[],"fork":{"bodyAreas":["chest","throat"],"urges":[],"intensityAfter":-1,"secondsStayed":0}})",
      R"({"timeMs":-9223372036854775808,"fork":{"intensityAfter":2147483647}})",
      R"({"timeMs":9223372036854775807,"fork":{"intensityAfter":-2147483648,"secondsStayed":4294967295}})",
      R"({"bringToSession":true,"doNotResurface":true,"n":1.5e300,"z":-0,"u":18446744073709551615})",
      R"({"title":"Zo\u00eb","contentNote":"\ud83c\udf3f"})",
      R"(  {"kind":"words"}  )",
  };
  for (const std::string body : same) quickReadsAsLoader(body);
  // A NUL inside a string is kept whole (the versioned loader stops at it): as the document reading did.
  JournalEntry nul;
  REQUIRE(journal::readEntryQuick(R"({"text":"a\u0000b"})", nul));
  CHECK(nul.text == std::string("a\0b", 3));

  const char* refused[] = {
      "[]", "5", "\"text\"", "null", "", "{", R"({"kind":"a"} {})",
      R"({"timeMs":1.0})", R"({"timeMs":9223372036854775808})", R"({"timeMs":"1"})",
      R"({"fork":null})", R"({"fork":[]})", R"({"fork":{"feelings":{}}})", R"({"fork":{"feelings":["calm"]}})",
      R"({"fork":{"feelings":[[]]}})", R"({"fork":{"feelings":[{"word":1}]}})",
      R"({"fork":{"feelings":[{"intensity":4294967296}]}})", R"({"fork":{"secondsStayed":-1}})",
      R"({"fork":{"intensityAfter":2147483648}})", R"({"fork":{"intensityAfter":-2147483649}})",
      R"({"fork":{"intensityAfter":NaN}})", R"({"tags":"a"})", R"({"tags":["a",1]})", R"({"tags":[["a"]]})",
      R"({"tags":[null]})", R"({"bringToSession":1})", R"({"doNotResurface":"yes"})", R"({"kind":null})",
      R"({"title":"a","title":"b"})", R"({"fork":{"direction":"toward","direction":"away"}})",
      R"({"fork":{"feelings":[{"word":"a","word":"b"}]}})", R"({"fork":{},"fork":{}})",
  };
  for (const std::string body : refused) {
    CAPTURE(body);
    JournalEntry e;
    CHECK_FALSE(journal::readEntryQuick(body, e));
  }
  JournalEntry e;
  CHECK_FALSE(journal::readEntryQuick(std::string("{}\0{}", 5), e));   // a NUL byte, then more
  CHECK_FALSE(journal::readEntryQuick(std::string("{\"title\":\"a\0b\"}", 15), e));
}

TEST_CASE("[journal] the quick normalize writes exactly what the versioned normalize writes") {
  const std::string bodies[] = {
      test::fixture("journal.entry.v1.json"),
      R"({})",
      R"({"kind":"mystery","fork":{"feelings":[{"word":"x","intensity":99}],"direction":"sideways","intensityAfter":-7}})",
      R"({"text":"Zoë \"quoted\"\nline\t\u0001 \u2028 🌿","tags":["a","b"],"timeMs":-5,"fork":{"secondsStayed":4294967295}})",
      R"({"kind":"fork","title":"t","timeMs":9223372036854775807,"text":"x","tags":[],"bringToSession":true,
          "contentNote":"n","doNotResurface":true,"unknown":{"kept":false},"fork":{"whatHappened":"w",
          "feelings":[{"word":"sad","intensity":3},{"word":"","intensity":0}],"bodyAreas":["chest"],"urges":["run"],
          "direction":"toward","secondsStayed":60,"compassionFrom":"myself","intensityAfter":10,"afterwards":"a"}})",
      R"(  {"timeMs":-9223372036854775808, "text":"\/ slash"}  )",
  };
  for (const auto& body : bodies) {
    CAPTURE(body);
    auto quick = journal::normalizeEntry(body, 1);
    auto slow = core::normalizeBody<JournalEntry>(body, 1);
    REQUIRE(quick.isOk());
    REQUIRE(slow.isOk());
    CHECK(quick.value() == slow.value());
  }
  // What the quick reader leaves to the loader gets the loader's own answer.
  for (const std::string body : {R"({"title":5})", "not json", R"([1])", R"({"timeMs":1.5})"}) {
    CAPTURE(body);
    auto quick = journal::normalizeEntry(body, 1);
    auto slow = core::normalizeBody<JournalEntry>(body, 1);
    REQUIRE(quick.isOk() == slow.isOk());
    if (!quick.isOk()) CHECK(quick.error().message() == slow.error().message());
    else CHECK(quick.value() == slow.value());
  }
  CHECK(journal::normalizeEntry("{}", 2).error().code() == core::ErrorCode::TooNew);
}

TEST_CASE("[journal] a hard moment: a feeling at 8 or more, or an urge to hurt oneself; otherwise not") {
  journal::JournalEntry e;
  e.kind = "fork";
  CHECK_FALSE(journal::isHardMoment(e));
  e.fork.feelings.push_back({"sad", 7});
  e.fork.urges.push_back("writing to the therapist");
  CHECK_FALSE(journal::isHardMoment(e));
  e.fork.feelings.push_back({"ashamed", 8});
  CHECK(journal::isHardMoment(e));
  e.fork.feelings.pop_back();
  e.fork.urges.push_back("self-harm urge");
  CHECK(journal::isHardMoment(e));
}

TEST_CASE("[journal] an entry left with nothing in it leaves no record; anything in it keeps it") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  journal::JournalModel model(store);

  auto blank = model.create("free");
  REQUIRE(blank.isOk());
  CHECK(model.forgetIfBlank(blank.value()));
  CHECK(model.find(blank.value()) == nullptr);
  CHECK(store.trash().empty());  // nothing to restore: it held nothing
  CHECK(model.size() == 0);

  // Each thing a person can give an entry keeps it.
  const std::vector<std::function<void(JournalEntry&)>> gifts = {
      [](JournalEntry& e) { e.text = "a word"; },
      [](JournalEntry& e) { e.title = "A title"; },
      [](JournalEntry& e) { e.tags = {"tag"}; },
      [](JournalEntry& e) { e.bringToSession = true; },
      [](JournalEntry& e) { e.contentNote = "hard"; },
      [](JournalEntry& e) { e.fork.whatHappened = "it"; },
      [](JournalEntry& e) { e.fork.feelings = {{"sad", 5}}; },
      [](JournalEntry& e) { e.fork.urges = {"hiding"}; },
      [](JournalEntry& e) { e.fork.direction = "unsure"; },
      [](JournalEntry& e) { e.fork.secondsStayed = 12; },
      [](JournalEntry& e) { e.fork.intensityAfter = 0; },
  };
  for (const auto& give : gifts) {
    auto id = model.create("fork");
    REQUIRE(id.isOk());
    JournalEntry e = *model.find(id.value());
    give(e);
    REQUIRE(model.save(id.value(), e).isOk());
    CHECK_FALSE(model.forgetIfBlank(id.value()));
    CHECK(model.find(id.value()) != nullptr);
  }
  CHECK(model.size() == gifts.size());
}

TEST_CASE("[journal] the kept order after saves, edits of the time and removals is the order a fresh sort gives") {
  test::FakeClock clock;
  core::Registry registry = test::appRegistry();
  core::RecordStore store = core::RecordStore::inMemory(registry, std::ref(clock));
  journal::JournalModel model(store);
  std::vector<std::string> ids;
  uint64_t seed = 12345;
  auto next = [&seed] {   // splitmix-ish: the same sequence on every platform
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 33;
  };
  const auto put = [&](const std::string& id, int64_t t) {
    return store.put(journal::kEntryType, id, R"({"text":"x","timeMs":)" + std::to_string(t) + "}").value().id;
  };
  for (int i = 0; i < 300; ++i) ids.push_back(put("", 1'700'000'000'000 + int64_t(next() % 50) * 1000));   // many equal times
  (void)model.ordered();   // the order is kept from here on
  for (int step = 0; step < 600; ++step) {
    const auto roll = next() % 10;
    if (roll < 5) {
      put(ids[next() % ids.size()], 1'700'000'000'000 + int64_t(next() % 60) * 1000);   // a new time, maybe an equal one
    } else if (roll < 8) {
      ids.push_back(put("", 1'700'000'000'000 + int64_t(next() % 60) * 1000));
    } else if (ids.size() > 1) {
      const size_t at = next() % ids.size();
      REQUIRE(store.remove(journal::kEntryType, ids[at]).isOk());
      ids.erase(ids.begin() + long(at));
    }
    if (step % 50 == 0 || step == 599) {
      journal::JournalModel fresh(store);
      REQUIRE(model.ordered() == fresh.ordered());
    }
  }
  CHECK(model.ordered().size() == ids.size());
  // Nothing narrowing the list: the list is the order itself.
  std::vector<std::string> all;
  model.filter(journal::JournalFilter{}, all);
  CHECK(all == model.ordered());
}
