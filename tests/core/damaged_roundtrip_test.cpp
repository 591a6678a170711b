// tests/core/damaged_roundtrip_test.cpp: a store holding every kind of damage (a truncated file, random
// bytes, JSON that is not a record, a valid envelope whose body has the wrong shape for each record type of
// every plugin, a record of a newer schema and of an unknown type) is loaded with every damaged file
// reported and kept byte for byte; its backup opens in Toward's own import, and brought into a fresh store
// every good record is there exactly and nothing else. A backup holding bad records is not refused whole:
// they are named, the rest comes in, and nothing here with their ids is changed.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/backup/age_format.h"
#include "core/backup/backup_merge.h"
#include "core/files.h"
#include "core/json.h"
#include "core/record_codec.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;

namespace {

// Every top-level field of a body given a value of another kind ("text": 12345, "kind": ["free"]).
std::string wrongShape(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  REQUIRE(doc.IsObject());
  REQUIRE(doc.MemberCount() > 0);
  auto& a = doc.GetAllocator();
  for (auto& m : doc.GetObject()) {
    rapidjson::Value& v = m.value;
    if (v.IsString()) v.SetInt(12345);
    else if (v.IsNumber()) { v.SetArray(); v.PushBack(rapidjson::Value("free", a), a); }
    else if (v.IsBool()) v.SetString("yes", a);
    else if (v.IsArray()) v.SetInt(7);
    else v.SetString("x", a);   // objects and null
  }
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  doc.Accept(w);
  return std::string(sb.GetString(), sb.GetSize());
}

// A body each type reads: its own normalized empty object (every field at its default).
std::string goodBody(const core::RecordType& type) {
  auto body = type.normalize("{}", type.schema);
  REQUIRE_MESSAGE(body.isOk(), type.id);
  return body.value();
}

core::StoredRecord envelopeRecord(const std::string& type, const std::string& id, uint32_t schema, const std::string& body) {
  core::StoredRecord r;
  r.type = type;
  r.id = id;
  r.schema = schema;
  r.revision = 2;
  r.createdMs = 1764000000000;
  r.updatedMs = 1764000001000;
  r.body = body;
  return r;
}

using Files = std::map<std::string, std::string>;

Files allFiles(const std::string& root) {
  Files out;
  auto& fs = core::deviceFiles();
  std::vector<std::string> dirs{root};
  while (!dirs.empty()) {
    const std::string dir = dirs.back();
    dirs.pop_back();
    for (const auto& f : fs.listFiles(dir)) out[dir + "/" + f] = fs.readFile(dir + "/" + f).value();
    for (const auto& d : fs.listDirs(dir)) dirs.push_back(dir + "/" + d);
  }
  return out;
}

using Key = std::tuple<std::string, std::string, bool>;   // type, id, trashed

std::map<Key, core::StoredRecord> everything(const core::RecordStore& store, const core::Registry& registry) {
  std::map<Key, core::StoredRecord> out;
  for (const auto& t : registry.recordTypes()) {
    for (const auto* r : store.list(t.id)) out[{r->type, r->id, false}] = *r;
  }
  for (const auto* t : store.trash()) out[{t->record.type, t->record.id, true}] = t->record;
  return out;
}

bool same(const core::StoredRecord& a, const core::StoredRecord& b) {
  return a.type == b.type && a.id == b.id && a.schema == b.schema && a.revision == b.revision &&
         a.createdMs == b.createdMs && a.updatedMs == b.updatedMs && a.body == b.body;
}

}  // namespace

TEST_CASE("[damage] every kind of damage is reported and kept; the backup opens and brings back every good record exactly") {
  auto registry = test::appRegistry();
  test::FakeClock clock;
  test::TempDir dir;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();

  // Good records: one of every type of every plugin, and one in the trash.
  size_t good = 0;
  for (const auto& type : registry.recordTypes()) {
    auto put = store.put(type.id, "", goodBody(type));
    REQUIRE_MESSAGE(put.isOk(), type.id);
    ++good;
  }
  const std::string journalBody = goodBody(*registry.recordType("journal.entry"));
  auto trashed = store.put("journal.entry", "", journalBody);
  REQUIRE(store.remove("journal.entry", trashed.value().id).isOk());
  const auto before = everything(store, registry);
  REQUIRE(before.size() == good + 1);

  // Damaged files, each of one kind.
  const std::string records = dir.path() + "/records/";
  std::set<std::string> damaged;
  auto plant = [&](const std::string& path, const std::string& text) {
    test::writeRaw(path, text);
    damaged.insert(path);
  };
  const std::string whole = core::encodeEnvelope(envelopeRecord("journal.entry", "01TRUNCATED000000000", 1, journalBody));
  plant(records + "journal.entry/01TRUNCATED000000000.json", whole.substr(0, whole.size() / 2));
  std::string noise;
  for (int i = 0; i < 300; ++i) noise.push_back(char((i * 131 + 7) % 256));
  plant(records + "journal.entry/01RANDOMBYTES0000000.json", noise);
  plant(records + "journal.entry/01NOTARECORD00000000.json", R"({"hello":"world","body":{"kind":"free"}})" "\n");
  plant(records + "journal.entry/01NOTANOBJECT0000000.json", "[1,2,3]\n");
  int n = 0;
  for (const auto& type : registry.recordTypes()) {
    const std::string id = "01WRONGSHAPE" + std::string(n < 10 ? "0000000" : "000000") + std::to_string(n);
    ++n;
    const std::string body = wrongShape(goodBody(type));
    CHECK_FALSE_MESSAGE(type.check(body, type.schema).isOk(), type.id);
    plant(records + type.id + "/" + id + ".json", core::encodeEnvelope(envelopeRecord(type.id, id, type.schema, body)));
  }
  const std::string kindList = R"({"kind":["free"],"title":"T","timeMs":1764000000000,"text":12345})";
  plant(dir.path() + "/trash/journal.entry/01WRONGSHAPETRASH000.json",
        core::encodeEnvelope(envelopeRecord("journal.entry", "01WRONGSHAPETRASH000", 1, kindList), 1764000002000));
  plant(records + "journal.entry/01NEWERSCHEMA0000000.json",
        core::encodeEnvelope(envelopeRecord("journal.entry", "01NEWERSCHEMA0000000", 99, journalBody)));
  plant(records + "future.thing/01UNKNOWNTYPE0000000.json",
        core::encodeEnvelope(envelopeRecord("future.thing", "01UNKNOWNTYPE0000000", 1, R"({"a":1})")));
  const Files onDisk = allFiles(dir.path());

  // Loading reports every damaged file (the "could not be opened" count) and keeps the good ones.
  core::RecordStore again(dir.path(), registry, std::ref(clock));
  const auto report = again.load();
  std::set<std::string> reported;
  for (const auto& p : report.problems) reported.insert(p.path);
  CHECK(reported == damaged);
  CHECK(again.problems().size() == damaged.size());
  const auto loaded = everything(again, registry);
  CHECK(loaded.size() == before.size());
  for (const auto& item : before) {
    const core::StoredRecord& r = item.second;
    CHECK_MESSAGE((loaded.count(item.first) && same(loaded.at(item.first), r)), r.type, " ", r.id);
  }

  // Export, then Toward's own import: nothing refused, nothing skipped.
  auto file = backup::makeBackup(again, registry, "pass", 1);
  REQUIRE(file.isOk());
  auto opened = backup::openBackup(file.value(), "pass", registry);
  REQUIRE(opened.isOk());
  CHECK(opened.value().doc().skipped.empty());

  // Into a fresh store: every good record exactly, nothing else.
  test::TempDir freshDir;
  core::RecordStore fresh(freshDir.path(), registry, std::ref(clock));
  fresh.load();
  auto merged = backup::mergeDocument(fresh, registry, opened.value());
  REQUIRE(merged.isOk());
  CHECK(merged.value().skipped == 0);
  core::RecordStore reread(freshDir.path(), registry, std::ref(clock));
  CHECK(reread.load().problems.empty());
  const auto brought = everything(reread, registry);
  CHECK(brought.size() == before.size());
  for (const auto& item : before) {
    const core::StoredRecord& r = item.second;
    CHECK_MESSAGE((brought.count(item.first) && same(brought.at(item.first), r)), r.type, " ", r.id);
  }

  // The damaged files are still there byte for byte, and nothing else changed either.
  CHECK(allFiles(dir.path()) == onDisk);
}

TEST_CASE("[damage] a backup holding bad records is not refused: they are named, the rest comes in, ours stay as they were") {
  auto registry = test::appRegistry();
  test::FakeClock clock;
  const std::string journalBody = goodBody(*registry.recordType("journal.entry"));
  std::string records;
  auto add = [&](const std::string& text) { records += (records.empty() ? "" : ",\n") + text; };
  auto rec = [](const std::string& type, const std::string& id, const std::string& schema, const std::string& body) {
    return R"({"type":")" + type + R"(","id":")" + id + R"(","schema":)" + schema +
           R"(,"revision":5,"createdMs":1,"updatedMs":2,"body":)" + body + "}";
  };
  add(rec("journal.entry", "01GOOD00000000000000", "1", journalBody));
  add(rec("journal.entry", "01BADBODY00000000000", "1", R"({"kind":["free"],"text":12345})"));
  add(rec("journal.entry", "01NEWER0000000000000", "99", journalBody));
  add(rec("future.thing", "01UNKNOWN00000000000", "1", R"({"a":1})"));
  add(R"({"type":"journal.entry","id":"01NOREVISION00000000","schema":1,"createdMs":1,"updatedMs":2,"body":{}})");
  add(R"("not even an object")");
  add(rec("journal.entry", "01GOOD00000000000000", "1", journalBody));   // twice
  const std::string text = R"({"toward":"backup","format":1,"createdMs":1,"app":"0.1.0","records":[)" + records +
                           R"(],"trash":[)" + rec("letters.letter", "01BADTRASH0000000000", "1", R"({"text":12345})").insert(1, R"("deletedMs":3,)") + "]}";
  auto file = backup::ageEncrypt(text, "pass", {1, false});
  REQUIRE(file.isOk());
  auto opened = backup::openBackup(file.value(), "pass", registry);
  REQUIRE(opened.isOk());
  const auto& doc = opened.value().doc();
  REQUIRE(doc.records.size() == 1);
  CHECK(doc.records[0].id == "01GOOD00000000000000");
  std::set<std::string> skipped;
  for (const auto& s : doc.skipped) {
    skipped.insert(s.id);
    CHECK_FALSE(s.why.empty());
  }
  CHECK(skipped == std::set<std::string>{"", "01BADBODY00000000000", "01NEWER0000000000000", "01UNKNOWN00000000000",
                                         "01NOREVISION00000000", "01GOOD00000000000000", "01BADTRASH0000000000"});
  CHECK(doc.skipped.size() == 7);
  CHECK(backup::previewDocument(opened.value()).skipped == 7);
  // The strict check (toward-cli backup verify) still says the backup is not whole.
  CHECK_FALSE(backup::checkAgainstRegistry(doc, registry).isOk());

  for (auto mode : {backup::ImportJob::Mode::Merge, backup::ImportJob::Mode::Replace}) {
    test::TempDir dir;
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    // Ours, under the id of the bad record: it must stay exactly as it is.
    REQUIRE(store.put("journal.entry", "01BADBODY00000000000", journalBody).isOk());
    const core::StoredRecord ours = *store.find("journal.entry", "01BADBODY00000000000");
    backup::ImportJob job(store, registry, opened.value(), mode);
    const auto& result = job.run();
    REQUIRE(result.isOk());
    CHECK(result.value().skipped == 7);
    CHECK(store.find("journal.entry", "01GOOD00000000000000"));
    REQUIRE(store.find("journal.entry", "01BADBODY00000000000"));
    CHECK(same(*store.find("journal.entry", "01BADBODY00000000000"), ours));
    CHECK_FALSE(store.find("journal.entry", "01NEWER0000000000000"));
    CHECK(store.list("journal.entry").size() == 2);
  }
}
