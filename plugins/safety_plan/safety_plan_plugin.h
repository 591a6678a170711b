// plugins/safety_plan/safety_plan_plugin.h: the safety plan's entry in the one table of plugins
// (plugins/plugin_table.h): plugin() is the model half (every build), pluginUi() the page, the quick
// action "My safety plan" and the page shown while locked (the web build only, safety_plan_plugin_ui.cpp).
#pragma once
#include "core/plugin.h"

namespace toward::ui { struct PluginUiSpec; }

namespace toward::safety_plan {

const core::PluginSpec& plugin();
const ui::PluginUiSpec& pluginUi();

}  // namespace toward::safety_plan
