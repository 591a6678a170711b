// tests/core/store_opening_test.cpp: opening the store a few files at a time (the app's start with many
// records): the settings first, writes held until the last file is read, nothing partial taken as whole.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/files.h"
#include "core/record_store.h"
#include "core/settings.h"
#include "core/vault/vault.h"
#include "plugins/journal/journal_model.h"
#include "plugins/plugin_table.h"
#include "test_support.h"

using namespace toward;

namespace {

const std::string kType = "journal.entry";

std::string entryBody(int i) {
  return R"({"text":"Entry number )" + std::to_string(i) + R"( stayed with the feeling.","kind":"free"})";
}

// A store on disk with `entries` journal entries, one trashed entry and the settings (dark, 150%).
void fill(const std::string& root, const core::Registry& registry, test::FakeClock& clock, int entries) {
  core::RecordStore store(root, registry, std::ref(clock));
  store.load();
  for (int i = 0; i < entries; ++i) REQUIRE(store.put(kType, "", entryBody(i)).isOk());
  auto gone = store.put(kType, "", entryBody(999));
  REQUIRE(gone.isOk());
  REQUIRE(store.remove(kType, gone.value().id).isOk());
  core::Settings s;
  s.theme = "dark";
  s.textPercent = 150;
  REQUIRE(core::saveSettings(store, s).isOk());
}

// keepGoing for loadStep: lets `n` files be read, then stops.
std::function<bool()> files(int n) {
  auto left = std::make_shared<int>(n);
  return [left] { return --*left > 0; };
}

}  // namespace

TEST_CASE("[store opening] the settings come first, and writes wait until the last file is read") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(dir.path(), registry, clock, 30);

  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.beginLoad();
  CHECK(store.opening());
  CHECK(store.openingProgress() == std::pair<size_t, size_t>{0, 32});   // 30 entries, the settings, one trashed
  CHECK_FALSE(store.loadStep(files(1)));
  // The first file read is the settings: the first frame is drawn in the person's own look.
  CHECK(core::loadSettings(store).theme == "dark");
  CHECK(core::loadSettings(store).textPercent == 150);
  CHECK(store.list(kType).empty());
  CHECK(store.openingProgress().first == 1);

  CHECK_FALSE(store.loadStep(files(10)));
  CHECK(store.list(kType).size() == 10);
  // Nothing is written while opening, with words that say why.
  auto refused = store.put(kType, "", entryBody(1000));
  REQUIRE_FALSE(refused.isOk());
  CHECK(refused.error().message().find("still opening") != std::string::npos);
  CHECK(core::files::listFiles(dir.path() + "/records/" + kType).size() == 30);

  CHECK(store.loadStep(nullptr));
  CHECK_FALSE(store.opening());
  CHECK(store.openingProgress() == std::pair<size_t, size_t>{0, 0});
  CHECK(store.list(kType).size() == 30);
  CHECK(store.trash().size() == 1);
  CHECK(store.put(kType, "", entryBody(1000)).isOk());
}

TEST_CASE("[store opening] step by step reads exactly what one load reads, and tells the models once at the end") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(dir.path(), registry, clock, 25);
  // A damaged file found part way through is reported and left as it was.
  const std::string damaged = dir.path() + "/records/" + kType + "/DAMAGED.json";
  test::writeRaw(damaged, "{\"toward\":\"record\",\"format\":1,\"ty");

  core::RecordStore whole(dir.path(), registry, std::ref(clock));
  const auto report = whole.load();

  core::RecordStore stepped(dir.path(), registry, std::ref(clock));
  std::vector<core::RecordChange::Kind> heard;
  stepped.addListener([&](const core::RecordChange& c) { heard.push_back(c.kind); });
  stepped.beginLoad();
  stepped.tellListenersWhenOpen();   // the models were made while it opened
  int steps = 0;
  while (!stepped.loadStep(files(3))) {
    ++steps;
    CHECK(heard.empty());   // never a Reloaded for a partial store
  }
  CHECK(steps >= 8);
  REQUIRE(heard.size() == 1);
  CHECK(heard[0] == core::RecordChange::Kind::Reloaded);
  CHECK(stepped.count() == whole.count());
  CHECK(stepped.list(kType).size() == 25);
  CHECK(stepped.trash().size() == whole.trash().size());
  REQUIRE(stepped.problems().size() == 1);
  CHECK(stepped.problems()[0].path == damaged);
  CHECK(report.problems.size() == 1);
  CHECK(core::files::readFile(damaged).value() == "{\"toward\":\"record\",\"format\":1,\"ty");
  // It stays untouchable, as after a whole load.
  CHECK_FALSE(stepped.put(kType, "DAMAGED", entryBody(5)).isOk());
}

TEST_CASE("[store opening] a tree still arriving: the settings first, then a wait that never ends the opening, then the rest") {
  // The browser's start draws its first frames while IndexedDB is still read into the tree: only the
  // settings' folder is there at first. An opening must not take that for everything.
  test::TempDir whole, dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(whole.path(), registry, clock, 30);
  namespace fs = std::filesystem;
  fs::create_directories(dir.path() + "/records");
  fs::copy(whole.path() + "/records/" + core::kSettingsType, dir.path() + "/records/" + core::kSettingsType);

  core::RecordStore store(dir.path(), registry, std::ref(clock));
  std::vector<core::RecordChange::Kind> heard;
  store.addListener([&](const core::RecordChange& c) { heard.push_back(c.kind); });
  store.beginLoad(core::RecordStore::Tree::Arriving);
  store.tellListenersWhenOpen();
  CHECK_FALSE(store.loadStep(nullptr));   // to the end of what is there: still opening
  CHECK_FALSE(store.loadStep(nullptr));
  CHECK(store.opening());
  CHECK(core::loadSettings(store).theme == "dark");
  CHECK(core::loadSettings(store).textPercent == 150);
  CHECK(store.list(kType).empty());
  CHECK(heard.empty());
  CHECK_FALSE(store.put(kType, "", entryBody(1000)).isOk());

  // The rest arrives (the settings' folder again among it, as it is in IndexedDB).
  fs::copy(whole.path(), dir.path(), fs::copy_options::recursive | fs::copy_options::skip_existing);
  store.treeArrived();
  CHECK(store.openingProgress() == std::pair<size_t, size_t>{1, 32});   // the settings read, 30 entries, one trashed
  CHECK_FALSE(store.loadStep(files(5)));
  CHECK(heard.empty());
  CHECK(store.loadStep(nullptr));
  REQUIRE(heard.size() == 1);
  CHECK(heard[0] == core::RecordChange::Kind::Reloaded);
  CHECK(store.list(kType).size() == 30);
  CHECK(store.list(core::kSettingsType).size() == 1);   // read once
  CHECK(store.trash().size() == 1);
  CHECK(store.put(kType, "", entryBody(1000)).isOk());
  store.treeArrived();   // late or twice: nothing happens
  CHECK_FALSE(store.opening());
}

TEST_CASE("[store opening] a folder larger than one part is read part by part, each record once") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(dir.path(), registry, clock, 700);   // about three parts of the journal's folder
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  store.beginLoad();
  CHECK(store.openingProgress().second == 702);
  size_t steps = 0;
  while (!store.loadStep(files(97))) ++steps;
  CHECK(steps >= 7);
  CHECK(store.list(kType).size() == 700);
  CHECK(store.trash().size() == 1);
  CHECK(store.problems().empty());
}

TEST_CASE("[store opening] a first load that ends in one step tells no one; a lock or a whole load ends an opening part way") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(dir.path(), registry, clock, 5);

  core::RecordStore store(dir.path(), registry, std::ref(clock));
  int reloads = 0;
  store.addListener([&](const core::RecordChange& c) { reloads += c.kind == core::RecordChange::Kind::Reloaded; });
  store.beginLoad();
  CHECK(store.loadStep(nullptr));
  CHECK(reloads == 0);   // nothing was made from the empty store yet: no one needs telling

  store.beginLoad();
  CHECK_FALSE(store.loadStep(files(2)));
  store.load();          // another tab wrote: read again, whole
  CHECK_FALSE(store.opening());
  CHECK(store.list(kType).size() == 5);
  CHECK(reloads == 1);

  store.beginLoad();
  CHECK_FALSE(store.loadStep(files(2)));
  store.lock();          // the vault was turned on in another tab
  CHECK_FALSE(store.opening());
  CHECK(store.locked());
  CHECK(store.count() == 0);
  CHECK(store.loadStep(nullptr));   // nothing left half done
  CHECK(store.count() == 0);
}

TEST_CASE("[store opening] the plugins' models made while it opens hold everything once it is open") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(dir.path(), registry, clock, 40);
  core::Registry fresh;
  plugins::registerAll(fresh);
  core::RecordStore store(dir.path(), fresh, std::ref(clock));
  store.beginLoad();
  CHECK_FALSE(store.loadStep(files(5)));
  auto models = plugins::makeModels(store, fresh);
  auto* journal = static_cast<journal::JournalModel*>(models[0].model.get());
  REQUIRE(models[0].pluginId == "journal");
  const size_t before = journal->size();
  CHECK(before < 40);
  store.tellListenersWhenOpen();
  while (!store.loadStep(files(7))) {
  }
  store.dropReadAtLoad();
  CHECK(store.list(kType).size() == 40);
  CHECK(journal->size() == 40);   // the Reloaded at the end rebuilt it whole
}

TEST_CASE("[store opening] the vault is not turned on while the store is opening (its plan would miss files)") {
  test::TempDir dir;
  auto registry = test::appRegistry();
  test::FakeClock clock;
  fill(dir.path(), registry, clock, 10);
  core::RecordStore store(dir.path(), registry, std::ref(clock));
  core::vault::Vault vault(store);
  REQUIRE(vault.open() == core::vault::VaultStatus::Off);
  store.beginLoad();
  CHECK_FALSE(store.loadStep(files(3)));
  const core::vault::KdfParams quick{1, 64 * 1024};
  CHECK_FALSE(vault.beginEnable("a calm long passphrase", quick).isOk());
  CHECK(vault.status() == core::vault::VaultStatus::Off);
  CHECK(store.loadStep(nullptr));
  CHECK(vault.enable("a calm long passphrase", quick).isOk());
  CHECK(vault.status() == core::vault::VaultStatus::Unlocked);
}
