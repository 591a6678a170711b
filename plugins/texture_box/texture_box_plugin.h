// plugins/texture_box/texture_box_plugin.h: the texture box plugin's entry in the one table of plugins (plugins/plugin_table.h):
// plugin() is the model half (every build), pluginUi() the page and quick actions (the web build only,
// texture_box_plugin_ui.cpp).
#pragma once
#include "core/plugin.h"

namespace toward::ui { struct PluginUiSpec; }

namespace toward::texture_box {

const core::PluginSpec& plugin();
const ui::PluginUiSpec& pluginUi();

}  // namespace toward::texture_box
