// plugins/all_plugins.cpp: see all_plugins.h.
#include "plugins/all_plugins.h"

#include "core/settings.h"
#include "plugins/journal/journal_model.h"
#include "plugins/letters/letters_model.h"
#include "plugins/progress/progress_plugin.h"
#include "plugins/texture_box/texture_box_model.h"

namespace toward::plugins {

core::Status registerAll(core::Registry& registry) {
  for (auto step : {core::registerCoreTypes, journal::registerJournal, letters::registerLetters, texture_box::registerTextureBox,
                    progress::registerProgress}) {
    if (auto s = step(registry); !s) return s;
  }
  return core::Status::ok();
}

}  // namespace toward::plugins
