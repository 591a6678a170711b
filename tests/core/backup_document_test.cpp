// tests/core/backup_document_test.cpp: the backup document: built from a store, parsed back, validated
// with limits, checked against the registry, previewed; the golden document loads forever.
#include <doctest/doctest.h>

#include <string>

#include "core/backup/backup_document.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;
using backup::BackupErrorKind;

namespace {

const std::string kEntry = R"({"kind":"free","title":"T","timeMs":1764000000000,"text":"words"})";

BackupErrorKind parseFailure(const std::string& text) {
  auto r = backup::parseDocument(text);
  REQUIRE_FALSE(r.isOk());
  return r.error().kind;
}

std::string doc(const std::string& records, const std::string& trash = "", const std::string& format = "1") {
  return R"({"toward":"backup","format":)" + format + R"(,"createdMs":1,"records":[)" + records + R"(],"trash":[)" + trash + "]}";
}

std::string rec(const std::string& id, const std::string& extra = "") {
  return R"({"type":"journal.entry","id":")" + id +
         R"(","schema":1,"revision":1,"createdMs":5,"updatedMs":6,)" + extra + R"("body":{"kind":"free","text":"x"}})";
}

}  // namespace

TEST_CASE("[backup-doc] the golden document v1 loads forever, with its preview") {
  auto d = backup::parseDocument(test::fixture("backup.v1.json"));
  REQUIRE(d.isOk());
  CHECK(d.value().format == 1);
  CHECK(d.value().records.size() == 3);
  CHECK(d.value().trash.size() == 1);
  CHECK(d.value().trash[0].deletedMs == 1764093600000);
  auto registry = test::appRegistry();
  CHECK(backup::checkAgainstRegistry(d.value(), registry).isOk());
  const auto p = backup::previewDocument(d.value());
  CHECK(p.records == 3);
  CHECK(p.trashed == 1);
  CHECK(p.byPlugin.at("journal") == 2);
  CHECK(p.byPlugin.at("core") == 1);
  CHECK(p.byType.at("journal.entry") == 2);
  CHECK(p.words == 2);   // the settings are not words
  CHECK(p.trashByType.at("journal.entry") == 1);
  CHECK(p.firstMs == 1764000000000);
  CHECK(p.lastMs == 1764086400000);
  // A setting changed later does not move when the words were written.
  auto later = d.value();
  for (auto& r : later.records) {
    if (r.type.rfind("core.", 0) == 0) r.updatedMs = r.createdMs = 1799999999999;
  }
  CHECK(backup::previewDocument(later).lastMs == 1764086400000);
  CHECK(backup::previewDocument(later).firstMs == 1764000000000);
}

TEST_CASE("[backup-doc] everything in a store survives a round trip: records, trash, settings, revisions, times") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  auto a = store.put("journal.entry", "", kEntry).value();
  clock.nowMs += 1000;
  store.put("journal.entry", a.id, R"({"kind":"free","text":"changed"})");
  auto b = store.put("journal.entry", "", kEntry).value();
  store.remove("journal.entry", b.id);
  store.put("core.settings", "app", R"({"theme":"dark"})");
  const auto original = backup::documentFromStore(store, registry, clock.nowMs);
  const std::string text = backup::encodeDocument(original);
  auto parsed = backup::parseDocument(text);
  REQUIRE(parsed.isOk());
  const auto& d = parsed.value();
  REQUIRE(d.records.size() == 2);
  REQUIRE(d.trash.size() == 1);
  CHECK(d.createdMs == clock.nowMs);
  const core::StoredRecord* live = store.find("journal.entry", a.id);
  bool found = false;
  for (const auto& r : d.records) {
    if (r.id != a.id) continue;
    found = true;
    CHECK(r.revision == 2);
    CHECK(r.body == live->body);
    CHECK(r.createdMs == live->createdMs);
    CHECK(r.updatedMs == live->updatedMs);
  }
  CHECK(found);
  CHECK(d.trash[0].record.id == b.id);
  CHECK(d.trash[0].deletedMs == clock.nowMs);
  CHECK(backup::encodeDocument(d) == text);  // stable: the same data encodes to the same text
}

TEST_CASE("[backup-doc] what is not a backup document is refused with its own reason") {
  CHECK(parseFailure("") == BackupErrorKind::NotBackup);
  CHECK(parseFailure("not json") == BackupErrorKind::NotBackup);
  CHECK(parseFailure("[1,2]") == BackupErrorKind::NotBackup);
  CHECK(parseFailure(R"({"toward":"record","format":1})") == BackupErrorKind::NotBackup);
  CHECK(parseFailure(doc(rec("a")) + "x") == BackupErrorKind::NotBackup);
  // One record that does not read never refuses the document: it is left out and named, the rest is kept.
  auto skipsOne = [](const std::string& text, const std::string& id) {
    auto d = backup::parseDocument(text);
    REQUIRE(d.isOk());
    REQUIRE(d.value().skipped.size() == 1);
    CHECK(d.value().skipped[0].id == id);
    CHECK_FALSE(d.value().skipped[0].why.empty());
    CHECK(d.value().records.size() + d.value().trash.size() == 1);
  };
  skipsOne(doc(rec("a") + "," + rec("a")), "a");                                    // the same record twice
  skipsOne(doc(rec("a/b") + "," + rec("b")), "a/b");                                // an id that is not a file name
  skipsOne(doc(R"({"type":"journal.entry","id":"a","schema":1,"revision":1,"createdMs":1,"updatedMs":1},)" + rec("b")),
           "a");                                                                    // no body
  skipsOne(doc(rec("b"), rec("a")), "a");                                           // trash without deletedMs
  CHECK(parseFailure(doc(rec("a"), "", "0")) == BackupErrorKind::NotBackup);
  CHECK(parseFailure(doc(rec("a"), "", "\"1\"")) == BackupErrorKind::NotBackup);
  CHECK(backup::parseDocument(doc(rec("a"), rec("a", R"("deletedMs":9,)"))).isOk());  // live and trashed copies may coexist
}

TEST_CASE("[backup-doc] a newer backup format is refused as newer, not as damage") {
  auto r = backup::parseDocument(doc(rec("a"), "", "2"));
  REQUIRE_FALSE(r.isOk());
  CHECK(r.error().kind == BackupErrorKind::UnsupportedVersion);
  CHECK(r.error().exitCode() == 6);
  CHECK(r.error().message().find("newer version") != std::string::npos);
}

TEST_CASE("[backup-doc] limits: deep nesting is refused without recursion") {
  std::string deep = R"({"toward":"backup","format":1,"createdMs":1,"records":[],"trash":[],"x":)";
  deep += std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK(parseFailure(deep) == BackupErrorKind::NotBackup);
  std::string nestedBody = rec("a");
  nestedBody.replace(nestedBody.find(R"("x")"), 3, std::string(70, '[') + std::string(70, ']'));
  CHECK(parseFailure(doc(nestedBody)) == BackupErrorKind::NotBackup);
}

TEST_CASE("[backup-doc] the registry check: unknown types and newer schemas are newer versions, bad bodies are not backups") {
  auto registry = test::appRegistry();
  auto check = [&](const std::string& text) {
    auto d = backup::parseDocument(text);
    REQUIRE(d.isOk());
    return backup::checkAgainstRegistry(d.value(), registry);
  };
  CHECK(check(doc(rec("a"))).isOk());
  std::string unknown = rec("a");
  unknown.replace(unknown.find("journal.entry"), 13, "someday.thing");
  CHECK(check(doc(unknown)).error().kind == BackupErrorKind::UnsupportedVersion);
  std::string newer = rec("a");
  newer.replace(newer.find(R"("schema":1)"), 10, R"("schema":99)");
  CHECK(check(doc(newer)).error().kind == BackupErrorKind::UnsupportedVersion);
  std::string badBody = rec("a");
  badBody.replace(badBody.find(R"("text":"x")"), 10, R"("text":12)");
  CHECK(check(doc(badBody)).error().kind == BackupErrorKind::NotBackup);
}

TEST_CASE("[backup-doc] numbers are read exactly without rapidjson's full-precision path") {
  // Integers at the edges of int64/uint64, and doubles that need correct rounding, inside a body.
  const std::string body =
      R"({"kind":"free","text":"x","n":[9223372036854775807,-9223372036854775808,18446744073709551615,0,-0,)"
      R"(4294967296,-2147483649,0.1,5e-324,2.2250738585072014e-308,1.7976931348623157e308,0.30000000000000004,)"
      R"(123456789012345678901234567890,1E2,-0.0,0E222,0e-99999]})";
  const std::string text = R"({"toward":"backup","format":1,"createdMs":-9223372036854775808,"records":[)"
                           R"({"type":"journal.entry","id":"a","schema":1,"revision":18446744073709551615,)"
                           R"("createdMs":9223372036854775807,"updatedMs":-1,"body":)" + body + R"(}],"trash":[]})";
  auto d = backup::parseDocument(text);
  REQUIRE(d.isOk());
  CHECK(d.value().createdMs == INT64_MIN);
  CHECK(d.value().records[0].revision == UINT64_MAX);
  CHECK(d.value().records[0].createdMs == INT64_MAX);
  CHECK(d.value().records[0].body ==
        R"({"kind":"free","text":"x","n":[9223372036854775807,-9223372036854775808,18446744073709551615,0,0,)"
        R"(4294967296,-2147483649,0.1,5e-324,2.2250738585072014e-308,1.7976931348623157e308,0.30000000000000007,)"
        R"(1.2345678901234568e29,100.0,-0.0,0.0,0.0]})");   // (rapidjson's writer: the same double, not the shortest text)
  // Encoding and reading again gives the same text (what the fuzzer checks).
  const std::string once = backup::encodeDocument(d.value());
  auto again = backup::parseDocument(once);
  REQUIRE(again.isOk());
  CHECK(backup::encodeDocument(again.value()) == once);
  // A number too big for a double is refused like any other broken JSON.
  auto big = backup::parseDocument(doc(rec("b", R"("extra":1e400,)")));
  REQUIRE_FALSE(big.isOk());
  CHECK(big.error().kind == BackupErrorKind::NotBackup);
  // The input the fuzzer found (a zero with a huge exponent, then garbage) is simply not JSON.
  CHECK(parseFailure("{\"t\xff\xff\xff\xffowdMs\":0E222/222\xff\xff:-7\"\n       te") == BackupErrorKind::NotBackup);
}
