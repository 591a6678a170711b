// plugins/texture_box/texture_box_plugin_ui.cpp: the texture box's page, and its care choice for hard
// moments: "Ground with my texture box" (straight into a grounding session).
#include "core/ui/plugin_ui.h"
#include "plugins/texture_box/texture_box_plugin.h"
#include "plugins/texture_box/texture_box_view.h"

namespace toward::texture_box {

const ui::PluginUiSpec& pluginUi() {
  static const ui::PluginUiSpec spec{
      "texture_box",
      [](const ui::PageDeps& deps) -> std::unique_ptr<ui::View> {
        return std::make_unique<TextureBoxView>(static_cast<TextureBoxModel&>(*deps.model), deps.platform);
      },
      {},
      {{"ground", "Ground with my texture box"}}};
  return spec;
}

}  // namespace toward::texture_box
