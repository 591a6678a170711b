// core/ui/way_out.h: the calm choices for a hard moment. "It's too much right now" (a view calls
// ViewContext::wayOut from a timer, a grounding session or an editor) and "How is it now?" (the check-in
// after a hard moment, ViewContext::checkIn) offer the same things: each plugin's care choices (ground
// with the texture box, the safety plan, someone to call), a few things that need no screen, and a way
// back. Never a dead end, never a lecture. The shell (web/app.cpp) places them; this draws them.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "core/ui/view.h"

namespace toward::ui {

// One care choice of one plugin (PluginUiSpec::careChoices).
struct CareChoice {
  std::string pluginId, actionId, label;
};

// "It's too much right now", for any view: opens the shell's calm choice. False when nothing was pressed
// (or the shell offers no way out in this context).
bool TooMuchButton(const ViewContext& ctx, ImVec2 size = ImVec2(0, 0));

// The things that need no screen, as short calm lines.
void NoScreenIdeas();

// Before a button that follows another in a row: stays on the same line when `label` still fits the
// row, else starts a new one (rows of buttons that wrap on a phone).
void NextButtonInRow(const char* label);

// The plugins' care choices as buttons (in rows that wrap); returns the index pressed, or -1. `drawn` is
// called right after each button (the shell notes where it is, for the test API).
int CareChoiceButtons(const std::vector<CareChoice>& choices, float rowHeight,
                      const std::function<void(const CareChoice&)>& drawn = {});

}  // namespace toward::ui
