// tests/core/backup_merge_test.cpp: importing a backup: merge by id and revision (true conflicts keep
// both), replace only after a restorable safety snapshot, and nothing changes when anything is wrong.
#include <doctest/doctest.h>

#include <string>

#include "core/backup/age_format.h"
#include "core/backup/backup_merge.h"
#include "core/files.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;

namespace {

const std::string kType = "journal.entry";

std::string entry(const std::string& text) {
  return R"({"kind":"free","title":"","timeMs":1764000000000,"text":")" + text + R"("})";
}

core::StoredRecord record(const std::string& id, uint64_t revision, const std::string& text, int64_t updatedMs = 10) {
  core::StoredRecord r;
  r.type = kType;
  r.id = id;
  r.revision = revision;
  r.createdMs = 5;
  r.updatedMs = updatedMs;
  r.body = entry(text);
  return r;
}

struct Fixture {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store{dir.path(), registry, std::ref(clock)};
  Fixture() { store.load(); }
  // A local record with the given revision (saved revision times).
  void local(const std::string& id, uint64_t revision, const std::string& text) {
    for (uint64_t i = 1; i <= revision; ++i) store.put(kType, id, entry(i == revision ? text : text + std::to_string(i)));
  }
  std::string text(const std::string& id) const {
    const auto* r = store.find(kType, id);
    return r ? r->body : "";
  }
};

}  // namespace

TEST_CASE("[merge] by id: the newer revision wins, older and equal copies are kept, new records are added") {
  Fixture f;
  f.local("same", 2, "same words");
  f.local("mine_newer", 3, "mine");
  f.local("theirs_newer", 1, "old");
  backup::BackupDocument d;
  d.records = {record("same", 2, "same words"), record("mine_newer", 2, "theirs"), record("theirs_newer", 4, "new", 77),
               record("fresh", 1, "fresh")};
  auto r = backup::mergeDocument(f.store, f.registry, d);
  REQUIRE(r.isOk());
  CHECK(r.value().added == 1);
  CHECK(r.value().updated == 1);
  CHECK(r.value().kept == 2);
  CHECK(r.value().conflicts == 0);
  CHECK(f.text("mine_newer").find("mine") != std::string::npos);
  CHECK(f.text("theirs_newer").find("new") != std::string::npos);
  CHECK(f.store.find(kType, "theirs_newer")->revision == 4);    // the backup's revision and times are kept
  CHECK(f.store.find(kType, "theirs_newer")->updatedMs == 77);
  CHECK(f.store.find(kType, "fresh") != nullptr);
  // The store on disk agrees (a fresh store loads the same).
  core::RecordStore again(f.dir.path(), f.registry, std::ref(f.clock));
  again.load();
  CHECK(again.count() == 4);
}

TEST_CASE("[merge] a true conflict (same revision, different words) keeps both, the incoming one under a new id") {
  Fixture f;
  f.local("x", 2, "written here");
  backup::BackupDocument d;
  d.records = {record("x", 2, "written there")};
  auto r = backup::mergeDocument(f.store, f.registry, d);
  REQUIRE(r.isOk());
  CHECK(r.value().conflicts == 1);
  CHECK(f.text("x").find("written here") != std::string::npos);
  auto all = f.store.list(kType);
  REQUIRE(all.size() == 2);
  const auto* other = all[0]->id == "x" ? all[1] : all[0];
  CHECK(other->body.find("written there") != std::string::npos);
  // Importing the same backup again does not add another copy.
  auto again = backup::mergeDocument(f.store, f.registry, d);
  REQUIRE(again.isOk());
  CHECK(again.value().conflicts == 0);
  CHECK(f.store.list(kType).size() == 2);
}

TEST_CASE("[merge] the trash: a later local deletion stands; incoming trash fills in only what is new") {
  Fixture f;
  f.local("deleted_here", 2, "bye");
  f.store.remove(kType, "deleted_here");
  backup::BackupDocument d;
  d.records = {record("deleted_here", 2, "bye")};
  d.trash = {{record("only_in_their_trash", 1, "t"), 99}};
  auto r = backup::mergeDocument(f.store, f.registry, d);
  REQUIRE(r.isOk());
  CHECK(f.store.find(kType, "deleted_here") == nullptr);
  CHECK(r.value().trashAdded == 1);
  CHECK(f.store.trash().size() == 2);
  // A newer incoming revision of something deleted here comes back live.
  d.records = {record("deleted_here", 5, "edited elsewhere")};
  d.trash.clear();
  REQUIRE(backup::mergeDocument(f.store, f.registry, d).isOk());
  CHECK(f.store.find(kType, "deleted_here") != nullptr);
}

TEST_CASE("[merge] a record of an unknown type is left out, the rest comes in; a read-only store changes nothing") {
  Fixture f;
  f.local("keep", 1, "keep me");
  backup::BackupDocument d;
  d.records = {record("fine", 1, "fine"), record("bad", 1, "x")};
  d.records[1].type = "someday.thing";  // unknown here
  auto r = backup::mergeDocument(f.store, f.registry, d);
  REQUIRE(r.isOk());
  CHECK(r.value().skipped == 1);
  CHECK(r.value().added == 1);
  CHECK(f.store.find(kType, "fine"));
  CHECK(f.store.find(kType, "keep"));
  REQUIRE(f.store.discard(kType, "fine", false).isOk());
  const auto before = backup::encodeDocument(backup::documentFromStore(f.store, f.registry, 0));
  f.store.setReadOnly("another tab");
  d.records.pop_back();
  CHECK(backup::mergeDocument(f.store, f.registry, d).error().code() == core::ErrorCode::ReadOnly);
  CHECK(backup::encodeDocument(backup::documentFromStore(f.store, f.registry, 0)) == before);
}

TEST_CASE("[replace] keeps a safety snapshot first, replaces everything, and the snapshot restores") {
  Fixture f;
  f.local("mine", 3, "my words");
  f.store.put("core.settings", "app", R"({"theme":"dark"})");
  f.local("binned", 1, "binned");
  f.store.remove(kType, "binned");
  const auto before = backup::encodeDocument(backup::documentFromStore(f.store, f.registry, 0));
  auto golden = backup::parseDocument(test::fixture("backup.v1.json"));
  REQUIRE(golden.isOk());
  auto r = backup::replaceWithDocument(f.store, f.registry, golden.value());
  REQUIRE(r.isOk());
  CHECK_FALSE(r.value().snapshot.empty());
  CHECK(f.store.find(kType, "mine") == nullptr);
  CHECK(f.store.list(kType).size() == 2);
  CHECK(f.store.trash().size() == 1);
  CHECK(f.store.find("core.settings", "app")->body.find("\"textPercent\":125") != std::string::npos);
  const auto snaps = backup::listSnapshots(f.store);
  REQUIRE(snaps.size() == 1);
  CHECK(snaps[0].name == r.value().snapshot);
  f.clock.nowMs += 1000;
  auto restored = backup::restoreSnapshot(f.store, f.registry, snaps[0].name);
  REQUIRE(restored.isOk());
  CHECK(backup::encodeDocument(backup::documentFromStore(f.store, f.registry, 0)) == before);
  CHECK(backup::listSnapshots(f.store).size() == 2);  // restoring kept a snapshot of the replaced data too
  CHECK_FALSE(backup::restoreSnapshot(f.store, f.registry, "../records").isOk());
}

TEST_CASE("[replace] only the newest snapshots are kept") {
  Fixture f;
  backup::BackupDocument empty;
  for (size_t i = 0; i < backup::kKeptSnapshots + 3; ++i) {
    f.clock.nowMs += 1000;
    REQUIRE(backup::replaceWithDocument(f.store, f.registry, empty).isOk());
  }
  CHECK(backup::listSnapshots(f.store).size() == backup::kKeptSnapshots);
}

TEST_CASE("[import] a backup made here opens into the same data; every failure leaves the store as it was") {
  Fixture f;
  f.local("a", 2, "first words");
  f.store.put("core.settings", "app", R"({"theme":"light"})");
  auto file = backup::makeBackup(f.store, f.registry, "pass", 2);
  REQUIRE(file.isOk());
  Fixture other;
  other.local("b", 1, "elsewhere");
  const auto before = backup::encodeDocument(backup::documentFromStore(other.store, other.registry, 0));
  CHECK(backup::openBackup(file.value(), "wrong", other.registry).error().kind == backup::BackupErrorKind::WrongPassphrase);
  CHECK(backup::openBackup(file.value().substr(0, file.value().size() - 3), "pass", other.registry).error().kind ==
        backup::BackupErrorKind::Damaged);
  CHECK(backup::openBackup(test::fixture("backup.v1.json"), "pass", other.registry).error().kind ==
        backup::BackupErrorKind::NotAgeFile);
  auto notDoc = backup::ageEncrypt("just words", "pass", {2, false});
  CHECK(backup::openBackup(notDoc.value(), "pass", other.registry).error().kind == backup::BackupErrorKind::NotBackup);
  CHECK(backup::encodeDocument(backup::documentFromStore(other.store, other.registry, 0)) == before);
  auto doc = backup::openBackup(file.value(), "pass", other.registry);
  REQUIRE(doc.isOk());
  CHECK(backup::previewDocument(doc.value()).byPlugin.at("journal") == 1);
  REQUIRE(backup::mergeDocument(other.store, other.registry, doc.value()).isOk());
  CHECK(other.store.find(kType, "a")->body == f.store.find(kType, "a")->body);
  CHECK(other.store.find(kType, "a")->revision == 2);
  CHECK(other.store.find(kType, "b") != nullptr);
}

TEST_CASE("[import] the golden age backup opens with its preview") {
  auto registry = test::appRegistry();
  auto doc = backup::openBackup(test::fixture("backup.v1.age"), "toward golden fixture", registry);
  REQUIRE(doc.isOk());
  CHECK(backup::previewDocument(doc.value()).records == 3);
}
