// core/settings.cpp: settings record type and value ranges.
#include "core/settings.h"

#include <algorithm>

#include "core/backup_state.h"
#include "core/distress_scale.h"

namespace toward::core {

void Settings::clamp() {
  if (theme != "light" && theme != "dark") theme = "system";
  if (reducedMotion != "on" && reducedMotion != "off") reducedMotion = "system";
  textPercent = std::clamp<uint32_t>(textPercent, 80, 200);
  if (weekStart != "sunday") weekStart = "monday";
  if (!quickHideUrl.empty() && !isQuickHideUrl(quickHideUrl)) quickHideUrl.clear();
}

bool isQuickHideUrl(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!scheme || url.size() > 500 || url.size() <= 8) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\';
  });
}

Status registerCoreTypes(Registry& registry) {
  auto settings = registry.addRecordType(makeRecordType<Settings>(kSettingsType, "settings", [](const Settings&) {
    return std::string("Settings");
  }));
  if (!settings) return settings;
  if (auto scale = registerDistressScale(registry); !scale) return scale;
  return registerBackupStateType(registry);
}

}  // namespace toward::core

#include "core/record_store.h"

namespace toward::core {

Settings loadSettings(const RecordStore& store) {
  if (const StoredRecord* r = store.find(kSettingsType, kSettingsId)) {
    auto s = loadBody<Settings>(r->body, r->schema);
    if (s) return s.value();
  }
  return Settings{};
}

Status saveSettings(RecordStore& store, const Settings& settings) {
  Settings clean = settings;
  clean.clamp();
  auto saved = store.put(kSettingsType, kSettingsId, saveBody(clean));
  return saved ? Status::ok() : saved.error();
}

}  // namespace toward::core
