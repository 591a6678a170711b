// tests/core/backup_import_job_test.cpp: importing in steps (backup::ImportJob), as the app does across
// frames: the same outcome as at once, a progress that grows, listeners told of each record as it is written
// (never one Reloaded at the end: the models' work is spread over the steps), bodies checked
// and normalized once, and a stop part way (a crash, a reload) that loses nothing.
#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>

#include "core/backup/age_format.h"
#include "core/backup/backup_merge.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;

namespace {

const std::string kType = "journal.entry";

std::string entry(const std::string& text) {
  return R"({"kind":"free","title":"","timeMs":1764000000000,"text":")" + text + R"("})";
}

core::StoredRecord record(const std::string& id, uint64_t revision, const std::string& text) {
  core::StoredRecord r;
  r.type = kType;
  r.id = id;
  r.revision = revision;
  r.createdMs = 5;
  r.updatedMs = 10;
  r.body = entry(text);
  return r;
}

// A document of `n` entries "in0".."in<n-1>" (revision 1) and `trashed` trashed ones "gone0"...
backup::BackupDocument document(size_t n, size_t trashed = 0) {
  backup::BackupDocument d;
  for (size_t i = 0; i < n; ++i) d.records.push_back(record("in" + std::to_string(i), 1, "words " + std::to_string(i)));
  for (size_t i = 0; i < trashed; ++i) d.trash.push_back({record("gone" + std::to_string(i), 1, "let go"), 99});
  return d;
}

struct Fixture {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  std::unique_ptr<core::RecordStore> store = std::make_unique<core::RecordStore>(dir.path(), registry, std::ref(clock));
  Fixture() { store->load(); }
  // A fresh store over the same folder: what the app finds after a crash or a reload.
  void reopen() {
    store = std::make_unique<core::RecordStore>(dir.path(), registry, std::ref(clock));
    store->load();
  }
  std::string all() const { return backup::encodeDocument(backup::documentFromStore(*store, registry, 0)); }
};

// A registry like the app's whose journal entries count how often a body is normalized.
core::Registry countingRegistry(int& calls) {
  core::Registry out;
  const core::Registry app = test::appRegistry();
  for (auto type : app.recordTypes()) {
    if (type.id == kType) {
      auto inner = type.normalize;
      type.normalize = [inner, &calls](const std::string& body, uint32_t schema) {
        ++calls;
        return inner(body, schema);
      };
    }
    REQUIRE(out.addRecordType(type));
  }
  return out;
}

}  // namespace

// What a model does with the store's changes: each named record is read again from the store (or dropped).
struct Follower {
  core::RecordStore& store;
  std::set<std::string> live;
  int reloads = 0, saved = 0, removed = 0, purged = 0;
  explicit Follower(core::RecordStore& s) : store(s) {
    for (const auto* r : s.list(kType)) live.insert(r->id);
    s.addListener([this](const core::RecordChange& c) {
      if (c.kind == core::RecordChange::Kind::Reloaded) { ++reloads; return; }
      (c.kind == core::RecordChange::Kind::Saved ? saved : c.kind == core::RecordChange::Kind::Purged ? purged : removed)++;
      if (store.find(c.type, c.id)) live.insert(c.id); else live.erase(c.id);
    });
  }
  bool inStep() const {
    std::set<std::string> now;
    for (const auto* r : store.list(kType)) now.insert(r->id);
    return now == live;
  }
};

TEST_CASE("[import job] a merge in small steps: growing progress, the same outcome as at once, each record told as it comes") {
  Fixture stepped, atOnce;
  for (auto* f : {&stepped, &atOnce}) {
    f->store->put(kType, "in3", entry("written here"));   // revision 1, other words: a true conflict
    f->store->put(kType, "mine", entry("only here"));
  }
  Follower model(*stepped.store);
  auto checked = backup::checkDocument(document(50, 3), stepped.registry);
  REQUIRE(checked.isOk());
  backup::ImportJob job(*stepped.store, stepped.registry, checked.value(), backup::ImportJob::Mode::Merge);
  double last = -1;
  int steps = 0, heardBefore = 0;
  while (!job.step(7)) {
    CHECK(job.progress() > last);
    CHECK(job.progress() < 1.0);
    last = job.progress();
    // Each step's records are told within that step, so a model keeps up a few at a time.
    CHECK(model.saved + model.removed > heardBefore);
    heardBefore = model.saved + model.removed;
    CHECK(model.inStep());
    ++steps;
  }
  CHECK(steps >= 50 / 7);
  CHECK(job.progress() == 1.0);
  CHECK(model.reloads == 0);    // never everything at once at the end
  CHECK(model.saved == 50);     // 49 added and the conflict's copy
  CHECK(model.removed == 3);    // the backup's trash
  CHECK(model.inStep());
  REQUIRE(job.result().isOk());
  auto once = backup::mergeDocument(*atOnce.store, atOnce.registry, checked.value());
  REQUIRE(once.isOk());
  CHECK(job.result().value().added == 49);
  CHECK(job.result().value().conflicts == 1);
  CHECK(job.result().value().trashAdded == 3);
  CHECK(once.value().added == 49);
  CHECK(once.value().conflicts == 1);
  CHECK(stepped.store->list(kType).size() == atOnce.store->list(kType).size());
  CHECK(stepped.store->list(kType).size() == 52);   // 50 incoming, the conflict's copy, "mine"
  CHECK(stepped.store->trash().size() == 3);
}

TEST_CASE("[import job] a checked document is normalized once: opening checks, merge and replace do not again") {
  int calls = 0;
  Fixture f;
  core::Registry counting = countingRegistry(calls);
  core::RecordStore store(f.dir.path(), counting, std::ref(f.clock));
  store.load();
  auto file = backup::ageEncrypt(backup::encodeDocument(document(20)), "pass", {2, false});
  REQUIRE(file.isOk());
  auto opened = backup::openBackup(file.value(), "pass", counting);
  REQUIRE(opened.isOk());
  CHECK(calls == 20);
  CHECK(opened.value().registry() == &counting);
  REQUIRE(backup::mergeDocument(store, counting, opened.value()).isOk());
  CHECK(calls == 20);
  REQUIRE(backup::replaceWithDocument(store, counting, opened.value()).isOk());
  CHECK(calls == 20);
  CHECK(store.list(kType).size() == 20);
  // Unchecked callers are still checked (once), and a document checked against another registry again.
  REQUIRE(backup::mergeDocument(store, counting, document(20)).isOk());
  CHECK(calls == 40);
  auto elsewhere = backup::checkDocument(document(5), f.registry);
  REQUIRE(elsewhere.isOk());
  REQUIRE(backup::mergeDocument(store, counting, elsewhere.value()).isOk());
  CHECK(calls == 45);
}

TEST_CASE("[import job] checking brings old bodies to the current schema; a bad body is left out, the rest comes in") {
  auto registry = test::appRegistry();
  backup::BackupDocument d = document(3);
  d.records[1].body = R"({"kind":"free","text":"no title or time"})";
  auto checked = backup::checkDocument(d, registry);
  REQUIRE(checked.isOk());
  CHECK(checked.value().doc().records[1].body == registry.recordType(kType)->normalize(d.records[1].body, 1).value());
  d.records[2].body = R"({"kind":42})";
  auto withBad = backup::checkDocument(d, registry);
  REQUIRE(withBad.isOk());
  REQUIRE(withBad.value().doc().skipped.size() == 1);
  CHECK(withBad.value().doc().skipped[0].id == d.records[2].id);
  CHECK(withBad.value().doc().records.size() == 2);
  Fixture f;
  f.store->put(kType, "mine", entry("only here"));
  backup::ImportJob job(*f.store, f.registry, d, backup::ImportJob::Mode::Merge);
  job.run();
  REQUIRE(job.result().isOk());
  CHECK(job.result().value().skipped == 1);
  CHECK(f.store->find(kType, d.records[0].id));
  CHECK(f.store->find(kType, d.records[1].id));
  CHECK_FALSE(f.store->find(kType, d.records[2].id));
  CHECK(f.store->find(kType, "mine"));
}

TEST_CASE("[import job] a merge stopped part way loses nothing, and merging again finishes it") {
  Fixture f;
  f.store->put(kType, "mine", entry("only here"));
  auto checked = backup::checkDocument(document(40), f.registry);
  REQUIRE(checked.isOk());
  {
    backup::ImportJob job(*f.store, f.registry, checked.value(), backup::ImportJob::Mode::Merge);
    CHECK_FALSE(job.step(15));
  }   // the tab closes here
  f.reopen();
  CHECK(f.store->find(kType, "mine") != nullptr);
  CHECK(f.store->list(kType).size() == 16);
  auto again = backup::mergeDocument(*f.store, f.registry, checked.value());
  REQUIRE(again.isOk());
  CHECK(again.value().kept == 15);
  CHECK(again.value().added == 25);
  CHECK(f.store->list(kType).size() == 41);
}

TEST_CASE("[import job] a replace stopped part way keeps the snapshot and every earlier record; a stop later too") {
  for (size_t stopAfter : {size_t(1), size_t(12), size_t(31)}) {
    CAPTURE(stopAfter);
    Fixture f;
    for (int i = 0; i < 10; ++i) f.store->put(kType, "old" + std::to_string(i), entry("earlier " + std::to_string(i)));
    const std::string before = f.all();
    auto checked = backup::checkDocument(document(20), f.registry);
    REQUIRE(checked.isOk());
    {
      backup::ImportJob job(*f.store, f.registry, checked.value(), backup::ImportJob::Mode::Replace);
      for (size_t i = 0; i < stopAfter; ++i) job.step(1);
      CHECK_FALSE(job.done());
    }
    f.reopen();
    auto snapshots = backup::listSnapshots(*f.store);
    REQUIRE(snapshots.size() == 1);
    auto snapshot = backup::readSnapshot(*f.store, snapshots[0].name);
    REQUIRE(snapshot.isOk());
    CHECK(backup::encodeDocument(snapshot.value()) != "");
    // Everything from before is either still here or in the snapshot, whole.
    size_t earlier = 0;
    for (const auto& r : snapshot.value().records) earlier += r.id.rfind("old", 0) == 0 ? 1 : 0;
    CHECK(earlier == 10);
    if (stopAfter <= 21) {   // (snapshot + 20 incoming: the sweep has not begun)
      for (int i = 0; i < 10; ++i) CHECK(f.store->find(kType, "old" + std::to_string(i)) != nullptr);
    }
    REQUIRE(backup::restoreSnapshot(*f.store, f.registry, snapshots[0].name).isOk());
    CHECK(f.store->list(kType).size() == 10);
    CHECK(f.all() == before);
  }
}

TEST_CASE("[import job] a replace tells each record it brings in and each one it takes away, so models keep up") {
  Fixture f;
  for (int i = 0; i < 10; ++i) f.store->put(kType, "old" + std::to_string(i), entry("earlier " + std::to_string(i)));
  REQUIRE(f.store->remove(kType, "old9"));   // one in this device's trash, which the backup does not hold
  Follower model(*f.store);
  auto checked = backup::checkDocument(document(20, 2), f.registry);
  REQUIRE(checked.isOk());
  backup::ImportJob job(*f.store, f.registry, checked.value(), backup::ImportJob::Mode::Replace);
  while (!job.step(5)) CHECK(model.inStep());
  REQUIRE(job.result().isOk());
  CHECK(model.reloads == 0);
  CHECK(model.saved == 20);
  CHECK(model.removed == 2 + 9);   // the backup's two trashed, then the nine live ones it does not hold
  CHECK(model.purged == 1);        // this device's trashed "old9"
  CHECK(model.inStep());
  CHECK(f.store->list(kType).size() == 20);
}

TEST_CASE("[import job] a step by time looks at the clock after every record and begins none once the budget is spent") {
  // Each record costs 3 ms of the (fake) clock, counted when its listeners hear of it, as the models' reading
  // does in the app: a budget of 8 ms writes 3 records (9 ms), never a fourth (12 ms; the app's earlier loop
  // wrote 4 between two looks at a clock of whole milliseconds).
  Fixture f;
  double now = 0;
  const int listener = f.store->addListener([&](const core::RecordChange&) { now += 3; });
  backup::ImportJob job(*f.store, f.registry, document(20), backup::ImportJob::Mode::Merge);
  auto clock = [&] { return now; };
  size_t steps = 0, before = 0;
  while (!job.stepFor(8, clock)) {
    ++steps;
    const size_t written = f.store->list(kType).size();
    CHECK(written - before == 3);
    before = written;
  }
  CHECK(steps == 6);   // 18 records in 6 steps, the last 2 in the seventh
  CHECK(f.store->list(kType).size() == 20);
  CHECK(job.result());
  // A record that takes longer than the whole budget is still written, one per step.
  f.store->removeListener(listener);
  const int slow = f.store->addListener([&](const core::RecordChange&) { now += 50; });
  backup::BackupDocument two;
  two.records = {record("slow0", 1, "a"), record("slow1", 1, "b")};
  backup::ImportJob again(*f.store, f.registry, two, backup::ImportJob::Mode::Merge);
  CHECK(!again.stepFor(8, clock));
  CHECK(f.store->find(kType, "slow0"));
  CHECK(!f.store->find(kType, "slow1"));
  CHECK(!again.stepFor(8, clock));
  CHECK(f.store->find(kType, "slow1"));
  CHECK(again.stepFor(8, clock));
  f.store->removeListener(slow);
}
