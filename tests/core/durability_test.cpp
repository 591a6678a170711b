// tests/core/durability_test.cpp: "saved" means a completed sync that began after the change.
#include <doctest/doctest.h>

#include <vector>

#include "core/durability.h"

using toward::core::DurabilityTracker;

TEST_CASE("[durability] a change waits for a pause, then one sync covers it") {
  DurabilityTracker d;
  d.setDelayMs(1000);
  CHECK(d.saved());
  d.observe(1, 0);
  CHECK_FALSE(d.saved());
  CHECK_FALSE(d.startIfDue(500).has_value());
  d.observe(2, 600);                      // typing goes on: the sync moves later
  CHECK_FALSE(d.startIfDue(1200).has_value());
  auto gen = d.startIfDue(1600);
  REQUIRE(gen.has_value());
  CHECK(*gen == 2);
  CHECK(d.syncing());
  CHECK_FALSE(d.saved());                 // not before the sync completes
  d.finished(true, "", 1700);
  CHECK(d.saved());
}

TEST_CASE("[durability] never two syncs at once; a change during a sync gets its own") {
  DurabilityTracker d;
  d.setDelayMs(0);
  d.observe(1, 0);
  REQUIRE(d.startIfDue(0).has_value());
  d.observe(2, 10);
  d.requestFlush();
  CHECK_FALSE(d.startIfDue(20).has_value());   // one is running
  d.finished(true, "", 30);
  CHECK_FALSE(d.saved());                       // generation 2 was not in that sync
  auto next = d.startIfDue(30);
  REQUIRE(next.has_value());
  CHECK(*next == 2);
  d.finished(true, "", 40);
  CHECK(d.saved());
}

TEST_CASE("[durability] a flush starts at once, without waiting for the pause") {
  DurabilityTracker d;
  d.setDelayMs(600000);
  d.observe(1, 0);
  CHECK_FALSE(d.startIfDue(1).has_value());
  d.requestFlush();
  CHECK(d.nextDueMs() == 0);
  CHECK(d.startIfDue(2).has_value());
}

TEST_CASE("[durability] a failed sync keeps the change unsaved, shows why, and retries with pauses") {
  DurabilityTracker d;
  d.setDelayMs(0);
  d.observe(1, 0);
  REQUIRE(d.startIfDue(0).has_value());
  d.finished(false, "QuotaExceededError", 100);
  CHECK_FALSE(d.saved());
  CHECK(d.error() == "QuotaExceededError");
  CHECK_FALSE(d.startIfDue(1000).has_value());  // pausing before trying again
  REQUIRE(d.startIfDue(2100).has_value());
  d.finished(false, "QuotaExceededError", 2200);
  CHECK_FALSE(d.startIfDue(5000).has_value());  // the pause grew
  REQUIRE(d.startIfDue(6200).has_value());
  d.finished(true, "", 6300);
  CHECK(d.saved());
  CHECK(d.error().empty());
}

TEST_CASE("[durability] nothing to do when nothing changed") {
  DurabilityTracker d;
  d.requestFlush();
  CHECK_FALSE(d.startIfDue(0).has_value());
  CHECK(d.nextDueMs() == -1);
}

TEST_CASE("[durability] changes that never pause are still synced within the maximum wait") {
  // An import or turning the vault on writes every frame (16 ms): the 1 s pause never comes.
  DurabilityTracker d;
  d.setDelayMs(1000);
  int64_t now = 0;
  uint64_t gen = 0;
  int64_t firstSyncAt = -1;
  std::vector<int64_t> syncStarts;
  for (; now <= 10000; now += 16) {
    d.observe(++gen, now);
    if (auto g = d.startIfDue(now)) {
      syncStarts.push_back(now);
      d.finished(true, "", now + 300);   // the sync takes a while; changes go on meanwhile
    }
  }
  REQUIRE_FALSE(syncStarts.empty());
  firstSyncAt = syncStarts.front();
  CHECK(firstSyncAt <= toward::core::kMaxWaitMs);
  CHECK(syncStarts.size() >= 4);          // about one every 2 s over the 10 s stream
  for (size_t i = 1; i < syncStarts.size(); ++i) CHECK(syncStarts[i] - syncStarts[i - 1] <= toward::core::kMaxWaitMs + 16);
}

TEST_CASE("[durability] the maximum wait is never shorter than a longer pause asked for") {
  DurabilityTracker d;
  d.setDelayMs(600000);   // the browser tests hold changes unsynced this way
  for (int64_t now = 0; now <= 60000; now += 16) {
    d.observe(uint64_t(now / 16 + 1), now);
    CHECK_FALSE(d.startIfDue(now).has_value());
  }
  CHECK(d.nextDueMs() == 600000);
}

TEST_CASE("[durability] an editor's words are due after a pause, and at the latest 3 s after the first edit") {
  toward::core::AutosaveClock clock(900);
  clock.edited(1000, false);
  CHECK(clock.dueMs() == 1900);                       // a pause after one key
  bool pending = true;
  int64_t firstDue = -1;
  for (int64_t now = 1000; now <= 10000; now += 250) { // a key every 250 ms: never a 900 ms pause
    clock.edited(now, pending);
    if (firstDue < 0 && clock.due(now + 1)) firstDue = now + 1;
  }
  CHECK(clock.dueMs() == 1000 + toward::core::kAutosaveMaxWaitMs);
  CHECK(firstDue >= 1000 + toward::core::kAutosaveMaxWaitMs);
  CHECK(firstDue <= 1000 + toward::core::kAutosaveMaxWaitMs + 250);
  // Saved: the next edit starts a new wait.
  clock.edited(20000, false);
  CHECK(clock.dueMs() == 20900);
  // A save that could not store: the whole wait again from now.
  clock.retryFrom(30000);
  CHECK(clock.dueMs() == 30900);
}
