// plugins/progress/progress_plugin.h: declares the progress plugin to the registry. It owns no records:
// it reads what other plugins publish through the core's metrics interface.
#pragma once
#include "core/registry.h"

namespace toward::progress {

core::Status registerProgress(core::Registry& registry);

}  // namespace toward::progress
