// plugins/safety_plan/safety_plan_model.cpp: see safety_plan_model.h.
#include "plugins/safety_plan/safety_plan_model.h"

namespace toward::safety_plan {

SafetyPlanModel::SafetyPlanModel(core::RecordStore& store) : m_store(store) {
  reload();
  m_listener = m_store.addListener([this](const core::RecordChange& change) {
    if (change.kind == core::RecordChange::Kind::Reloaded || change.type == kPlanType) reload();
  });
}

SafetyPlanModel::~SafetyPlanModel() { m_store.removeListener(m_listener); }

void SafetyPlanModel::attach(core::Registry& registry) { registry.addExportProvider(this); }

void SafetyPlanModel::reload() {
  ++m_changeCount;
  m_plan = SafetyPlan{};
  m_exists = false;
  const core::StoredRecord* r = m_store.find(kPlanType, kPlanId);
  if (!r) return;
  auto plan = core::loadBody<SafetyPlan>(r->body, r->schema);
  if (!plan) return;
  m_plan = plan.value();
  m_exists = true;
}

core::Status SafetyPlanModel::save(const SafetyPlan& plan) {
  if (m_exists && plan == m_plan) return core::Status::ok();
  auto saved = m_store.put(kPlanType, kPlanId, core::saveBody(plan));
  if (!saved) return saved.error();
  return core::Status::ok();
}

void SafetyPlanModel::exportMarkdown(std::vector<core::ExportFile>& out) const {
  if (!m_exists || m_plan.blank()) return;
  out.push_back({"safety-plan/my-safety-plan.md", markdown(m_plan)});
}

core::Result<SafetyPlan> readPlanWhileLocked(const core::RecordStore& store) {
  auto r = store.readWhileLocked(kPlanType, kPlanId);
  if (!r) return r.error();
  return core::loadBody<SafetyPlan>(r.value().body, r.value().schema);
}

}  // namespace toward::safety_plan
