// plugins/journal/journal_plugin_ui.cpp: the journal's page and its quick action, "A feeling is here"
// (the quick path for hard moments: one press from any page starts the "stay with it" timer).
#include "core/ui/plugin_ui.h"
#include "plugins/journal/journal_plugin.h"
#include "plugins/journal/journal_view.h"

namespace toward::journal {

const ui::PluginUiSpec& pluginUi() {
  static const ui::PluginUiSpec spec{
      "journal",
      [](const ui::PageDeps& deps) -> std::unique_ptr<ui::View> {
        return std::make_unique<JournalView>(static_cast<JournalModel&>(*deps.model));
      },
      {{"feeling", "A feeling is here", "", ui::PhonePlace::TopBar, true, ""}},
      {}};
  return spec;
}

}  // namespace toward::journal
