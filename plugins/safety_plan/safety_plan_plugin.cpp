// plugins/safety_plan/safety_plan_plugin.cpp: the safety plan's PluginSpec (see safety_plan_plugin.h).
#include "plugins/safety_plan/safety_plan_plugin.h"

#include "plugins/safety_plan/safety_plan_model.h"

namespace toward::safety_plan {

const core::PluginSpec& plugin() {
  static const core::PluginSpec spec{
      {"safety_plan", "My safety plan", "What helps on a hard day, and who to call, in your own words."},
      registerSafetyPlan,
      core::makeAttachedModel<SafetyPlanModel>};
  return spec;
}

}  // namespace toward::safety_plan
