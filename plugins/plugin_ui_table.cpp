// plugins/plugin_ui_table.cpp: see plugin_ui_table.h.
#include "plugins/plugin_ui_table.h"

#include "plugins/plugin_list.h"

namespace toward::plugins {

const std::vector<const ui::PluginUiSpec*>& uiTable() {
#define TOWARD_PLUGIN_UI_SPEC(name) &name::pluginUi(),
  static const std::vector<const ui::PluginUiSpec*> specs{TOWARD_PLUGIN_LIST(TOWARD_PLUGIN_UI_SPEC)};
#undef TOWARD_PLUGIN_UI_SPEC
  return specs;
}

}  // namespace toward::plugins
