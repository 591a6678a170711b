// tests/core/vault_migration_test.cpp: turning the vault on and off, interrupted after every single
// file write (a test::StoppingDevice under the store), always leaves every record readable with the right
// passphrase, and nothing lost; locking drops everything from memory.
#include <doctest/doctest.h>
#include <sodium.h>

#include <map>

#include "core/files.h"
#include "core/record_codec.h"
#include "core/record_store.h"
#include "core/vault/vault.h"
#include "plugins/journal/journal_model.h"
#include "plugins/letters/letters_model.h"
#include "plugins/texture_box/texture_box_model.h"
#include "test_support.h"

using namespace toward;
using core::vault::Vault;
using core::vault::VaultStatus;

namespace {

const core::vault::KdfParams kQuick{1, 64 * 1024};
const std::string kPass = "the quiet harbour";

// What the person has: live records with bodies, trashed ones, and a safety snapshot.
struct Contents {
  std::map<std::string, std::string> live, trashed;
  std::string snapshot;
  bool operator==(const Contents& o) const { return live == o.live && trashed == o.trashed && snapshot == o.snapshot; }
};

Contents contentsOf(const core::RecordStore& store) {
  Contents c;
  for (const auto* r : store.list("journal.entry")) c.live[r->id] = r->body;
  for (const auto* t : store.trash()) c.trashed[t->record.id] = t->record.body;
  if (auto s = store.readSideFile("snapshots/1764000000000.json")) c.snapshot = s.value();
  return c;
}

Contents fill(core::RecordStore& store, test::FakeClock& clock) {
  for (int i = 0; i < 5; ++i) {
    clock.nowMs += 1000;
    REQUIRE(store.put("journal.entry", "", "{\"text\":\"private words number " + std::to_string(i) + "\"}").isOk());
  }
  const std::string gone = store.list("journal.entry").front()->id;
  REQUIRE(store.remove("journal.entry", gone));
  REQUIRE(store.writeSideFile("snapshots/1764000000000.json", "{\"toward\":\"backup\",\"private\":\"snapshot words\"}\n"));
  return contentsOf(store);
}

// Every data file under root (records, trash, snapshots): path -> sealed?
std::map<std::string, bool> sealedness(const std::string& root) {
  std::map<std::string, bool> out;
  for (const char* area : {"records/journal.entry", "trash/journal.entry", "snapshots"}) {
    for (const auto& f : core::files::listFiles(root + "/" + area)) {
      out[std::string(area) + "/" + f] = core::isSealedText(core::files::readFile(root + "/" + area + "/" + f).value());
    }
  }
  return out;
}

bool allSealed(const std::string& root, bool sealed) {
  for (const auto& [path, s] : sealedness(root)) {
    if (s != sealed) return false;
  }
  return true;
}

// Opens the data folder as the app does after a reload: returns the contents it can read.
Contents reopen(const std::string& root, const core::Registry& registry, test::FakeClock& clock, VaultStatus& after) {
  core::RecordStore store(root, registry, std::ref(clock));
  Vault vault(store);
  if (vault.open() == VaultStatus::Off) {
    auto report = store.load();
    CHECK(report.problems.empty());
  } else {
    CHECK(vault.unlock("not it", clock.nowMs).code() == core::ErrorCode::Invalid);
    clock.nowMs += 60000;
    REQUIRE(vault.unlock(kPass, clock.nowMs));
    CHECK(store.problems().empty());
  }
  after = vault.status();
  return contentsOf(store);
}

}  // namespace

TEST_CASE("[vault] turning on seals every file; reload finds it locked; unlock finds everything; off opens them again") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  Contents before;
  {
    core::RecordStore store(dir.path(), registry, std::ref(clock));
    Vault vault(store);
    REQUIRE(vault.open() == VaultStatus::Off);
    store.load();
    before = fill(store, clock);
    REQUIRE(vault.enable(kPass, kQuick));
    CHECK(vault.status() == VaultStatus::Unlocked);
    CHECK(allSealed(dir.path(), true));
    CHECK(contentsOf(store) == before);
    // a save while unlocked is sealed at once
    REQUIRE(store.put("journal.entry", "", R"({"text":"written after"})").isOk());
    before = contentsOf(store);
  }
  CHECK(allSealed(dir.path(), true));
  CHECK(core::files::readFile(dir.path() + "/vault.json").value().find("\"state\":\"on\"") != std::string::npos);

  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  REQUIRE(vault.open() == VaultStatus::Locked);
  CHECK(store.locked());
  CHECK(store.count() == 0);
  CHECK_FALSE(store.put("journal.entry", "", R"({"text":"x"})").isOk());

  SUBCASE("the passphrase's key derived elsewhere (the page's key worker) opens it; a wrong one is refused alike") {
    // What web/key_worker.cpp computes: libsodium's Argon2id with the vault's salt and parameters.
    const auto derive = [&](const std::string& pass) {
      core::vault::PassphraseKey k{};
      REQUIRE(crypto_pwhash(k.data(), k.size(), pass.data(), pass.size(),
                            reinterpret_cast<const unsigned char*>(vault.unlockSalt().data()), vault.unlockKdf().opslimit,
                            vault.unlockKdf().memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0);
      return k;
    };
    const auto wrong = derive("wrong");
    auto refused = vault.unlock("", clock.nowMs, Vault::Load::Whole, &wrong);
    CHECK(refused.code() == core::ErrorCode::Invalid);
    CHECK(refused.message().find("did not open") != std::string::npos);
    CHECK(vault.retryAtMs() == clock.nowMs + 1000);
    CHECK(vault.status() == VaultStatus::Locked);
    clock.nowMs += 1000;
    const auto right = derive(kPass);
    REQUIRE(vault.unlock("", clock.nowMs, Vault::Load::Whole, &right));
    CHECK(vault.status() == VaultStatus::Unlocked);
    CHECK(contentsOf(store) == before);
  }
  SUBCASE("wrong passphrases: kind words, a growing pause, and nothing destroyed") {
    auto first = vault.unlock("wrong", clock.nowMs);
    CHECK(first.code() == core::ErrorCode::Invalid);
    CHECK(first.message().find("did not open") != std::string::npos);
    CHECK(vault.retryAtMs() == clock.nowMs + 1000);
    CHECK(vault.unlock(kPass, clock.nowMs + 500).message().find("in a moment") != std::string::npos);
    CHECK_FALSE(vault.unlock("wrong again", clock.nowMs + 1000).isOk());
    CHECK(vault.retryAtMs() == clock.nowMs + 1000 + 2000);
    for (int i = 0; i < 10; ++i) {
      clock.nowMs += 60000;
      CHECK_FALSE(vault.unlock("still wrong", clock.nowMs).isOk());
    }
    CHECK(vault.retryAtMs() == clock.nowMs + 30000);  // capped
    CHECK(allSealed(dir.path(), true));
    clock.nowMs += 30000;
    REQUIRE(vault.unlock(kPass, clock.nowMs));
    CHECK(contentsOf(store) == before);
  }
  SUBCASE("locking drops every record from memory and tells listeners") {
    REQUIRE(vault.unlock(kPass, clock.nowMs));
    int reloads = 0;
    store.addListener([&](const core::RecordChange& c) { reloads += c.kind == core::RecordChange::Kind::Reloaded; });
    vault.lock();
    CHECK(reloads == 1);
    CHECK(vault.status() == VaultStatus::Locked);
    CHECK(store.count() == 0);
    CHECK(store.trash().empty());
    CHECK_FALSE(store.readSideFile("snapshots/1764000000000.json").isOk());
    CHECK_FALSE(store.put("journal.entry", "", R"({"text":"x"})").isOk());
    REQUIRE(vault.unlock(kPass, clock.nowMs));
    CHECK(contentsOf(store) == before);
  }
  SUBCASE("changing the passphrase re-wraps the key: no record file is written") {
    REQUIRE(vault.unlock(kPass, clock.nowMs));
    const auto files = sealedness(dir.path());
    const int64_t recordTime = core::files::modifiedMs(dir.path() + "/snapshots/1764000000000.json");
    CHECK_FALSE(vault.changePassphrase("not the current one", "new harbour", kQuick).isOk());
    REQUIRE(vault.changePassphrase(kPass, "new harbour", kQuick));
    CHECK(core::files::modifiedMs(dir.path() + "/snapshots/1764000000000.json") == recordTime);
    CHECK(sealedness(dir.path()) == files);
    vault.lock();
    CHECK_FALSE(vault.unlock(kPass, clock.nowMs).isOk());
    REQUIRE(vault.unlock("new harbour", clock.nowMs + 1000));
    CHECK(contentsOf(store) == before);
  }
  SUBCASE("turning off asks for the passphrase, then writes everything plain and removes vault.json") {
    REQUIRE(vault.unlock(kPass, clock.nowMs));
    CHECK_FALSE(vault.disable("not it").isOk());
    CHECK(allSealed(dir.path(), true));
    REQUIRE(vault.disable(kPass));
    CHECK(vault.status() == VaultStatus::Off);
    CHECK(allSealed(dir.path(), false));
    CHECK_FALSE(core::files::exists(dir.path() + "/vault.json"));
    CHECK(contentsOf(store) == before);
    REQUIRE(store.put("journal.entry", "", R"({"text":"plain again"})").isOk());
    CHECK(allSealed(dir.path(), false));
  }
}

TEST_CASE("[vault] turning on, interrupted after every single write, loses nothing and finishes at the next unlock") {
  auto registry = test::appRegistry();
  bool completed = false;
  for (int writes = 0; !completed && writes < 100; ++writes) {
    CAPTURE(writes);
    test::TempDir dir;
    test::FakeClock clock;
    Contents before;
    {
      test::StoppingDevice device;
      core::RecordStore store(dir.path(), registry, std::ref(clock), device);
      Vault vault(store);
      vault.open();
      store.load();
      before = fill(store, clock);
      device.stopAfter(writes);
      completed = vault.enable(kPass, kQuick).isOk();
    }
    // "reload": whatever was written is all there is
    VaultStatus after = VaultStatus::Off;
    CHECK(reopen(dir.path(), registry, clock, after) == before);
    if (after == VaultStatus::Unlocked) {
      CHECK(allSealed(dir.path(), true));  // the unlock finished the job
      CHECK(core::files::readFile(dir.path() + "/vault.json").value().find("\"state\":\"on\"") != std::string::npos);
    } else {
      CHECK(writes == 0);  // only when not even vault.json was written
      CHECK(allSealed(dir.path(), false));
    }
  }
  CHECK(completed);
}

TEST_CASE("[vault] turning off, interrupted after every single write, loses nothing and finishes at the next unlock") {
  auto registry = test::appRegistry();
  bool completed = false;
  for (int writes = 0; !completed && writes < 100; ++writes) {
    CAPTURE(writes);
    test::TempDir dir;
    test::FakeClock clock;
    Contents before;
    {
      test::StoppingDevice device;
      core::RecordStore store(dir.path(), registry, std::ref(clock), device);
      Vault vault(store);
      vault.open();
      store.load();
      before = fill(store, clock);
      REQUIRE(vault.enable(kPass, kQuick));
      device.stopAfter(writes);
      completed = vault.disable(kPass).isOk();
    }
    VaultStatus after = VaultStatus::Off;
    CHECK(reopen(dir.path(), registry, clock, after) == before);
    if (writes == 0) {
      CHECK(after == VaultStatus::Unlocked);  // not even "disabling" was written: the vault is still on
      CHECK(allSealed(dir.path(), true));
    } else {
      CHECK(after == VaultStatus::Off);  // the unlock finished turning it off
      CHECK(allSealed(dir.path(), false));
      CHECK_FALSE(core::files::exists(dir.path() + "/vault.json"));
    }
  }
  CHECK(completed);
}

TEST_CASE("[vault] turning off is refused while a sealed file could not be opened (it would stay sealed for good)") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  fill(store, clock);
  REQUIRE(vault.enable(kPass, kQuick));
  // a sealed record from another vault
  auto other = core::vault::DataKey::generate();
  core::StoredRecord foreign{"journal.entry", "01FOREIGN000000000000", 1, 1, 1, 1, R"({"text":"x"})"};
  test::writeRaw(dir.path() + "/records/journal.entry/01FOREIGN000000000000.json", core::encodeSealedEnvelope(foreign, -1, *other));
  vault.lock();
  REQUIRE(vault.unlock(kPass, clock.nowMs));
  REQUIRE(store.problems().size() == 1);
  auto refused = vault.disable(kPass);
  REQUIRE_FALSE(refused.isOk());
  CHECK(refused.message().find("stays on") != std::string::npos);
  CHECK(allSealed(dir.path(), true));
}

TEST_CASE("[vault] preferences live in vault.json, readable while locked, and survive a passphrase change") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  CHECK(vault.prefs().autoLockMinutes == 5);
  REQUIRE(vault.enable(kPass, kQuick));
  REQUIRE(vault.setPrefs({15, true, true}));
  REQUIRE(vault.changePassphrase(kPass, "another", kQuick));
  vault.lock();
  core::RecordStore again(dir.path(), registry, std::ref(clock));
  Vault reopened(again);
  REQUIRE(reopened.open() == VaultStatus::Locked);
  CHECK(reopened.prefs().autoLockMinutes == 15);
  CHECK(reopened.prefs().lockOnHide);
  CHECK(reopened.prefs().discreet);
  CHECK(core::vault::parseVaultPrefs("{\"autoLockMinutes\":-3,\"discreet\":1}").autoLockMinutes == 5);
}

TEST_CASE("[vault] locking makes every plugin model drop what it parsed; unlocking brings it back") {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  journal::JournalModel journalModel(store);
  texture_box::TextureBoxModel box(store);
  journal::JournalEntry entry;
  entry.text = "words for the journal model";
  REQUIRE(journalModel.add(entry).isOk());
  texture_box::TextureObject stone;
  stone.name = "smooth river stone";
  REQUIRE(box.add(stone).isOk());
  letters::LettersModel lettersModel(store);
  auto letterId = lettersModel.create("therapist", "Ana");
  REQUIRE(letterId.isOk());
  letters::Letter letter = *lettersModel.find(letterId.value());
  letter.text = "words for the letters model";
  REQUIRE(lettersModel.save(letterId.value(), letter).isOk());
  REQUIRE(vault.enable(kPass, kQuick));
  REQUIRE(journalModel.size() == 1);
  REQUIRE(box.size() == 1);
  std::vector<core::MetricEvent> metrics;
  journalModel.collectMetrics(metrics);
  box.collectMetrics(metrics);
  CHECK_FALSE(metrics.empty());

  vault.lock();
  CHECK(journalModel.size() == 0);
  CHECK(journalModel.ordered().empty());
  CHECK(box.size() == 0);
  CHECK(box.ordered().empty());
  CHECK(box.sessions().empty());
  CHECK(lettersModel.size() == 0);
  CHECK(lettersModel.revisions(letterId.value()).empty());
  std::vector<core::MetricEvent> whileLocked;
  lettersModel.collectMetrics(whileLocked);
  journalModel.collectMetrics(whileLocked);
  box.collectMetrics(whileLocked);
  CHECK(whileLocked.empty());

  REQUIRE(vault.unlock(kPass, clock.nowMs));
  REQUIRE(journalModel.size() == 1);
  CHECK(journalModel.find(journalModel.ordered().front())->text == "words for the journal model");
  REQUIRE(box.size() == 1);
  CHECK(box.find(box.ordered().front())->name == "smooth river stone");
  REQUIRE(lettersModel.size() == 1);
  CHECK(lettersModel.find(letterId.value())->text == "words for the letters model");
}

TEST_CASE("[vault] stepFirst, right after turning on or off, rewrites the first file at once; then the steps go on") {
  auto registry = test::appRegistry();
  test::TempDir dir;
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  Contents before = fill(store, clock);

  REQUIRE(vault.beginEnable(kPass, kQuick));
  vault.stepFirst();
  CHECK(vault.migrationRunning());
  CHECK(vault.migrationProgress() > 0.0);
  CHECK(vault.migrationProgress() < 1.0);
  while (vault.migrationRunning()) REQUIRE(vault.stepMigration(1).isOk());
  CHECK_FALSE(vault.migrating());
  CHECK(allSealed(dir.path(), true));

  REQUIRE(vault.beginDisable(kPass));
  vault.stepFirst();
  CHECK(vault.migrationProgress() > 0.0);
  while (vault.migrationRunning()) REQUIRE(vault.stepMigration(1).isOk());
  CHECK(allSealed(dir.path(), false));
  CHECK(contentsOf(store) == before);
  // With nothing under way it does nothing.
  vault.stepFirst();
  CHECK(vault.status() == VaultStatus::Off);
}

TEST_CASE("[vault] turning on and off in steps: progress grows, writes in between are kept, a lock part way is finished by unlock") {
  auto registry = test::appRegistry();
  test::TempDir dir;
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  Contents before = fill(store, clock);

  REQUIRE(vault.beginEnable(kPass, kQuick));
  CHECK(vault.migrating());
  CHECK(vault.migrationRunning());
  CHECK(vault.migrationProgress() == 0.0);
  auto first = vault.stepMigration(2);
  REQUIRE(first.isOk());
  CHECK_FALSE(first.value());
  CHECK(vault.migrationProgress() > 0.0);
  CHECK(vault.migrationProgress() < 1.0);
  // Written while the sealing goes on: sealed at once, and kept.
  clock.nowMs += 1000;
  auto added = store.put("journal.entry", "", "{\"text\":\"written while sealing\"}");
  REQUIRE(added.isOk());
  before.live[added.value().id] = added.value().body;
  // Locked part way (auto-lock, quick hide): the unlock finishes it.
  vault.lock();
  CHECK_FALSE(vault.migrationRunning());
  clock.nowMs += 60000;
  REQUIRE(vault.unlock(kPass, clock.nowMs));
  CHECK_FALSE(vault.migrating());
  CHECK(vault.migrationProgress() == 1.0);
  CHECK(contentsOf(store) == before);
  CHECK(allSealed(dir.path(), true));

  REQUIRE(vault.beginDisable(kPass));
  size_t steps = 0;
  for (;;) {
    auto step = vault.stepMigration(1);
    REQUIRE(step.isOk());
    ++steps;
    if (step.value()) break;
  }
  CHECK(steps >= 6);  // one file a step
  CHECK(vault.status() == VaultStatus::Off);
  CHECK_FALSE(vault.migrationRunning());
  CHECK(allSealed(dir.path(), false));
  CHECK_FALSE(core::files::exists(dir.path() + "/vault.json"));
  VaultStatus after = VaultStatus::Locked;
  CHECK(reopen(dir.path(), registry, clock, after) == before);
  CHECK(after == VaultStatus::Off);
}

TEST_CASE("[vault] a stepwise unlock reads the sealed records a part at a time; the models get everything at the end") {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  const Contents before = fill(store, clock);
  journal::JournalModel journalModel(store);
  const size_t entries = journalModel.size();
  REQUIRE(entries > 0);
  REQUIRE(vault.enable(kPass, kQuick));
  vault.lock();
  REQUIRE(journalModel.size() == 0);

  REQUIRE(vault.unlock(kPass, clock.nowMs, Vault::Load::Stepwise));
  CHECK(vault.status() == VaultStatus::Unlocked);
  CHECK(store.opening());
  CHECK(journalModel.size() == 0);   // nothing shown as if complete while the rest is read
  CHECK_FALSE(store.put("journal.entry", "", R"({"text":"too early"})").isOk());   // no writes while opening
  int steps = 0;
  while (!store.loadStep([n = 0]() mutable { return ++n < 2; })) ++steps;
  CHECK(steps >= 2);
  CHECK_FALSE(store.opening());
  CHECK(journalModel.size() == entries);
  CHECK(contentsOf(store) == before);
  CHECK(store.put("journal.entry", "", R"({"text":"after opening"})").isOk());

  SUBCASE("a lock part way ends the opening; the next unlock reads everything again") {
    vault.lock();
    REQUIRE(vault.unlock(kPass, clock.nowMs, Vault::Load::Stepwise));
    REQUIRE(store.loadStep([n = 0]() mutable { return ++n < 2; }) == false);
    vault.lock();
    CHECK_FALSE(store.opening());
    CHECK(journalModel.size() == 0);
    REQUIRE(vault.unlock(kPass, clock.nowMs));   // whole
    CHECK_FALSE(store.opening());
    CHECK(journalModel.size() == entries + 1);
  }
}

TEST_CASE("[vault] with a turning on or off to finish, a stepwise unlock reads the store whole and finishes it") {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  const Contents before = fill(store, clock);
  REQUIRE(vault.beginEnable(kPass, kQuick));
  REQUIRE_FALSE(vault.stepMigration(1).value());   // part way
  vault.lock();
  REQUIRE(vault.unlock(kPass, clock.nowMs, Vault::Load::Stepwise));
  CHECK_FALSE(store.opening());
  CHECK_FALSE(vault.migrationRunning());
  CHECK(allSealed(dir.path(), true));
  CHECK(contentsOf(store) == before);
}

TEST_CASE("[vault] the pause after a wrong passphrase counts from the refusal, not from the start of the key work") {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  vault.open();
  store.load();
  REQUIRE(vault.enable(kPass, kQuick));
  vault.lock();
  // The try began 1.5 s before the refusal (a slow device's key work): the whole 1 s pause is still ahead.
  CHECK_FALSE(vault.unlock("not the one", clock.nowMs - 1500).isOk());
  CHECK(vault.retryAtMs() == clock.nowMs + 1000);
}

TEST_CASE("[vault] turning on, changing the passphrase and turning off with keys made elsewhere (the page's key worker)") {
  // What web/key_worker.cpp computes: libsodium's Argon2id with the given salt and parameters.
  const auto argon = [](const std::string& pass, const std::string& salt, const core::vault::KdfParams& kdf) {
    core::vault::PassphraseKey k{};
    REQUIRE(crypto_pwhash(k.data(), k.size(), pass.data(), pass.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                          kdf.opslimit, kdf.memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0);
    return k;
  };
  const auto finishSteps = [](Vault& vault) {
    for (int i = 0; i < 1000; ++i) {
      auto step = vault.stepMigration(10);
      REQUIRE(step.isOk());
      if (step.value()) return;
    }
    FAIL("the steps did not end");
  };
  auto registry = test::appRegistry();
  test::TempDir dir;
  test::FakeClock clock;
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  Vault vault(store);
  REQUIRE(vault.open() == VaultStatus::Off);
  store.load();
  const Contents before = fill(store, clock);

  // On: the salt chosen first, the key made with it elsewhere; the vault keeps that salt.
  core::vault::DerivedWrap wrap;
  wrap.salt = core::vault::newWrapSalt();
  REQUIRE(wrap.salt.size() == crypto_pwhash_SALTBYTES);
  CHECK(core::vault::newWrapSalt() != wrap.salt);
  wrap.key = argon(kPass, wrap.salt, kQuick);
  REQUIRE(vault.beginEnable(kPass, kQuick, &wrap));
  finishSteps(vault);
  CHECK(vault.unlockSalt() == wrap.salt);
  CHECK(allSealed(dir.path(), true));
  {  // a reload opens it with the passphrase alone, made in place
    VaultStatus after{};
    CHECK(reopen(dir.path(), registry, clock, after) == before);
    CHECK(after == VaultStatus::Unlocked);
  }

  // Change: a current key that does not fit, or a new salt of the wrong size, changes nothing.
  const std::string fileBefore = core::files::readFile(dir.path() + "/vault.json").value();
  core::vault::DerivedWrap next;
  next.salt = core::vault::newWrapSalt();
  next.key = argon("new harbour", next.salt, kQuick);
  const auto wrongCurrent = argon("not it", vault.unlockSalt(), vault.unlockKdf());
  auto refused = vault.changePassphrase("", "new harbour", kQuick, &wrongCurrent, &next);
  CHECK(refused.code() == core::ErrorCode::Invalid);
  CHECK(refused.message().find("did not fit") != std::string::npos);
  const auto rightCurrent = argon(kPass, vault.unlockSalt(), vault.unlockKdf());
  core::vault::DerivedWrap shortSalt = next;
  shortSalt.salt = "short";
  CHECK_FALSE(vault.changePassphrase("", "new harbour", kQuick, &rightCurrent, &shortSalt).isOk());
  CHECK(core::files::readFile(dir.path() + "/vault.json").value() == fileBefore);
  REQUIRE(vault.changePassphrase("", "new harbour", kQuick, &rightCurrent, &next));
  CHECK(vault.unlockSalt() == next.salt);
  vault.lock();
  clock.nowMs += 60000;
  CHECK(vault.unlock(kPass, clock.nowMs).code() == core::ErrorCode::Invalid);
  clock.nowMs += 60000;
  REQUIRE(vault.unlock("new harbour", clock.nowMs));   // made in place: the same key as the one made elsewhere
  CHECK(contentsOf(store) == before);

  // Off: a key that does not fit keeps it on; the right one opens every file for good.
  const auto wrongOff = argon(kPass, vault.unlockSalt(), vault.unlockKdf());
  CHECK(vault.beginDisable("", &wrongOff).code() == core::ErrorCode::Invalid);
  CHECK(vault.status() == VaultStatus::Unlocked);
  const auto rightOff = argon("new harbour", vault.unlockSalt(), vault.unlockKdf());
  REQUIRE(vault.beginDisable("", &rightOff));
  finishSteps(vault);
  CHECK(vault.status() == VaultStatus::Off);
  CHECK(allSealed(dir.path(), false));
  CHECK(contentsOf(store) == before);
}
