// core/settings.h: the person's app settings, stored as one record ("core.settings", id "app").
#pragma once
#include <cstdint>
#include <string>

#include "core/registry.h"
#include "core/serialization.h"

namespace toward::core {

inline constexpr const char* kSettingsType = "core.settings";
inline constexpr const char* kSettingsId = "app";

struct Settings {
  // Schema 2 added weekStart, schema 3 quickHideUrl, schema 4 checkIns and passphraseOfferAnswered,
  // schema 5 onThisDay; older files read with the defaults.
  static constexpr uint32_t kSchema = 5;
  static constexpr uint32_t kMinSchema = 1;

  std::string theme = "system";         // theme: "system" | "light" | "dark", default "system"
  uint32_t textPercent = 100;           // textPercent: 80..200, default 100 (text size)
  std::string reducedMotion = "system"; // reducedMotion: "system" | "on" | "off", default "system"
  std::string weekStart = "monday";     // weekStart: "monday" | "sunday", default "monday" (schema 2)
  std::string quickHideUrl;             // quickHideUrl: an http(s) page quick hide opens, default "" = none (schema 3)
  bool checkIns = true;                 // checkIns: "How is it now?" after a hard moment, default true (schema 4)
  bool passphraseOfferAnswered = false; // passphraseOfferAnswered: the first-run offer was answered, default false (schema 4)
  bool onThisDay = true;                // onThisDay: the journal shows "On this day" from earlier years, default true (schema 5)

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("theme", theme), cereal::make_nvp("textPercent", textPercent),
       cereal::make_nvp("reducedMotion", reducedMotion), cereal::make_nvp("weekStart", weekStart),
       cereal::make_nvp("quickHideUrl", quickHideUrl), cereal::make_nvp("checkIns", checkIns),
       cereal::make_nvp("passphraseOfferAnswered", passphraseOfferAnswered), cereal::make_nvp("onThisDay", onThisDay));
  }
  template <class A>
  void load(A& ar, uint32_t schema) {
    optionalField(ar, "theme", theme);
    optionalField(ar, "textPercent", textPercent);
    optionalField(ar, "reducedMotion", reducedMotion);
    if (schema >= 2) optionalField(ar, "weekStart", weekStart);
    if (schema >= 3) optionalField(ar, "quickHideUrl", quickHideUrl);
    if (schema >= 4) {
      optionalField(ar, "checkIns", checkIns);
      optionalField(ar, "passphraseOfferAnswered", passphraseOfferAnswered);
    }
    if (schema >= 5) optionalField(ar, "onThisDay", onThisDay);
    clamp();
  }
  // Puts every field back into its allowed range (a hand-edited or damaged record stays usable).
  void clamp();
};

// True for an address quick hide may open: http:// or https://, at most 500 characters, no spaces,
// quotes or control characters.
bool isQuickHideUrl(const std::string& url);

// Registers the core's own record types (settings, backup state).
Status registerCoreTypes(Registry& registry);

}  // namespace toward::core

namespace toward::core {
class RecordStore;
// The saved settings, or the defaults when none are saved yet (or the record cannot be read).
Settings loadSettings(const RecordStore& store);
// Saves the settings record.
Status saveSettings(RecordStore& store, const Settings& settings);
}  // namespace toward::core
