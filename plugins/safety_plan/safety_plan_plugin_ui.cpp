// plugins/safety_plan/safety_plan_plugin_ui.cpp: the safety plan's page, its quick action "My safety
// plan" on a phone's top bar (on a desktop its navigation item is on every page already: one press
// either way), and the page shown on the lock screen and the quick-hide cover when the person chose to
// keep it readable.
#include "core/ui/plugin_ui.h"
#include "plugins/safety_plan/safety_plan_card.h"
#include "plugins/safety_plan/safety_plan_plugin.h"
#include "plugins/safety_plan/safety_plan_view.h"

namespace toward::safety_plan {

const ui::PluginUiSpec& pluginUi() {
  static const ui::PluginUiSpec spec{
      "safety_plan",
      [](const ui::PageDeps& deps) -> std::unique_ptr<ui::View> {
        return std::make_unique<SafetyPlanView>(static_cast<SafetyPlanModel&>(*deps.model));
      },
      {{"plan", "My safety plan", "", ui::PhonePlace::TopBar,
        /*desktop=*/false, "My plan"}},
      // In the way out and the check-in: the plan, and straight to the people and lines to call.
      {{"plan", "My safety plan"}, {"call", "Someone to call"}},
      makeLockedPlanPage};
  return spec;
}

}  // namespace toward::safety_plan
