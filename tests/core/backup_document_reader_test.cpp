// tests/core/backup_document_reader_test.cpp: a backup document read a part at a time (the app opens a
// large backup across frames) reads as it does at once, and what is not JSON anywhere in it (a record, a
// list nobody reads, a string with brackets in it) is refused however it is cut into steps.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/backup/backup_document.h"
#include "core/backup/backup_merge.h"
#include "core/backup/backup_open.h"
#include "core/backup/document_reader.h"
#include "test_support.h"

using namespace toward;
using backup::BackupErrorKind;

namespace {

std::string rec(const std::string& id, const std::string& text = "x") {
  return R"({"type":"journal.entry","id":")" + id + R"(","schema":1,"revision":1,"createdMs":5,"updatedMs":6,"body":{"kind":"free","text":")" +
         text + R"("}})";
}

std::string doc(const std::string& records, const std::string& trash = "", const std::string& more = "") {
  return R"({"toward":"backup","format":1,"createdMs":1,)" + more + R"("records":[)" + records + R"(],"trash":[)" + trash + "]}";
}

// Reads `text` one unit at a time (each look at the clock says the budget is spent); counts the steps.
backup::BackupResult<backup::BackupDocument> readInSteps(const std::string& text, int* steps = nullptr, bool* grew = nullptr) {
  backup::DocumentReader reader(text);
  double clock = 0;
  int n = 0;
  double last = reader.progress();
  bool monotonic = true;
  while (!reader.stepFor(0.5, [&] { return clock += 1.0; })) {
    ++n;
    monotonic = monotonic && reader.progress() >= last;
    last = reader.progress();
    REQUIRE(n < 1000000);
  }
  if (steps) *steps = n;
  if (grew) *grew = monotonic && reader.progress() == 1.0;
  return reader.take();
}

void checkSame(const backup::BackupDocument& a, const backup::BackupDocument& b) {
  CHECK(a.format == b.format);
  CHECK(a.createdMs == b.createdMs);
  CHECK(a.app == b.app);
  REQUIRE(a.records.size() == b.records.size());
  for (size_t i = 0; i < a.records.size(); ++i) {
    CHECK(a.records[i].id == b.records[i].id);
    CHECK(a.records[i].body == b.records[i].body);
    CHECK(a.records[i].revision == b.records[i].revision);
  }
  REQUIRE(a.trash.size() == b.trash.size());
  for (size_t i = 0; i < a.trash.size(); ++i) {
    CHECK(a.trash[i].record.id == b.trash[i].record.id);
    CHECK(a.trash[i].deletedMs == b.trash[i].deletedMs);
  }
  REQUIRE(a.skipped.size() == b.skipped.size());
  for (size_t i = 0; i < a.skipped.size(); ++i) {
    CHECK(a.skipped[i].id == b.skipped[i].id);
    CHECK(a.skipped[i].why == b.skipped[i].why);
  }
}

}  // namespace

TEST_CASE("[backup-reader] read in the smallest steps, a document is what it is read at once: golden, large, odd") {
  std::string many;
  for (int i = 0; i < 300; ++i) {
    if (i) many += ",\n";
    // Brackets, braces, quotes and backslashes inside the words: they are no structure.
    many += rec("r" + std::to_string(i), "a [list] {of} \\\"quoted\\\" words \\\\ ] } " + std::to_string(i));
  }
  const std::string odd = doc(" 7 , " + rec("a") + " , [1,2] , {} , " + rec("a") + ", null", rec("t", "gone\\\"}") ,
                              R"("notes":[{"any":[{"thing":1}]},"text",[]],"app":"0.1.0 [test]",)");
  for (const std::string& text : {test::fixture("backup.v1.json"), doc(many, rec("z")), odd, doc("")}) {
    auto whole = backup::parseDocument(text);
    REQUIRE(whole.isOk());
    int steps = 0;
    bool grew = false;
    auto stepped = readInSteps(text, &steps, &grew);
    REQUIRE(stepped.isOk());
    checkSame(stepped.value(), whole.value());
    CHECK(grew);
  }
  auto big = readInSteps(doc(many, rec("z")));
  CHECK(big.value().records.size() == 300);
  CHECK(big.value().records[7].body.find("a [list] {of}") != std::string::npos);
  // The odd one: scalars, an array and an empty object where records go are left out and named, as is the
  // second "a"; the other list is read only as JSON; the trashed record lacks its deletion time.
  auto o = readInSteps(odd);
  REQUIRE(o.isOk());
  CHECK(o.value().records.size() == 1);
  CHECK(o.value().skipped.size() == 6);
}

TEST_CASE("[backup-reader] what is not JSON anywhere is refused, in whole or in steps, and nothing of it is handed over") {
  const std::string good = doc(rec("a") + "," + rec("b"), "", R"("notes":[{"k":[1,2]}],)");
  REQUIRE(backup::parseDocument(good).isOk());
  const std::vector<std::string> bad = {
      doc(rec("a") + "," + R"({"type":"journal.entry",,"id":"b"})"),          // a record that is not JSON
      doc(rec("a"), "", R"("notes":[{"k":[1,2}]],)"),                       // a list nobody reads, mismatched
      doc(rec("a"), "", R"("notes":[{"k":tru}],)"),                          // the same, a bad word
      doc(rec("a") + "," + rec("b")).substr(0, good.size() / 2),             // cut in the middle of a record
      doc(rec("a")) + "{}",                                                  // two documents
      doc(rec("a") + "]"),                                                   // a closer too many
      doc("{\"type\":\"x\"" + std::string(80, '[') + std::string(80, ']') + "}"),   // nested too deeply
      "{\"toward\":\"backup\",\"records\":[\"unterminated",                 // a string that never ends
  };
  for (const auto& text : bad) {
    CAPTURE(text);
    auto whole = backup::parseDocument(text);
    REQUIRE_FALSE(whole.isOk());
    CHECK(whole.error().kind == BackupErrorKind::NotBackup);
    auto stepped = readInSteps(text);
    REQUIRE_FALSE(stepped.isOk());
    CHECK(stepped.error().kind == BackupErrorKind::NotBackup);
  }
  // Not finished yet: nothing is handed over.
  backup::DocumentReader reader(good);
  double clock = 0;
  CHECK_FALSE(reader.stepFor(0.5, [&] { return clock += 1.0; }));
  CHECK_FALSE(reader.take().isOk());
}

TEST_CASE("[backup-open] a backup opened a part at a time is the one opened at once; a wrong passphrase or damage hands nothing over") {
  auto registry = test::appRegistry();
  std::string many;
  for (int i = 0; i < 200; ++i) many += (i ? "," : "") + rec("r" + std::to_string(i), std::string(300, 'w'));
  const std::string text = doc(many, R"({"type":"journal.entry","id":"t","schema":1,"revision":1,"createdMs":5,"updatedMs":6,"deletedMs":7,"body":{"kind":"free","text":"gone"}})");
  backup::AgeEncryptOptions quick;
  quick.workFactor = 1;
  auto file = backup::ageEncrypt(text, "pass words", quick);
  REQUIRE(file.isOk());
  auto whole = backup::openBackup(file.value(), "pass words", registry);
  REQUIRE(whole.isOk());
  const auto stepwise = [&](const std::string& bytes, const std::string& pass, int* steps) {
    backup::OpenJob job(bytes, pass, registry);
    double clock = 0;
    double last = 0;
    int n = 0;
    while (!job.stepFor(0.5, [&] { return clock += 1.0; })) {
      CHECK(job.progress() >= last);
      last = job.progress();
      CHECK_FALSE(job.take().isOk());   // nothing before it is done
      REQUIRE(++n < 100000);
    }
    *steps = n;
    return job.take();
  };
  int steps = 0;
  auto stepped = stepwise(file.value(), "pass words", &steps);
  REQUIRE(stepped.isOk());
  CHECK(steps > 400);   // the key, 1 chunk of 64 KiB at a time (4 a unit), the scan, 201 records read, 201 checked
  checkSame(stepped.value().doc(), whole.value().doc());
  CHECK(stepped.value().registry() == &registry);
  CHECK(stepped.value().doc().trash.size() == 1);

  CHECK(stepwise(file.value(), "not these", &steps).error().kind == BackupErrorKind::WrongPassphrase);
  std::string cut = file.value().substr(0, file.value().size() - 100);
  const auto cutKind = stepwise(cut, "pass words", &steps).error().kind;   // the last chunk no longer authenticates
  CHECK((cutKind == BackupErrorKind::Damaged || cutKind == BackupErrorKind::Truncated));
  std::string flipped = file.value();
  flipped[flipped.size() / 2] ^= 1;
  CHECK(stepwise(flipped, "pass words", &steps).error().kind == BackupErrorKind::Damaged);
  auto notDoc = backup::ageEncrypt(doc(rec("a") + ",{\"type\":,}"), "pass words", quick);
  CHECK(stepwise(notDoc.value(), "pass words", &steps).error().kind == BackupErrorKind::NotBackup);
}

TEST_CASE("[backup-encoder] a document written a record at a time is the text written at once: the golden file's, byte for byte") {
  const std::string golden = test::fixture("backup.v1.json");
  auto d = backup::parseDocument(golden);
  REQUIRE(d.isOk());
  CHECK(backup::encodeDocument(d.value()) == golden);
  for (const auto& doc : {d.value(), backup::BackupDocument{}}) {
    backup::DocumentEncoder encoder(doc);
    double last = encoder.progress();
    int steps = 0;
    while (!encoder.step(1)) {
      CHECK(encoder.progress() >= last);
      last = encoder.progress();
      CHECK(encoder.take().empty());   // nothing before it is done
      REQUIRE(++steps < 100);
    }
    CHECK(steps == std::max(0, int(doc.records.size() + doc.trash.size()) - 1));   // a record a step
    CHECK(encoder.take() == backup::encodeDocument(doc));
  }
}
