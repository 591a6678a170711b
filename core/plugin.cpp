// core/plugin.cpp: see plugin.h.
#include "core/plugin.h"

namespace toward::core {

Status registerPlugin(Registry& registry, const PluginSpec& spec) {
  if (auto s = registry.addPlugin(spec.info); !s) return s;
  return spec.registerTypes ? spec.registerTypes(registry) : Status::ok();
}

}  // namespace toward::core
