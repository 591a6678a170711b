// plugins/progress/progress_plugin_ui.cpp: the progress page (no model of its own: it reads the registry's
// metrics over the store; no quick actions).
#include "core/ui/plugin_ui.h"
#include "plugins/progress/progress_plugin.h"
#include "plugins/progress/progress_view.h"

namespace toward::progress {

const ui::PluginUiSpec& pluginUi() {
  static const ui::PluginUiSpec spec{
      "progress",
      [](const ui::PageDeps& deps) -> std::unique_ptr<ui::View> {
        return std::make_unique<ProgressView>(deps.registry, deps.store);
      },
      {},
      {}};
  return spec;
}

}  // namespace toward::progress
