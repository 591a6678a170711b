// tests/core/backup_document_copier_test.cpp: a backup's copy of the store made a few records at a time
// (backup::DocumentCopier) is the store as it is at its last step, whatever was written, deleted, brought back
// or purged between the steps, and the one-call documentFromStore is the same copy run to the end.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/backup/backup_document.h"
#include "core/backup/document_copier.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;

namespace {

std::string entry(const std::string& words) {
  return R"({"kind":"free","title":"T","timeMs":1764000000000,"text":")" + words + R"("})";
}

struct Store {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store{dir.path(), registry, std::ref(clock)};
  std::vector<std::string> ids;
  Store() {
    store.load();
    for (int i = 0; i < 40; ++i) ids.push_back(store.put("journal.entry", "", entry("entry " + std::to_string(i))).value().id);
    store.put("letters.letter", "", R"({"recipientKind":"therapist","text":"Dear you","state":"draft"})");
    store.put("core.settings", "app", R"({"theme":"dark"})");
    for (int i = 0; i < 5; ++i) store.remove("journal.entry", ids[size_t(i)]);
  }
  // The store now, in one call, dated as the copy began (test::FakeClock's start).
  std::string whole() const { return backup::encodeDocument(backup::documentFromStore(store, registry, kCopyBegan)); }
  static constexpr int64_t kCopyBegan = 1764000000000;
};

// Copies in steps of `stepSize`, calling `between(step)` between two steps, with the store's changes heard.
template <class Between>
std::string copyInSteps(Store& s, size_t stepSize, Between between) {
  backup::DocumentCopier copier(s.store, s.registry, Store::kCopyBegan);
  const int listening = s.store.addListener([&](const core::RecordChange& c) { copier.heard(c); });
  int steps = 0;
  while (!copier.step(stepSize)) between(steps++);
  s.store.removeListener(listening);
  return backup::encodeDocument(copier.take());
}

}  // namespace

TEST_CASE("[backup-copy] copied a record at a time, the document is the one documentFromStore makes") {
  Store s;
  const std::string whole = s.whole();
  for (const size_t stepSize : {size_t(1), size_t(3), size_t(64)}) {
    CHECK(copyInSteps(s, stepSize, [](int) {}) == whole);
  }
  auto doc = backup::documentFromStore(s.store, s.registry, Store::kCopyBegan);
  CHECK(doc.records.size() == 37);   // 35 entries, a letter, the settings
  CHECK(doc.trash.size() == 5);
}

TEST_CASE("[backup-copy] what is written, deleted, brought back or purged between steps is copied as it is at the end") {
  Store s;
  std::string added;
  const std::string copied = copyInSteps(s, 2, [&](int step) {
    s.clock.nowMs += 1000;
    switch (step) {
      case 1: s.store.put("journal.entry", s.ids[39], entry("changed before it was copied")); break;
      case 4: s.store.put("journal.entry", s.ids[6], entry("changed after it was copied")); break;
      case 5: s.store.remove("journal.entry", s.ids[7]); break;          // copied live, now in the trash
      case 6: s.store.restore("journal.entry", s.ids[0]); break;         // trashed, brought back
      case 7: s.store.purge("journal.entry", s.ids[1]); break;           // gone for good
      case 8: added = s.store.put("journal.entry", "", entry("new while copying")).value().id; break;
      case 9: s.store.remove("journal.entry", s.ids[38]); break;         // not copied yet, now in the trash
      default: break;
    }
  });
  CHECK(copied == s.whole());
  CHECK(copied.find("changed after it was copied") != std::string::npos);
  CHECK(copied.find("changed before it was copied") != std::string::npos);
  CHECK(copied.find("new while copying") != std::string::npos);
  CHECK(copied.find(s.ids[1]) == std::string::npos);
}

TEST_CASE("[backup-copy] everything read again (a lock, another tab's writing) begins the copy again") {
  Store s;
  const std::string copied = copyInSteps(s, 4, [&](int step) {
    if (step == 3) {
      s.store.put("journal.entry", s.ids[20], entry("written before the reload"));
      s.store.announceReload();
    }
  });
  CHECK(copied == s.whole());
  CHECK(copied.find("written before the reload") != std::string::npos);
}
