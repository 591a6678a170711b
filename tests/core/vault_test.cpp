// tests/core/vault_test.cpp: sealed records (envelope format 2), key wrapping and re-wrapping, and the
// associated data that binds a sealed record to its place.
#include <doctest/doctest.h>

#include "core/files.h"
#include "core/record_codec.h"
#include "core/record_store.h"
#include "core/vault/vault.h"
#include "test_support.h"

using namespace toward;
using core::vault::DataKey;

namespace {

// The golden fixtures' data key and passphrase (tests/fixtures/README.md).
const std::string kFixtureKey = "toward vault golden fixture key!";
const std::string kFixturePassphrase = "toward golden fixture";
// Quick key derivation for tests (the app uses libsodium's INTERACTIVE: 2 passes, 64 MiB).
const core::vault::KdfParams kQuick{1, 64 * 1024};

core::StoredRecord sample() {
  core::StoredRecord r;
  r.type = "journal.entry";
  r.id = "01ABCDEFGH0123456789";
  r.schema = 1;
  r.revision = 7;
  r.createdMs = 1764000000000;
  r.updatedMs = 1764000005000;
  r.body = R"({"text":"the words nobody else may read"})";
  return r;
}

}  // namespace

TEST_CASE("[vault] a sealed record keeps only what is needed to open it outside, and opens exactly") {
  auto key = DataKey::generate();
  const std::string text = core::encodeSealedEnvelope(sample(), 1764000009000, *key);
  CHECK(core::isSealedText(text));
  CHECK(text.find("nobody else") == std::string::npos);
  CHECK(text.find("1764000005000") == std::string::npos);  // when someone writes is private too
  CHECK(text.find("revision") == std::string::npos);
  auto decoded = core::decodeEnvelope(text, key.get());
  REQUIRE(decoded.isOk());
  CHECK(decoded.value().record.body == sample().body);
  CHECK(decoded.value().record.revision == 7);
  CHECK(decoded.value().record.updatedMs == 1764000005000);
  CHECK(decoded.value().deletedMs == 1764000009000);

  SUBCASE("without the key it is locked, not damaged") {
    auto locked = core::decodeEnvelope(text);
    REQUIRE_FALSE(locked.isOk());
    CHECK(locked.error().code() == core::ErrorCode::Locked);
  }
  SUBCASE("another key does not open it") {
    auto other = DataKey::generate();
    auto wrong = core::decodeEnvelope(text, other.get());
    REQUIRE_FALSE(wrong.isOk());
    CHECK(wrong.error().code() == core::ErrorCode::Locked);
  }
  SUBCASE("a changed outside (type, id or schema) does not open: the associated data binds them") {
    for (auto [from, to] : {std::pair<std::string, std::string>{"01ABCDEFGH0123456789", "01ABCDEFGH0123456780"},
                            {"\"schema\":1", "\"schema\":2"}, {"journal.entry", "journal.other"}}) {
      std::string t = text;
      t.replace(t.find(from), from.size(), to);
      auto moved = core::decodeEnvelope(t, key.get());
      REQUIRE_FALSE(moved.isOk());
      CHECK(moved.error().code() == core::ErrorCode::Locked);
      CHECK(moved.error().message().find("moved here from another place") != std::string::npos);
    }
  }
  SUBCASE("a changed ciphertext does not open") {
    std::string t = text;
    const size_t at = t.find("\"sealed\":\"") + 20;
    t[at] = t[at] == 'A' ? 'B' : 'A';
    CHECK_FALSE(core::decodeEnvelope(t, key.get()).isOk());
  }
}

TEST_CASE("[vault] golden sealed record, sealed side file and vault file (format 1) still open") {
  auto file = core::vault::decodeVaultFile(test::fixture("vault.v1.json"));
  REQUIRE(file.isOk());
  CHECK(file.value().state == core::vault::VaultState::On);
  CHECK(file.value().prefs == R"({"autoLockMinutes":5})");
  auto key = core::vault::unwrapKey(file.value(), kFixturePassphrase);
  REQUIRE(key.isOk());
  auto fixed = DataKey::fromBytes(kFixtureKey);
  CHECK(key.value()->bytes() == fixed->bytes());

  auto decoded = core::decodeEnvelope(test::fixture("envelope.v2.json"), key.value().get());
  REQUIRE(decoded.isOk());
  CHECK(decoded.value().record.type == "journal.entry");
  CHECK(decoded.value().record.id == "01KAYGQ4E0K7W3J9P2QX");
  CHECK(decoded.value().record.revision == 3);
  CHECK(decoded.value().record.body.find("stayed with it") != std::string::npos);

  auto side = core::decodeSideFile("snapshots/1764000000000.json", test::fixture("sealed-file.v1.json"), fixed.get());
  REQUIRE(side.isOk());
  CHECK(side.value() == "{\"toward\":\"backup\",\"note\":\"a safety snapshot\"}\n");
  auto elsewhere = core::decodeSideFile("snapshots/1.json", test::fixture("sealed-file.v1.json"), fixed.get());
  CHECK_FALSE(elsewhere.isOk());
}

TEST_CASE("[vault] wrapping: the right passphrase unwraps the key, a wrong one is refused kindly") {
  auto created = core::vault::createVault("a long walk by the river", kQuick);
  REQUIRE(created.isOk());
  const auto& file = created.value().file;
  CHECK(file.kdf.opslimit == 1);
  auto again = core::vault::decodeVaultFile(core::vault::encodeVaultFile(file));
  REQUIRE(again.isOk());
  auto key = core::vault::unwrapKey(again.value(), "a long walk by the river");
  REQUIRE(key.isOk());
  CHECK(key.value()->bytes() == created.value().key->bytes());
  auto wrong = core::vault::unwrapKey(again.value(), "a long walk by the sea");
  REQUIRE_FALSE(wrong.isOk());
  CHECK(wrong.error().code() == core::ErrorCode::Invalid);

  SUBCASE("re-wrapping keeps the same data key under a new passphrase and a new salt") {
    auto rewrapped = core::vault::rewrapKey(file, *created.value().key, "new words for a new season", kQuick);
    REQUIRE(rewrapped.isOk());
    CHECK(rewrapped.value().salt != file.salt);
    CHECK_FALSE(core::vault::unwrapKey(rewrapped.value(), "a long walk by the river").isOk());
    auto key2 = core::vault::unwrapKey(rewrapped.value(), "new words for a new season");
    REQUIRE(key2.isOk());
    CHECK(key2.value()->bytes() == created.value().key->bytes());
  }
  SUBCASE("changed key settings do not unwrap (they are bound to the wrapped key)") {
    core::vault::VaultFile changed = file;
    changed.kdf.opslimit = 2;
    CHECK_FALSE(core::vault::unwrapKey(changed, "a long walk by the river").isOk());
  }
  SUBCASE("more than 64 MiB for the key derivation is refused") {
    std::string text = core::vault::encodeVaultFile(file);
    text.replace(text.find("\"memlimit\":65536"), 16, "\"memlimit\":134217728");
    CHECK_FALSE(core::vault::decodeVaultFile(text).isOk());
  }
  SUBCASE("a newer vault format is too new, a damaged one invalid") {
    std::string text = core::vault::encodeVaultFile(file);
    text.replace(text.find("\"format\":1"), 10, "\"format\":2");
    auto newer = core::vault::decodeVaultFile(text);
    REQUIRE_FALSE(newer.isOk());
    CHECK(newer.error().code() == core::ErrorCode::TooNew);
    CHECK(core::vault::decodeVaultFile("{\"toward\":\"vault\"").error().code() == core::ErrorCode::Invalid);
  }
  CHECK_FALSE(core::vault::createVault("", kQuick).isOk());
}

TEST_CASE("[vault] in the store: a swapped or moved sealed record fails to open with a clear message, nothing else is affected") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  auto key = DataKey::generate();
  std::string a, b, c;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    store.load();
    store.setSealer(key.get(), true);
    a = store.put("journal.entry", "", R"({"text":"first words"})").value().id;
    clock.nowMs += 10;
    b = store.put("journal.entry", "", R"({"text":"second words"})").value().id;
    clock.nowMs += 10;
    c = store.put("journal.entry", "", R"({"text":"third words"})").value().id;
    store.setSealer(nullptr, false);
  }
  const std::string folder = dir.path() + "/records/journal.entry/";
  // b's file replaced by a's sealed content, which carries a's id outside: it no longer matches its name.
  // And a's sealed text with its outside rewritten to b's id: the associated data does not fit.
  std::string aText = core::files::readFile(folder + a + ".json").value();
  std::string moved = aText;
  moved.replace(moved.find(a), a.size(), b);
  test::writeRaw(folder + b + ".json", moved);

  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.setSealer(key.get(), true);
  auto report = store.load();
  CHECK(report.records == 2);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].path == folder + b + ".json");
  CHECK(report.problems[0].message.find("moved here from another place") != std::string::npos);
  REQUIRE(store.find("journal.entry", a));
  CHECK(store.find("journal.entry", a)->body.find("first words") != std::string::npos);
  CHECK(store.find("journal.entry", c)->body.find("third words") != std::string::npos);
  CHECK(store.find("journal.entry", b) == nullptr);
  // kept exactly as it was, and not replaceable by a save
  CHECK(core::files::readFile(folder + b + ".json").value() == moved);
  CHECK_FALSE(store.put("journal.entry", b, R"({"text":"x"})").isOk());
}
