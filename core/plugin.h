// core/plugin.h: what a plugin is to the host, as plain data (in the spirit of OBS's obs_source_info):
// its id, title and blurb, how it registers its record types, and how it makes its model over the
// store. The one table of plugins (plugins/plugin_table.h) lists one PluginSpec per plugin; the web app,
// the command-line tool and the tests all read it. The web-only half (the plugin's page and quick
// actions) is core/ui/plugin_ui.h. Core itself never names a plugin.
#pragma once
#include <memory>
#include <string>

#include "core/registry.h"

namespace toward::core {

class RecordStore;

// A plugin's live part over an open store (for example the journal's model: it listens to the store and
// provides search, metrics, export and next-session items to the registry). Owned by whoever opened
// the store, for as long as the store lives.
class PluginModel {
 public:
  virtual ~PluginModel() = default;
};

struct PluginSpec {
  PluginInfo info;  // id, title (navigation), blurb (one calm line about what it is for)
  // Adds the plugin's record types; null when it owns none (progress reads what others publish).
  Status (*registerTypes)(Registry& registry) = nullptr;
  // Makes the model over `store` and attaches its providers to `registry`; null when it has none.
  std::unique_ptr<PluginModel> (*makeModel)(RecordStore& store, Registry& registry) = nullptr;
};

// The usual makeModel: a Model(store) whose attach(registry) adds its providers.
template <class Model>
std::unique_ptr<PluginModel> makeAttachedModel(RecordStore& store, Registry& registry) {
  auto model = std::make_unique<Model>(store);
  model->attach(registry);
  return model;
}

// Adds the plugin's info and record types to the registry.
Status registerPlugin(Registry& registry, const PluginSpec& spec);

}  // namespace toward::core
