// tests/core/memory_store_test.cpp: a record store whose files live in memory (core/file_system.h) works
// as one on the device does, and never writes a file anywhere: toward-cli exports a decrypted backup
// through one, so nothing decrypted touches the disk.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/backup/backup_merge.h"
#include "core/file_system.h"
#include "core/files.h"
#include "core/record_store.h"
#include "plugins/journal/journal_model.h"
#include "test_support.h"

using namespace toward;

namespace {

const std::string kType = "journal.entry";

std::string entry(const std::string& text) {
  return R"({"kind":"free","title":"","timeMs":1764000000000,"text":")" + text + R"("})";
}

// Every name under `dir`, recursively ("a", "a/b.json", ...), to see that nothing appeared.
std::vector<std::string> tree(const std::string& dir, const std::string& prefix = "") {
  std::vector<std::string> out;
  for (const auto& f : core::files::listFiles(dir)) out.push_back(prefix + f);
  for (const auto& d : core::files::listDirs(dir)) {
    out.push_back(prefix + d + "/");
    for (auto& inner : tree(dir + "/" + d, prefix + d + "/")) out.push_back(std::move(inner));
  }
  return out;
}

// The names directly inside `dir` (folders end in "/"): a store's files would start with a folder there.
std::vector<std::string> topLevel(const std::string& dir) {
  std::vector<std::string> out = core::files::listFiles(dir);
  for (const auto& d : core::files::listDirs(dir)) out.push_back(d + "/");
  return out;
}

std::string temporaryFolder() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

// Saves, deletes, restores, purges and writes a side file: every kind of write a store makes.
void everyKindOfWrite(core::RecordStore& store) {
  const std::string kept = store.put(kType, "", entry("words that stay")).value().id;
  const std::string gone = store.put(kType, "", entry("words let go")).value().id;
  REQUIRE(store.put(kType, kept, entry("words that stay, changed")).isOk());
  REQUIRE(store.remove(kType, gone));
  REQUIRE(store.restore(kType, gone));
  REQUIRE(store.remove(kType, gone));
  REQUIRE(store.writeSideFile("snapshots/1764000000000.json", "{\"toward\":\"backup\"}\n"));
  REQUIRE(store.writeMetaFile("vault.json", "{}"));
}

}  // namespace

TEST_CASE("[memory store] records, trash and side files work in memory, and the data folder is never made") {
  test::TempDir dir;
  const std::string root = dir.path() + "/data";   // does not exist, and must not come to
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::MemoryFiles memory;
  core::RecordStore store(root, registry, std::ref(clock), memory);
  store.load();
  everyKindOfWrite(store);

  REQUIRE(store.list(kType).size() == 1);
  CHECK(store.list(kType)[0]->body.find("words that stay, changed") != std::string::npos);
  CHECK(store.list(kType)[0]->revision == 2);
  REQUIRE(store.trash().size() == 1);
  CHECK(store.trash()[0]->record.body.find("words let go") != std::string::npos);
  CHECK(store.readSideFile("snapshots/1764000000000.json").value() == "{\"toward\":\"backup\"}\n");
  CHECK(store.listSideFiles("snapshots") == std::vector<std::string>{"1764000000000.json"});
  const std::string gone = store.trash()[0]->record.id;
  REQUIRE(store.purge(kType, gone));
  CHECK(store.trash().empty());

  CHECK_FALSE(core::files::exists(root));
  CHECK(tree(dir.path()).empty());

  // The memory holds real record files: a second store over it loads what the first wrote.
  core::RecordStore again(root, registry, std::ref(clock), memory);
  const auto report = again.load();
  CHECK(report.records == 1);
  CHECK(report.trashed == 0);
  CHECK(report.problems.empty());
  // ...and the device has none of it.
  core::RecordStore onDisk(root, registry, std::ref(clock));
  CHECK(onDisk.load().records == 0);
}

TEST_CASE("[memory store] RecordStore::inMemory writes nothing to the working folder or the temporary folder") {
  const auto here = topLevel(".");
  const auto temporary = topLevel(temporaryFolder());
  auto registry = test::appRegistry();
  test::FakeClock clock;
  {
    core::RecordStore store = core::RecordStore::inMemory(registry, std::ref(clock));
    everyKindOfWrite(store);
    CHECK(store.count() == 1);
    CHECK(store.trash().size() == 1);
    CHECK(store.readMetaFile("vault.json").value() == "{}");
  }
  CHECK(topLevel(".") == here);
  CHECK(topLevel(temporaryFolder()) == temporary);
}

TEST_CASE("[memory store] a backup merged into an in-memory store reaches the plugins' Markdown export") {
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store = core::RecordStore::inMemory(registry, std::ref(clock));
  journal::JournalModel journal(store);
  journal.attach(registry);
  auto doc = backup::parseDocument(test::fixture("backup.v1.json"));
  REQUIRE(doc.isOk());
  auto merged = backup::mergeDocument(store, registry, doc.value());
  REQUIRE(merged.isOk());
  CHECK(merged.value().added == 3);   // the settings and two journal entries
  CHECK(merged.value().trashAdded == 1);
  bool found = false;
  for (const auto& f : registry.exportMarkdown()) {
    if (f.content.find("Walked to the river. Nothing to fix today.") != std::string::npos) found = true;
  }
  CHECK(found);
}

TEST_CASE("[memory store] MemoryFiles lists the files and the folders directly inside a folder") {
  core::MemoryFiles memory;
  REQUIRE(memory.writeFileAtomic("r/records/a/1.json", "one"));
  REQUIRE(memory.writeFileAtomic("r/records/a/2.json", "two"));
  REQUIRE(memory.writeFileAtomic("r/records/b/3.json", "three"));
  REQUIRE(memory.writeFileAtomic("r/records.json", "beside"));
  REQUIRE(memory.writeFileAtomic("r/records/a/2.json", "two, again"));
  CHECK(memory.listDirs("r") == std::vector<std::string>{"records"});
  CHECK(memory.listFiles("r") == std::vector<std::string>{"records.json"});
  CHECK(memory.listDirs("r/records") == std::vector<std::string>{"a", "b"});
  CHECK(memory.listFiles("r/records/a") == std::vector<std::string>{"1.json", "2.json"});
  CHECK(memory.readFile("r/records/a/2.json").value() == "two, again");
  REQUIRE(memory.removeFile("r/records/b/3.json"));
  CHECK(memory.listDirs("r/records") == std::vector<std::string>{"a"});
  CHECK(memory.readFile("r/records/b/3.json").error().code() == core::ErrorCode::NotFound);
  CHECK(memory.listFiles("nowhere").empty());
}
