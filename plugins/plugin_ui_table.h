// plugins/plugin_ui_table.h: the one table of plugins, page half (web only): each plugin's PluginUiSpec
// (core/ui/plugin_ui.h), in the same order as plugins::table().
#pragma once
#include <vector>

#include "core/ui/plugin_ui.h"

namespace toward::plugins {

const std::vector<const ui::PluginUiSpec*>& uiTable();

}  // namespace toward::plugins
