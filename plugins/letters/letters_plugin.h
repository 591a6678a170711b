// plugins/letters/letters_plugin.h: the letters plugin's entry in the one table of plugins (plugins/plugin_table.h):
// plugin() is the model half (every build), pluginUi() the page and quick actions (the web build only,
// letters_plugin_ui.cpp).
#pragma once
#include "core/plugin.h"

namespace toward::ui { struct PluginUiSpec; }

namespace toward::letters {

const core::PluginSpec& plugin();
const ui::PluginUiSpec& pluginUi();

}  // namespace toward::letters
