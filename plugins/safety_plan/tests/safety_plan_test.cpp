// plugins/safety_plan/tests/safety_plan_test.cpp: the safety plan's model: the golden file, phone links,
// the card, the export, the trash's line, saving, and the readable-while-locked rule: with a vault and
// the person's choice, exactly that one record is left unsealed and the locked app reads it and nothing
// else; without the choice it is sealed like everything else.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "core/files.h"
#include "core/record_codec.h"
#include "core/record_store.h"
#include "core/vault/vault.h"
#include "plugins/safety_plan/safety_plan_model.h"
#include "test_support.h"

using namespace toward;
using namespace toward::safety_plan;

namespace {

const core::vault::KdfParams kQuick{1, 64 * 1024};

struct Fixture {
  test::TempDir dir;
  test::FakeClock clock;
  core::Registry registry = test::appRegistry();
  core::RecordStore store{dir.path(), registry, [this] { return clock(); }};
  Fixture() { store.load(); }
};

SafetyPlan samplePlan(bool readable) {
  SafetyPlan p;
  p.warningSigns = "pacing at night";
  p.onMyOwn = "the smooth stone";
  p.helpers = {{"Sam", "+44 7700 900123", "after six"}};
  p.professionals = {{"Crisis line", "0800 000 000", ""}};
  p.reasons = "Moss the cat";
  p.readableWhileLocked = readable;
  return p;
}

// Every file under `root` (recursively), as path -> text.
void allFiles(const std::string& root, std::vector<std::pair<std::string, std::string>>& out) {
  for (const auto& name : core::files::listFiles(root)) {
    auto text = core::files::readFile(root + "/" + name);
    out.emplace_back(root + "/" + name, text ? text.value() : std::string());
  }
  for (const auto& sub : core::files::listDirs(root)) allFiles(root + "/" + sub, out);
}

}  // namespace

TEST_CASE("[safety_plan] the golden schema-1 plan reads with every field") {
  auto p = core::loadBody<SafetyPlan>(test::fixture("safety_plan.plan.v1.json"), 1);
  REQUIRE(p.isOk());
  const SafetyPlan& plan = p.value();
  CHECK(plan.warningSigns.find("far away") != std::string::npos);
  CHECK(plan.onMyOwn.find("smooth stone") != std::string::npos);
  CHECK(plan.distractions == "The library on Mill Street");
  REQUIRE(plan.helpers.size() == 2);
  CHECK(plan.helpers[0] == PlanContact{"Sam", "+44 7700 900123", "after 6 pm"});
  REQUIRE(plan.professionals.size() == 2);
  CHECK(plan.professionals[1].phone == "999");
  CHECK(plan.saferSpace.find("pills") != std::string::npos);
  CHECK(plan.reasons.find("Moss") != std::string::npos);
  CHECK(plan.readableWhileLocked);
  CHECK(core::loadBody<SafetyPlan>("{}", 2).error().code() == core::ErrorCode::TooNew);
  // An empty body is an empty plan, kept sealed.
  auto empty = core::loadBody<SafetyPlan>("{}", 1);
  REQUIRE(empty.isOk());
  CHECK(empty.value().blank());
  CHECK_FALSE(empty.value().readableWhileLocked);
}

TEST_CASE("[safety_plan] numbers become tel: and sms: links with only what a dialer reads") {
  CHECK(telHref("+44 7700 900123") == "tel:+447700900123");
  CHECK(telHref("(0161) 496-0000") == "tel:01614960000");
  CHECK(smsHref("0800 000 000") == "sms:0800000000");
  CHECK(telHref("*123#") == "tel:*123%23");
  CHECK(telHref("1+2") == "tel:12");          // a + only at the start
  CHECK(telHref("call Sam") == "");           // no digit: no link
  CHECK(telHref("") == "");
  CHECK(telHref("0123\"><script>") == "tel:0123");
}

TEST_CASE("[safety_plan] a list has a number to call only when some row's number has a digit") {
  CHECK_FALSE(hasNumberToCall({}));
  CHECK_FALSE(hasNumberToCall({PlanContact{}, PlanContact{"Sam", "", "after six"}, PlanContact{"Jo", "call Jo", ""}}));
  CHECK(hasNumberToCall({PlanContact{}, PlanContact{"", "0800 000 000", ""}}));
}

TEST_CASE("[safety_plan] the card holds only the steps with words; the export holds every step") {
  SafetyPlan p = samplePlan(false);
  const std::string card = cardText(p);
  CHECK(card.find("Warning signs\npacing at night") != std::string::npos);
  CHECK(card.find("People I can ask for help\n  Sam, +44 7700 900123 (after six)") != std::string::npos);
  CHECK(card.find("Crisis line, 0800 000 000") != std::string::npos);
  CHECK(card.find("Making my space safer") == std::string::npos);   // nothing written there
  CHECK(cardText(SafetyPlan{}) == "Nothing written yet.\n");

  const std::string md = markdown(p);
  CHECK(md.rfind("# My safety plan\n", 0) == 0);
  CHECK(md.find("## Making my space safer\n\n(nothing yet)") != std::string::npos);
  CHECK(md.find("- Sam, +44 7700 900123 (after six)") != std::string::npos);
  CHECK(md.find("## My reasons and reminders\n\nMoss the cat") != std::string::npos);
}

TEST_CASE("[safety_plan] the trash names the plan and counts people and lines") {
  CHECK(describePlan(SafetyPlan{}) == "My safety plan");
  CHECK(describePlan(samplePlan(false)) == "My safety plan (1 person, 1 line)");
  SafetyPlan p = samplePlan(false);
  p.helpers.push_back({"Ana", "", ""});
  p.helpers.push_back({});   // an empty row does not count
  p.professionals.push_back({"", "999", ""});
  CHECK(describePlan(p) == "My safety plan (2 people, 2 lines)");
  Fixture f;
  const core::RecordType* type = f.registry.recordType(kPlanType);
  REQUIRE(type);
  CHECK(type->describe(core::saveBody(p), 1) == "My safety plan (2 people, 2 lines)");
}

TEST_CASE("[safety_plan] the model saves one record, reads it back, exports it and goes to the trash") {
  Fixture f;
  SafetyPlanModel model(f.store);
  core::Registry& registry = f.registry;
  model.attach(registry);
  CHECK_FALSE(model.exists());
  std::vector<core::ExportFile> files;
  model.exportMarkdown(files);
  CHECK(files.empty());   // nothing written: nothing to export

  REQUIRE(model.save(samplePlan(false)));
  CHECK(model.exists());
  CHECK(model.plan() == samplePlan(false));
  CHECK(f.store.list(kPlanType).size() == 1);
  CHECK(f.store.find(kPlanType, kPlanId));
  const uint64_t generation = f.store.generation();
  REQUIRE(model.save(samplePlan(false)));
  CHECK(f.store.generation() == generation);   // nothing changed: nothing written

  model.exportMarkdown(files);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == "safety-plan/my-safety-plan.md");
  CHECK(files[0].content.find("pacing at night") != std::string::npos);

  REQUIRE(f.store.remove(kPlanType, kPlanId));
  CHECK_FALSE(model.exists());
  CHECK(model.plan().blank());
  REQUIRE(f.store.trash().size() == 1);
  CHECK(f.registry.recordType(kPlanType)->describe(f.store.trash()[0]->record.body, 1) == "My safety plan (1 person, 1 line)");
  REQUIRE(f.store.restore(kPlanType, kPlanId));
  CHECK(model.plan() == samplePlan(false));
}

TEST_CASE("[safety_plan] with a vault, only the plan the person chose to keep readable is left unsealed") {
  Fixture f;
  SafetyPlanModel model(f.store);
  const std::string secretEntry = "the entry nobody else may read";
  const std::string secretLetter = "the letter nobody else may read";
  REQUIRE(f.store.put("journal.entry", "", R"({"kind":"free","text":")" + secretEntry + R"("})"));
  REQUIRE(f.store.put("letters.letter", "", R"({"recipientKind":"therapist","text":")" + secretLetter + R"("})"));
  auto trashed = f.store.put("journal.entry", "", R"({"kind":"free","text":"a trashed entry"})");
  REQUIRE(trashed);
  REQUIRE(f.store.remove("journal.entry", trashed.value().id));
  REQUIRE(model.save(samplePlan(true)));
  REQUIRE(f.store.writeSideFile("snapshots/1.json", "{\"note\":\"a safety snapshot with pacing at night\"}"));

  core::vault::Vault vault(f.store);
  REQUIRE(vault.enable("a long passphrase", kQuick));

  std::vector<std::pair<std::string, std::string>> files;
  allFiles(f.dir.path(), files);
  const std::string planPath = f.dir.path() + "/records/" + kPlanType + "/" + kPlanId + ".json";
  size_t unsealed = 0;
  // (no structured bindings: clang 14 cannot use them inside doctest's checks)
  for (const auto& file : files) {
    const std::string& path = file.first;
    const std::string& text = file.second;
    if (path.size() >= 10 && path.compare(path.size() - 10, 10, "vault.json") == 0) continue;
    const bool plain = !core::isSealedText(text);
    if (plain) ++unsealed;
    CHECK_MESSAGE((path == planPath) == plain, path);
    // The person's other words are nowhere in plain text; the plan's words only in the plan's file.
    CHECK(text.find("nobody else may read") == std::string::npos);
    CHECK(text.find("a trashed entry") == std::string::npos);
    if (path != planPath) CHECK_MESSAGE(text.find("pacing at night") == std::string::npos, path);
  }
  CHECK(unsealed == 1);

  vault.lock();
  CHECK(f.store.locked());
  CHECK(f.store.count() == 0);
  auto read = readPlanWhileLocked(f.store);
  REQUIRE(read.isOk());
  CHECK(read.value() == samplePlan(true));
  // Nothing else can be read while locked: other types, other ids, trashed copies.
  for (const auto* r : {"journal.entry", "letters.letter", "core.settings"}) {
    for (const auto& file : files) {
      const std::string& path = file.first;
      const std::string dir = "/records/" + std::string(r) + "/";
      const size_t at = path.find(dir);
      if (at == std::string::npos) continue;
      const std::string id = path.substr(at + dir.size(), path.size() - at - dir.size() - 5);
      CHECK_FALSE(f.store.readWhileLocked(r, id).isOk());
    }
  }
  CHECK_FALSE(f.store.readWhileLocked(kPlanType, "other").isOk());
  CHECK_FALSE(f.store.readWhileLocked(kPlanType, "../plan").isOk());

  SUBCASE("turning the choice off seals it again, and the locked app reads nothing") {
    REQUIRE(vault.unlock("a long passphrase", f.clock()));
    REQUIRE(model.save(samplePlan(false)));
    auto text = core::files::readFile(planPath);
    REQUIRE(text.isOk());
    CHECK(core::isSealedText(text.value()));
    vault.lock();
    CHECK_FALSE(readPlanWhileLocked(f.store).isOk());
  }
  SUBCASE("a plan put in the trash is sealed there") {
    REQUIRE(vault.unlock("a long passphrase", f.clock()));
    REQUIRE(f.store.remove(kPlanType, kPlanId));
    auto text = core::files::readFile(f.dir.path() + "/trash/" + kPlanType + "/" + kPlanId + ".json");
    REQUIRE(text.isOk());
    CHECK(core::isSealedText(text.value()));
    vault.lock();
    CHECK_FALSE(readPlanWhileLocked(f.store).isOk());
  }
  SUBCASE("a plain plan file that does not ask to be readable is not shown while locked") {
    core::StoredRecord r;
    r.type = kPlanType;
    r.id = kPlanId;
    r.schema = 1;
    r.body = core::saveBody(samplePlan(false));
    test::writeRaw(planPath, core::encodeEnvelope(r, -1));
    CHECK_FALSE(readPlanWhileLocked(f.store).isOk());
  }
}

TEST_CASE("[safety_plan] without the choice, turning the vault on seals the plan like everything else") {
  Fixture f;
  SafetyPlanModel model(f.store);
  REQUIRE(model.save(samplePlan(false)));
  core::vault::Vault vault(f.store);
  REQUIRE(vault.enable("a long passphrase", kQuick));
  auto text = core::files::readFile(f.dir.path() + "/records/" + kPlanType + "/" + kPlanId + ".json");
  REQUIRE(text.isOk());
  CHECK(core::isSealedText(text.value()));
  vault.lock();
  CHECK_FALSE(readPlanWhileLocked(f.store).isOk());
}
