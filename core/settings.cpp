// core/settings.cpp: settings record type and value ranges.
#include "core/settings.h"

#include <algorithm>

namespace toward::core {

void Settings::clamp() {
  if (theme != "light" && theme != "dark") theme = "system";
  if (reducedMotion != "on" && reducedMotion != "off") reducedMotion = "system";
  textPercent = std::clamp<uint32_t>(textPercent, 80, 200);
}

Status registerCoreTypes(Registry& registry) {
  return registry.addRecordType(makeRecordType<Settings>(kSettingsType, "settings", [](const Settings&) {
    return std::string("Settings");
  }));
}

}  // namespace toward::core
