// plugins/progress/progress_plugin.cpp: see progress_plugin.h.
#include "plugins/progress/progress_plugin.h"

namespace toward::progress {

core::Status registerProgress(core::Registry& registry) {
  return registry.addPlugin({"progress", "Progress", "Slow change, shown without judging."});
}

}  // namespace toward::progress
