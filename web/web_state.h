// web/web_state.h: the running app's globals, shared by main.cpp and the exported functions.
#pragma once
#include <memory>

#include "core/platform/platform.h"
#include "web/app.h"

namespace toward::web {

struct State {
  std::unique_ptr<core::Platform> platform;
  std::unique_ptr<app::App> app;
  int framesToRender = 3;        // frames still to draw before going idle
  bool wakeRequested = false;
  unsigned framesRendered = 0;
  float fontPx = 0, fontRatio = 0;
  bool dark = false, themeKnown = false;
  bool discreet = false;         // the tab's title and icon are neutral
  // time spent in our frame code (ImGui build + GL submission), since the last reset
  double frameMsTotal = 0, frameMsMax = 0;
  unsigned framesMeasured = 0;
};

extern State g_state;

// Draws one frame at once (so that text typed since the last frame reaches the views' drafts).
void renderNow();

}  // namespace toward::web
