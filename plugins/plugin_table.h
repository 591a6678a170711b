// plugins/plugin_table.h: the one table of plugins (its list: TOWARD_PLUGINS in plugins/CMakeLists.txt),
// model half: each plugin's PluginSpec (core/plugin.h), in the order the app shows them. The web app,
// toward-cli and the tests read it; core's libraries never include it. The page half (web only) is
// plugins/plugin_ui_table.h.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/plugin.h"
#include "core/record_store.h"

namespace toward::plugins {

// Every plugin, in navigation order.
const std::vector<const core::PluginSpec*>& table();

// Registers the core's record types and every plugin (info and record types).
core::Status registerAll(core::Registry& registry);

struct LiveModel {
  std::string pluginId;
  std::unique_ptr<core::PluginModel> model;
};

// Makes the model of every plugin that has one, over `store`, each attached to `registry` (search,
// metrics, export, next session). They must be destroyed before the store.
std::vector<LiveModel> makeModels(core::RecordStore& store, core::Registry& registry);

}  // namespace toward::plugins
