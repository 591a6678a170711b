// plugins/safety_plan/safety_plan_model.h: the safety plan over the store: the one plan record (read
// again whenever it changes, an empty plan while there is none), saving it, and its Markdown export.
// The locked app does not use this model (it holds nothing while locked): see readPlanWhileLocked().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/plugin.h"
#include "core/providers.h"
#include "core/record_store.h"
#include "plugins/safety_plan/safety_plan.h"

namespace toward::safety_plan {

class SafetyPlanModel final : public core::PluginModel, public core::ExportProvider {
 public:
  explicit SafetyPlanModel(core::RecordStore& store);
  ~SafetyPlanModel() override;
  SafetyPlanModel(const SafetyPlanModel&) = delete;
  SafetyPlanModel& operator=(const SafetyPlanModel&) = delete;

  // Adds the Markdown export to the registry.
  void attach(core::Registry& registry);

  // The plan as stored (empty until something is written).
  const SafetyPlan& plan() const { return m_plan; }
  // True once a plan record exists.
  bool exists() const { return m_exists; }
  // Stores the plan (one record, id "plan"). Nothing is written when nothing changed.
  core::Status save(const SafetyPlan& plan);
  // Grows whenever the stored plan changes (views refresh a clean draft by it).
  uint64_t changeCount() const { return m_changeCount; }

  void exportMarkdown(std::vector<core::ExportFile>& out) const override;

 private:
  void reload();

  core::RecordStore& m_store;
  int m_listener = 0;
  SafetyPlan m_plan;
  bool m_exists = false;
  uint64_t m_changeCount = 0;
};

// The plan as the locked app may read it (unsealed because the person chose that); NotFound otherwise.
core::Result<SafetyPlan> readPlanWhileLocked(const core::RecordStore& store);

}  // namespace toward::safety_plan
