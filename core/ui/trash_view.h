// core/ui/trash_view.h: the trash: deleted records of every plugin, restorable for 30 days.
#pragma once
#include <string>

#include "core/record_store.h"
#include "core/registry.h"
#include "core/ui/view.h"

namespace toward::ui {

class TrashView final : public View {
 public:
  TrashView(core::RecordStore& store, const core::Registry& registry) : m_store(store), m_registry(registry) {}
  void draw(ViewContext& ctx) override;

 private:
  core::RecordStore& m_store;
  const core::Registry& m_registry;
  std::string m_error;
  std::string m_confirmType, m_confirmId;   // "delete for good" waiting for a yes
};

}  // namespace toward::ui
