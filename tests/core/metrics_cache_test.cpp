// tests/core/metrics_cache_test.cpp: the metrics cache (core/metrics_cache.h) always equals a fresh
// collection of every plugin's events (Registry::metrics) after whatever changes records: adding,
// editing, deleting, trash and restore, an import, locking and unlocking the vault; and gathering under a
// small time budget spreads over several calls without ever calling a part complete.
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "core/backup/backup_document.h"
#include "core/backup/backup_merge.h"
#include "core/metrics_cache.h"
#include "core/record_store.h"
#include "core/vault/vault.h"
#include "plugins/journal/journal_model.h"
#include "plugins/letters/letters_model.h"
#include "plugins/texture_box/texture_box_model.h"
#include "test_support.h"

using namespace toward;

namespace {

// Events in one order whatever order they were gathered in.
std::vector<core::MetricEvent> canonical(std::vector<core::MetricEvent> events) {
  std::sort(events.begin(), events.end(), [](const core::MetricEvent& a, const core::MetricEvent& b) {
    return std::tie(a.timeMs, a.kind, a.labels, a.values) < std::tie(b.timeMs, b.kind, b.labels, b.values);
  });
  return events;
}

// Every model of the app over one store, attached to the registry, and a cache made after them.
struct App {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store{dir.path(), registry, std::ref(clock)};
  core::vault::Vault vault{store};
  bool opened = [this] {
    vault.open();
    store.load();
    return true;
  }();
  journal::JournalModel journal{store};
  letters::LettersModel letters{store};
  texture_box::TextureBoxModel box{store};
  std::unique_ptr<core::MetricsCache> cache;

  App() {
    journal.attach(registry);
    letters.attach(registry);
    box.attach(registry);
    cache = std::make_unique<core::MetricsCache>(registry, store);
  }

  // The cache, brought up to date, holds exactly what a fresh collection finds.
  void checkFresh(const char* after) {
    INFO("after: " << after);
    REQUIRE(cache->update());
    const auto cached = canonical(cache->sorted());
    const auto fresh = canonical(registry.metrics());
    CHECK(cached.size() == fresh.size());
    CHECK(cache->size() == fresh.size());
    CHECK(cached == fresh);
  }

  std::string fork(const std::string& direction, const std::string& feeling) {
    journal::JournalEntry e;
    e.kind = "fork";
    e.text = "it came up at work";
    e.timeMs = clock.nowMs;
    e.fork.direction = direction;
    e.fork.secondsStayed = 40;
    e.fork.feelings.push_back({feeling, 6});
    auto id = journal.add(e);
    REQUIRE(id.isOk());
    clock.nowMs += 60'000;
    return id.value();
  }
};

bool hasEvent(const core::MetricsCache& cache, const std::string& kind, const std::string& label, const std::string& value) {
  bool found = false;
  cache.forEach([&](const core::MetricEvent& e) {
    auto it = e.labels.find(label);
    found |= e.kind == kind && it != e.labels.end() && it->second == value;
  });
  return found;
}

}  // namespace

TEST_CASE("[metrics] the cache follows adds, edits, deletes, trash and restore record by record") {
  App app;
  app.checkFresh("nothing yet");
  const std::string first = app.fork("toward", "longing");
  app.fork("away", "ashamed");
  app.checkFresh("two forks");

  // An edit is seen: the old direction is gone from the cache, the new one is there.
  journal::JournalEntry edited = *app.journal.find(first);
  edited.fork.direction = "both";
  edited.fork.feelings = {{"calm", 3}};
  REQUIRE(app.journal.save(first, edited));
  REQUIRE(app.cache->update());
  CHECK(hasEvent(*app.cache, "journal.fork", "direction", "both"));
  CHECK_FALSE(hasEvent(*app.cache, "journal.fork", "direction", "toward"));
  CHECK_FALSE(hasEvent(*app.cache, "journal.feeling", "word", "longing"));
  app.checkFresh("an edit");

  auto letter = app.letters.create("therapist", "Ana");
  REQUIRE(letter.isOk());
  letters::Letter l = *app.letters.find(letter.value());
  l.text = "words I have not said out loud";
  REQUIRE(app.letters.save(letter.value(), l));
  app.checkFresh("a letter");

  texture_box::TextureObject stone;
  stone.name = "smooth stone";
  auto stoneId = app.box.add(stone);
  REQUIRE(stoneId.isOk());
  texture_box::GroundingSession session;
  session.timeMs = app.clock.nowMs;
  session.objectId = stoneId.value();
  session.objectName = "smooth stone";
  session.secondsSpent = 120;
  session.distressBefore = 70;
  session.distressAfter = 40;
  REQUIRE(app.box.addSession(session).isOk());
  app.checkFresh("a grounding session");
  // Renaming the object renames it in every session's event (a provider collected whole).
  stone.name = "river stone";
  REQUIRE(app.box.save(stoneId.value(), stone));
  REQUIRE(app.cache->update());
  CHECK(hasEvent(*app.cache, "texture.session", "object", "river stone"));
  app.checkFresh("an object renamed");

  const uint64_t before = app.cache->version();
  REQUIRE(app.journal.remove(first));
  app.checkFresh("an entry deleted");
  CHECK(app.cache->version() > before);
  REQUIRE(app.store.restore("journal.entry", first));
  app.checkFresh("an entry restored");
  REQUIRE(app.journal.remove(first));
  REQUIRE(app.store.purge("journal.entry", first));
  app.checkFresh("an entry purged");
  REQUIRE(app.letters.removeLetter(letter.value()));
  app.checkFresh("a letter deleted");
}

TEST_CASE("[metrics] the cache follows an import, a lock and an unlock") {
  App app;
  for (int i = 0; i < 5; ++i) app.fork(i % 2 ? "toward" : "away", "lonely");
  app.checkFresh("five forks");

  // A backup from another device, merged in: the store tells everything changed (Reloaded).
  App other;
  other.fork("toward", "glad");
  other.fork("unsure", "numb");
  auto checked = backup::checkDocument(backup::documentFromStore(other.store, other.registry, other.clock.nowMs), app.registry);
  REQUIRE(checked.isOk());
  REQUIRE(backup::mergeDocument(app.store, app.registry, checked.value()).isOk());
  app.checkFresh("an import");
  CHECK(hasEvent(*app.cache, "journal.feeling", "word", "glad"));

  const core::vault::KdfParams quick{1, 64 * 1024};
  REQUIRE(app.vault.enable("a quiet harbour", quick));
  app.checkFresh("the vault turned on");
  app.vault.lock();
  app.checkFresh("locked");
  CHECK(app.cache->size() == 0);
  REQUIRE(app.vault.unlock("a quiet harbour", app.clock.nowMs));
  app.checkFresh("unlocked");
  CHECK(app.cache->size() > 0);
}

TEST_CASE("[metrics] gathering under a time budget takes several calls and is complete only at the end") {
  App app;
  for (int i = 0; i < 400; ++i) app.fork(i % 3 ? "toward" : "both", "calm");
  app.store.announceReload();   // as after an unlock: everything is gathered anew
  int calls = 0;
  while (!app.cache->update(0.01)) {
    CHECK_FALSE(app.cache->complete());
    REQUIRE(++calls < 100000);
  }
  CHECK(calls > 0);
  app.checkFresh("gathered in steps");
}
