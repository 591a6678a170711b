// core/ui/next_session_view.h: "My next session": everything flagged "bring to my next session", from
// every plugin (journal entries, letters, ...), collected through the registry's providers, never by
// reaching into a plugin. After the session each item can be ticked off (its flag is cleared through
// its provider), and a tick can be undone while the page is open.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/record_store.h"
#include "core/registry.h"
#include "core/ui/view.h"

namespace toward::ui {

class NextSessionView final : public View {
 public:
  NextSessionView(core::Registry& registry, const core::RecordStore& store) : m_registry(registry), m_store(store) {}
  void draw(ViewContext& ctx) override;
  void onHide() override { m_ticked.clear(); }

 private:
  core::Registry& m_registry;
  const core::RecordStore& m_store;
  std::vector<core::SessionItem> m_items;     // collected again only when a record changed
  uint64_t m_seenGeneration = ~uint64_t(0);
  std::vector<core::SessionItem> m_ticked;    // ticked off while this page is open (undo)
  std::string m_error;
};

}  // namespace toward::ui
