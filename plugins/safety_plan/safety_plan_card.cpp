// plugins/safety_plan/safety_plan_card.cpp: see safety_plan_card.h.
#include "plugins/safety_plan/safety_plan_card.h"

#include <imgui.h>

#include "core/ui/a11y.h"
#include "core/ui/fonts.h"
#include "core/ui/link_button.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"
#include "plugins/safety_plan/safety_plan_model.h"

namespace toward::safety_plan {
namespace {

std::string who(const PlanContact& c) {
  if (c.name.empty()) return c.phone;
  return c.name + ", " + c.phone;
}

void drawContactRows(ui::ViewContext& ctx, const char* heading, const std::vector<PlanContact>& list, const char* keyList,
                     bool offerText) {
  bool any = false;
  for (const auto& c : list) any |= !c.empty();
  if (!any) return;
  ui::Gap(0.5f);
  ImGui::TextUnformatted(heading);
  ui::a11y::heading(heading, 3);
  for (size_t i = 0; i < list.size(); ++i) {
    const PlanContact& c = list[i];
    if (c.empty()) continue;
    ImGui::PushID(int(i));
    ui::BodyText(who(c).c_str());
    if (!c.note.empty()) ui::MutedText(c.note.c_str());
    DrawContactButtons(ctx, c, std::string("safety_plan/locked/") + keyList + "." + std::to_string(i), offerText);
    ImGui::PopID();
  }
}

class LockedPlanPage final : public ui::LockedPage {
 public:
  explicit LockedPlanPage(core::RecordStore& store) : m_store(store) {}
  void refresh() override {
    auto plan = readPlanWhileLocked(m_store);
    m_readable = plan.isOk();
    m_plan = m_readable ? plan.value() : SafetyPlan{};
  }
  std::string offer() const override { return m_readable ? "My safety plan" : ""; }
  void draw(ui::ViewContext& ctx) override {
    ui::Heading(ctx.fonts, "My safety plan");
    ui::MutedText("Read without the passphrase, as you chose. Everything else stays sealed.");
    DrawReadOnlyPlan(ctx, m_plan);
    ui::Gap(1.0f);
    ui::MutedText(kWhatTowardIs);
  }

 private:
  core::RecordStore& m_store;
  SafetyPlan m_plan;
  bool m_readable = false;
};

}  // namespace

void DrawContactButtons(ui::ViewContext& ctx, const PlanContact& contact, const std::string& keyPrefix, bool offerText) {
  // Named for whose number it is; a row with no number yet says so (not a bare "Call ").
  const std::string name = contact.name.empty() ? std::string() : contact.name + ", ";
  const std::string whom = contact.phone.empty() ? (contact.name.empty() ? std::string("(no number written yet)")
                                                                         : contact.name + " (no number written yet)")
                                                 : name + contact.phone;
  ui::LinkButton(ctx.platform, {keyPrefix + "/call", "Call", telHref(contact.phone), "Call " + whom});
  if (!offerText) return;
  ImGui::SameLine();
  ui::LinkButton(ctx.platform, {keyPrefix + "/text", "Text", smsHref(contact.phone), "Text " + whom});
}

void DrawReadOnlyPlan(ui::ViewContext& ctx, const SafetyPlan& plan) {
  if (plan.blank()) {
    ui::MutedText("Nothing is written in the plan yet.");
    return;
  }
  for (const auto& step : textSteps()) {
    if (std::string(step.field) == "saferSpace") {
      drawContactRows(ctx, "People I can ask for help", plan.helpers, "helpers", true);
      drawContactRows(ctx, "Professionals and crisis lines", plan.professionals, "professionals", false);
    }
    const std::string& words = *textField(plan, step.field);
    if (words.empty()) continue;
    ui::Gap(0.5f);
    ImGui::TextUnformatted(step.heading);
    ui::a11y::heading(step.heading, 3);
    ui::BodyText(words.c_str());
  }
}

std::unique_ptr<ui::LockedPage> makeLockedPlanPage(core::RecordStore& store, core::Platform&) {
  return std::make_unique<LockedPlanPage>(store);
}

}  // namespace toward::safety_plan
