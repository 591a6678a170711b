// plugins/progress/progress_plugin.cpp: the progress plugin's PluginSpec (see progress_plugin.h).
#include "plugins/progress/progress_plugin.h"

namespace toward::progress {

const core::PluginSpec& plugin() {
  static const core::PluginSpec spec{{"progress", "Progress", "Slow change, shown without judging."}, nullptr, nullptr};
  return spec;
}

}  // namespace toward::progress
