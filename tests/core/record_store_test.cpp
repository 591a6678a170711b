// tests/core/record_store_test.cpp: one file per record, the trash, and loading that never fails whole.
#include <doctest/doctest.h>

#include <map>

#include "core/files.h"
#include "core/record_codec.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;

namespace {

const std::string kType = "journal.entry";

// content and modification time of every file under the store's root, by path
std::map<std::string, std::string> snapshot(const std::string& root) {
  std::map<std::string, std::string> out;
  for (const char* area : {"/records", "/trash"}) {
    for (const auto& t : core::files::listDirs(root + area)) {
      for (const auto& f : core::files::listFiles(root + area + "/" + t)) {
        const std::string p = root + area + "/" + t + "/" + f;
        out[p] = std::to_string(core::files::modifiedMs(p)) + ":" + core::files::readFile(p).value();
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("[store] saving creates a record that a fresh store loads back") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  std::string id;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    auto saved = store.put(kType, "", R"({"text":"I noticed the longing and stayed.","kind":"free"})");
    REQUIRE(saved.isOk());
    id = saved.value().id;
    CHECK(saved.value().revision == 1);
    CHECK(store.generation() == 1);
  }
  core::RecordStore again(dir.path(), registry, std::ref(clock));
  auto report = again.load();
  CHECK(report.records == 1);
  CHECK(report.problems.empty());
  const core::StoredRecord* r = again.find(kType, id);
  REQUIRE(r != nullptr);
  CHECK(r->body.find("I noticed the longing and stayed.") != std::string::npos);
}

TEST_CASE("[store] saving one record writes exactly one file, whatever the size of the store") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) ids.push_back(store.put(kType, "", R"({"text":"entry"})").value().id);
  const auto before = snapshot(dir.path());
  REQUIRE(store.put(kType, ids[150], R"({"text":"changed"})").isOk());
  const auto after = snapshot(dir.path());
  REQUIRE(before.size() == after.size());
  int changed = 0;
  for (const auto& [path, state] : after) changed += before.at(path) != state ? 1 : 0;
  CHECK(changed == 1);
  CHECK(store.find(kType, ids[150])->revision == 2);
}

TEST_CASE("[store] saving an unchanged body writes nothing") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  auto id = store.put(kType, "", R"({"text":"same"})").value().id;
  const auto gen = store.generation();
  REQUIRE(store.put(kType, id, R"({"text":"same"})").isOk());
  CHECK(store.generation() == gen);
  CHECK(store.find(kType, id)->revision == 1);
}

TEST_CASE("[store] deleting moves to the trash, which restores, and expires after 30 days") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  auto id = store.put(kType, "", R"({"text":"keep me"})").value().id;

  REQUIRE(store.remove(kType, id));
  CHECK(store.find(kType, id) == nullptr);
  REQUIRE(store.trash().size() == 1);
  CHECK(store.trash()[0]->deletedMs == clock.nowMs);
  CHECK_FALSE(core::files::exists(dir.path() + "/records/" + kType + "/" + id + ".json"));

  SUBCASE("restore brings it back with its words") {
    REQUIRE(store.restore(kType, id));
    REQUIRE(store.find(kType, id) != nullptr);
    CHECK(store.find(kType, id)->body.find("keep me") != std::string::npos);
    CHECK(store.trash().empty());
  }
  SUBCASE("the trash survives a reload") {
    core::RecordStore again(dir.path(), registry, std::ref(clock));
    CHECK(again.load().trashed == 1);
    CHECK(again.trash()[0]->record.id == id);
  }
  SUBCASE("within 30 days nothing expires; after, it is gone for good") {
    clock.nowMs += 29 * core::kDayMs;
    CHECK(store.purgeExpired() == 0);
    clock.nowMs += 2 * core::kDayMs;
    CHECK(store.purgeExpired() == 1);
    CHECK(store.trash().empty());
    CHECK_FALSE(core::files::exists(dir.path() + "/trash/" + kType + "/" + id + ".json"));
  }
}

TEST_CASE("[store] a crash between writing the trash copy and removing the record loses nothing") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  auto saved = store.put(kType, "", R"({"text":"both places"})").value();
  // what remove() writes first, without its second step
  test::writeRaw(dir.path() + "/trash/" + kType + "/" + saved.id + ".json", core::encodeEnvelope(saved, clock.nowMs));
  core::RecordStore again(dir.path(), registry, std::ref(clock));
  auto report = again.load();
  CHECK(report.records == 1);
  CHECK(report.trashed == 1);
}

TEST_CASE("[store] damaged, foreign and newer files are reported, skipped and left untouched") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    store.put(kType, "", R"({"text":"a good entry"})");
  }
  const std::string damaged = dir.path() + "/records/" + kType + "/BROKEN.json";
  const std::string foreign = dir.path() + "/records/garden.plant/01KAYGQ4E0K7W3J9P2QX.json";
  const std::string newer = dir.path() + "/records/" + kType + "/NEWER.json";
  test::writeRaw(damaged, "{\"toward\":\"record\",\"format\":1,\"ty");
  test::writeRaw(foreign, test::fixture("envelope.v1.json"));
  std::string future = core::encodeEnvelope({kType, "NEWER", 99, 1, 0, 0, "{}"});
  test::writeRaw(newer, future);
  test::writeRaw(dir.path() + "/records/" + kType + "/half.json.tmp", "{");

  core::RecordStore store(dir.path(), registry, std::ref(clock));
  auto report = store.load();
  CHECK(report.records == 1);
  CHECK(report.problems.size() == 3);
  CHECK(core::files::readFile(damaged).value() == "{\"toward\":\"record\",\"format\":1,\"ty");
  CHECK(core::files::readFile(newer).value() == future);
  SUBCASE("and can never be overwritten by a save") {
    auto s = store.put(kType, "NEWER", R"({"text":"x"})");
    CHECK_FALSE(s.isOk());
    CHECK(core::files::readFile(newer).value() == future);
  }
  SUBCASE("until it is gone: a file taken away elsewhere (another tab, a restore) frees its id at the next load") {
    REQUIRE(core::files::removeFile(newer).isOk());
    store.load();
    CHECK(store.problems().size() == 2);
    CHECK(store.put(kType, "NEWER", R"({"text":"x"})").isOk());
  }
}

TEST_CASE("[store] bad input changes nothing and says why") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  CHECK(store.put("nope.type", "", "{}").error().code() == core::ErrorCode::Invalid);
  CHECK(store.put(kType, "../escape", "{}").error().code() == core::ErrorCode::Invalid);
  auto wrongType = store.put(kType, "", R"({"text":42})");
  CHECK(wrongType.error().code() == core::ErrorCode::Invalid);
  CHECK(wrongType.error().message() == "This journal entry could not be saved: one of its fields holds a different kind of value than expected.");
  auto notJson = store.put(kType, "", "{not json");
  CHECK(notJson.error().message().find("it is not valid JSON") != std::string::npos);
  CHECK(notJson.error().message().find("rapidjson") == std::string::npos);
  CHECK(store.put(kType, "", "[1,2]").error().code() == core::ErrorCode::Invalid);
  CHECK(store.count() == 0);
  CHECK(store.generation() == 0);
  CHECK(snapshot(dir.path()).empty());
}

TEST_CASE("[store] a read-only store (another tab writes) refuses every change") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  auto id = store.put(kType, "", R"({"text":"x"})").value().id;
  store.setReadOnly("Toward is open in another tab.");
  CHECK(store.put(kType, "", R"({"text":"y"})").error().code() == core::ErrorCode::ReadOnly);
  CHECK(store.remove(kType, id).code() == core::ErrorCode::ReadOnly);
  CHECK(store.count() == 1);
  store.setReadOnly("");
  CHECK(store.put(kType, "", R"({"text":"y"})").isOk());
}

TEST_CASE("[store] listeners hear every change") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  std::vector<core::RecordChange::Kind> heard;
  int h = store.addListener([&](const core::RecordChange& c) { heard.push_back(c.kind); });
  auto id = store.put(kType, "", R"({"text":"x"})").value().id;
  store.remove(kType, id);
  store.restore(kType, id);
  store.removeListener(h);
  store.put(kType, "", R"({"text":"y"})");
  using K = core::RecordChange::Kind;
  CHECK(heard == std::vector<K>{K::Saved, K::Removed, K::Restored});
}

TEST_CASE("[store] adopting keeps a record's own revision and times, and replaces a trashed copy") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  auto saved = store.put(kType, "", R"({"text":"first words","kind":"free"})");
  REQUIRE(saved.isOk());
  const std::string id = saved.value().id;
  REQUIRE(store.remove(kType, id).isOk());
  int reloads = 0;
  store.addListener([&](const core::RecordChange& c) { reloads += c.kind == core::RecordChange::Kind::Reloaded; });

  core::StoredRecord incoming = saved.value();
  incoming.revision = 7;
  incoming.createdMs = 1000;
  incoming.updatedMs = 2000;
  incoming.body = R"({"kind":"free","text":"words from another device"})";
  REQUIRE(store.adopt(incoming).isOk());
  CHECK(reloads == 0);  // batches announce once
  store.announceReload();
  CHECK(reloads == 1);
  CHECK(store.trash().empty());

  core::RecordStore fresh(dir.path(), registry, std::ref(clock));
  auto report = fresh.load();
  CHECK(report.records == 1);
  CHECK(report.trashed == 0);
  const core::StoredRecord* back = fresh.find(kType, id);
  REQUIRE(back);
  CHECK(back->revision == 7);
  CHECK(back->createdMs == 1000);
  CHECK(back->updatedMs == 2000);

  REQUIRE(fresh.discard(kType, id, false).isOk());
  CHECK(fresh.find(kType, id) == nullptr);
  core::RecordStore again(dir.path(), registry, std::ref(clock));
  CHECK(again.load().records == 0);
}

TEST_CASE("[store] side files are written atomically under the root and listed") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.load();
  const auto before = store.generation();
  REQUIRE(store.writeSideFile("snapshots/1.json", "{\"a\":1}").isOk());
  CHECK(store.generation() == before + 1);
  CHECK(store.readSideFile("snapshots/1.json").value() == "{\"a\":1}");
  CHECK(store.listSideFiles("snapshots") == std::vector<std::string>{"1.json"});
  REQUIRE(store.removeSideFile("snapshots/1.json").isOk());
  CHECK(store.listSideFiles("snapshots").empty());
  store.setReadOnly("another tab is saving");
  CHECK_FALSE(store.writeSideFile("snapshots/2.json", "{}").isOk());
}

TEST_CASE("[store] the detail of files that could not be opened names each file with its own reason") {
  std::vector<toward::core::LoadProblem> problems;
  problems.push_back({"/data/records/journal.entry/a.json", "the record is damaged (Invalid value.)"});
  problems.push_back({"/data/records/letters.letter/b.json", "this record was written by a newer version of Toward"});
  const std::string two = toward::core::describeLoadProblems(problems);
  CHECK(two.find("a.json: the record is damaged (Invalid value.)") != std::string::npos);
  CHECK(two.find("b.json: this record was written by a newer version of Toward") != std::string::npos);
  for (int i = 0; i < 20; ++i) problems.push_back({"/data/x" + std::to_string(i) + ".json", "damaged"});
  const std::string many = toward::core::describeLoadProblems(problems, 12);
  CHECK(many.find("... and 10 more") != std::string::npos);
}

TEST_CASE("[store] a model's own body is written as it is (putOwn): not read again, and loaded back like any other") {
  test::TempDir dir;
  core::Registry registry;
  int normalized = 0;
  core::RecordType type;
  type.id = "test.note";
  type.noun = "note";
  type.normalize = [&normalized](const std::string& body, uint32_t) -> core::Result<std::string> {
    ++normalized;
    return core::compactJsonObject(body);
  };
  REQUIRE(registry.addRecordType(type));
  test::FakeClock clock;
  std::string id;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    std::vector<core::RecordChange> heard;
    store.addListener([&](const core::RecordChange& c) { heard.push_back(c); });
    auto saved = store.putOwn("test.note", "", R"({"text":"my own words"})");
    REQUIRE(saved.isOk());
    id = saved.value().id;
    CHECK(normalized == 0);
    CHECK(saved.value().revision == 1);
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].kind == core::RecordChange::Kind::Saved);
    // The same body again: nothing written.
    const uint64_t generation = store.generation();
    REQUIRE(store.putOwn("test.note", id, R"({"text":"my own words"})").isOk());
    CHECK(store.generation() == generation);
    auto again = store.putOwn("test.note", id, R"({"text":"my own words, more of them"})");
    REQUIRE(again.isOk());
    CHECK(again.value().revision == 2);
    CHECK(normalized == 0);
    // put() still reads a body from elsewhere into the type's form.
    REQUIRE(store.put("test.note", "", R"({ "text" : "from elsewhere" })").isOk());
    CHECK(normalized == 1);
    CHECK_FALSE(store.putOwn("test.unknown", "", "{}").isOk());
    CHECK_FALSE(store.putOwn("test.note", "not an id/..", "{}").isOk());
  }
  core::RecordStore fresh(dir.path(), registry, std::ref(clock));
  auto report = fresh.load();
  CHECK(report.problems.empty());
  REQUIRE(fresh.find("test.note", id) != nullptr);
  CHECK(fresh.find("test.note", id)->body == R"({"text":"my own words, more of them"})");
}

TEST_CASE("[store] at load, a body in this version's layout is checked by its type's reader: a damaged one is refused and kept") {
  // The start reads such envelopes without parsing their bodies (readCanonicalEnvelope); the journal's reader
  // then parses each body once and must refuse any that is not one JSON object, as the full decode would.
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  std::string goodId;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    goodId = store.put(kType, "", R"({"text":"a good entry"})").value().id;
  }
  const std::string head = R"({"toward":"record","format":1,"type":"journal.entry","id":")";
  const std::string members = R"(","schema":1,"revision":1,"createdMs":1,"updatedMs":1,"body":)";
  const std::vector<std::pair<std::string, std::string>> damaged = {
      {"DAMAGEDA", R"({"text":"a}})"},                  // cut inside a string, still ending in }}
      {"DAMAGEDB", R"({"text":"a"} {}})"},             // something after the body
      {"DAMAGEDC", R"({"text":"a"}},"more":{"x":1}})"}, // the body closed early
      {"DAMAGEDD", R"({"text":"a",}})"},
      {"DAMAGEDE", R"({"text":"a"]}})"},
  };
  std::map<std::string, std::string> written;
  for (const auto& [id, rest] : damaged) {
    const std::string text = head + id + members + rest + "\n";
    CAPTURE(text);
    core::DecodedEnvelope fast;
    std::string taken = text;
    CHECK(core::readCanonicalEnvelope(taken, fast));   // taken by the fast read...
    CHECK_FALSE(core::decodeEnvelope(text).isOk());   // ...though it is not a valid envelope
    const std::string path = dir.path() + "/records/" + kType + "/" + id + ".json";
    test::writeRaw(path, text);
    written[path] = text;
  }
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  auto report = store.load();
  CHECK(report.records == 1);
  CHECK(report.problems.size() == damaged.size());
  REQUIRE(store.find(kType, goodId));
  CHECK(store.find(kType, goodId)->body.find("a good entry") != std::string::npos);
  for (const auto& [id, rest] : damaged) CHECK_FALSE(store.find(kType, id));
  for (const auto& [path, text] : written) CHECK(core::files::readFile(path).value() == text);
  auto refused = store.put(kType, "DAMAGEDA", R"({"text":"over it"})");
  CHECK_FALSE(refused.isOk());
  CHECK(core::files::readFile(dir.path() + "/records/" + kType + "/DAMAGEDA.json").value() == written.begin()->second);
}

TEST_CASE("[store] a type with a reader has each body parsed once at load, handed to its model once, never stale") {
  // The start at 10,000 journal entries parsed every body twice: once to check it, once for the journal.
  test::TempDir dir;
  int reads = 0, checks = 0;
  core::Registry registry;
  core::RecordType type;
  type.id = "test.note";
  type.noun = "note";
  type.normalize = [](const std::string& body, uint32_t) -> core::Result<std::string> { return body; };
  type.check = [&](const std::string& body, uint32_t) -> core::Status {
    ++checks;
    return body.find("damaged") == std::string::npos ? core::Status::ok() : core::Status{core::ErrorCode::Invalid, "damaged"};
  };
  type.read = [&](const std::string& body, uint32_t) -> core::Result<std::shared_ptr<void>> {
    ++reads;
    if (body.find("damaged") != std::string::npos) return core::Status{core::ErrorCode::Invalid, "damaged"};
    return std::shared_ptr<void>(std::make_shared<std::string>("read:" + body));
  };
  REQUIRE(registry.addRecordType(type));
  test::FakeClock clock;
  std::vector<std::string> ids;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    for (int i = 0; i < 3; ++i) ids.push_back(store.put("test.note", "", R"({"n":)" + std::to_string(i) + "}").value().id);
    const std::string trashed = store.put("test.note", "", R"({"n":9})").value().id;
    REQUIRE(store.remove("test.note", trashed));
    REQUIRE(store.put("test.note", "", R"({"damaged":1})"));
  }
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  reads = checks = 0;
  auto report = store.load();
  CHECK(report.records == 3);
  CHECK(report.problems.size() == 1);   // the damaged body: refused by the reader as the check would
  CHECK(reads == 4);                    // each live record once (the damaged one too)
  CHECK(checks == 1);                   // only the trashed record, which no model shows, is checked instead
  auto first = store.takeRead<std::string>("test.note", ids[0]);
  REQUIRE(first);
  CHECK(*first == "read:" + store.find("test.note", ids[0])->body);
  CHECK_FALSE(store.takeRead<std::string>("test.note", ids[0]));   // handed over once
  // A record changed since the load is read afresh by its model: what the load read is stale.
  REQUIRE(store.put("test.note", ids[1], R"({"n":"changed"})"));
  CHECK_FALSE(store.takeRead<std::string>("test.note", ids[1]));
  // Let go of together when the models are made.
  store.dropReadAtLoad();
  CHECK_FALSE(store.takeRead<std::string>("test.note", ids[2]));
  // A second load (another tab wrote) keeps them for the listeners of its Reloaded change, then lets go.
  std::shared_ptr<std::string> seenByListener;
  store.addListener([&](const core::RecordChange& c) {
    if (c.kind == core::RecordChange::Kind::Reloaded) seenByListener = store.takeRead<std::string>("test.note", ids[2]);
  });
  store.load();
  REQUIRE(seenByListener);
  CHECK(*seenByListener == "read:" + store.find("test.note", ids[2])->body);
  CHECK_FALSE(store.takeRead<std::string>("test.note", ids[0]));
}
