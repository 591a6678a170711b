// plugins/letters/letters_plugin_ui.cpp: the letters' page and its quick action, "Write to my therapist"
// (held, not sent: the urge to message the therapist now becomes a letter that waits here).
#include "core/ui/plugin_ui.h"
#include "plugins/letters/letters_plugin.h"
#include "plugins/letters/letters_view.h"

namespace toward::letters {

const ui::PluginUiSpec& pluginUi() {
  static const ui::PluginUiSpec spec{
      "letters",
      [](const ui::PageDeps& deps) -> std::unique_ptr<ui::View> {
        return std::make_unique<LettersView>(static_cast<LettersModel&>(*deps.model));
      },
      {{"therapist", "Write to my therapist",
        "For when you want to message your therapist right now: a letter that waits here. Nothing is sent.",
        ui::PhonePlace::MoreMenu, true, ""}},
      {}};
  return spec;
}

}  // namespace toward::letters
