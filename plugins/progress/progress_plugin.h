// plugins/progress/progress_plugin.h: the progress plugin's entry in the one table of plugins
// (plugins/plugin_table.h): plugin() is the model half (every build), pluginUi() the page (the web build
// only, progress_plugin_ui.cpp). Progress owns no records and no model: its page reads what the other
// plugins publish through the core's metrics interface.
#pragma once
#include "core/plugin.h"

namespace toward::ui { struct PluginUiSpec; }

namespace toward::progress {

const core::PluginSpec& plugin();
const ui::PluginUiSpec& pluginUi();

}  // namespace toward::progress
