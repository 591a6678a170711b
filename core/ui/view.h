// core/ui/view.h: what a page of the app looks like to the shell. Plugin UI targets implement View;
// the app (web/app.cpp) holds one list of them. Views get their model by reference and own only
// view state (selection, open flags, the text being typed before it is saved).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/platform/platform.h"

namespace toward::ui {

struct Fonts;

struct ViewContext {
  core::Platform& platform;
  const Fonts& fonts;
  int64_t nowMs = 0;
  bool compact = false;        // phone-sized screen: one column, bigger touch targets
  bool reducedMotion = false;
  bool saved = true;           // every change is durable (the shell's indicator says the same)
  std::function<void()> requestFlush;   // asks for a sync as soon as possible (may be empty)
};

class View {
 public:
  virtual ~View() = default;
  virtual const char* id() const = 0;      // e.g. "journal"
  virtual const char* title() const = 0;   // shown in navigation
  // Draws the page into the current ImGui window (the content area).
  virtual void draw(ViewContext& ctx) = 0;
  // Saves whatever is being typed now (autosave on blur, page hide, navigation, tab handover).
  virtual void commitPendingEdits() {}
  // When this view next needs a frame without any input (an autosave timer), or -1.
  virtual int64_t nextWakeMs() const { return -1; }
  // Called when the view stops being shown.
  virtual void onHide() { commitPendingEdits(); }
};

}  // namespace toward::ui
