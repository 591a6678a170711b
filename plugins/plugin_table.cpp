// plugins/plugin_table.cpp: see plugin_table.h.
#include "plugins/plugin_table.h"

#include "core/settings.h"
#include "plugins/plugin_list.h"

namespace toward::plugins {

const std::vector<const core::PluginSpec*>& table() {
#define TOWARD_PLUGIN_SPEC(name) &name::plugin(),
  static const std::vector<const core::PluginSpec*> specs{TOWARD_PLUGIN_LIST(TOWARD_PLUGIN_SPEC)};
#undef TOWARD_PLUGIN_SPEC
  return specs;
}

core::Status registerAll(core::Registry& registry) {
  if (auto s = core::registerCoreTypes(registry); !s) return s;
  for (const auto* spec : table()) {
    if (auto s = core::registerPlugin(registry, *spec); !s) return s;
  }
  return core::Status::ok();
}

std::vector<LiveModel> makeModels(core::RecordStore& store, core::Registry& registry) {
  std::vector<LiveModel> models;
  for (const auto* spec : table()) {
    if (spec->makeModel) models.push_back({spec->info.id, spec->makeModel(store, registry)});
  }
  return models;
}

}  // namespace toward::plugins
