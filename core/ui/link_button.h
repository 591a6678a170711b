// core/ui/link_button.h: a drawn button that is a real link in the browser ("Call", "Text"): the
// platform lays an <a href="tel:..."> over the button's visible part every frame (Platform::placeLink),
// so one tap on a phone opens the dialer. Natively it is a plain button that does nothing more.
#pragma once
#include <string>

#include "core/platform/platform.h"

namespace toward::ui {

struct LinkButtonSpec {
  std::string key;      // stable per button, e.g. "safety_plan/helpers.0/call"
  const char* label;    // the drawn words, e.g. "Call"
  std::string href;     // "tel:..." or "sms:..."; "" draws the button disabled, with no link
  std::string name;     // accessible name, e.g. "Call Sam, 0123 456"
};

// Draws the button (SameLine-friendly) and places its link; returns true when the canvas button itself
// was pressed (no overlay there).
bool LinkButton(core::Platform& platform, const LinkButtonSpec& spec);

}  // namespace toward::ui
