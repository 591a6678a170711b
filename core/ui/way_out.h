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

// Notes where a control was just drawn (the shell's test API), by id and label.
using NoteControl = std::function<void(const std::string& id, const std::string& label)>;

// What the person answered in one of the two.
struct CareAnswer {
  int choice = -1;        // a care choice pressed (index), or -1
  bool back = false;      // the way out: "Back"
  bool more = false;      // the check-in: "More ways through" (the way out)
  bool ok = false;        // the check-in: "I'm OK for now"
  bool carriedOn = false; // the check-in: a click elsewhere (carrying on is an answer too)
};

// "It's too much right now": a calm dialog over the page (opened by the caller while it should show).
// Controls are noted as "way-out:<plugin>/<action>" and "way-out:back".
CareAnswer WayOutDialog(const Fonts& fonts, const std::vector<CareChoice>& choices, bool compact, const NoteControl& note);

// "How is it now?": a small card at the bottom of the content area, never modal. `height` is its height
// in the last frame (it sits on the bottom edge). It reaches up to `top` at most (the phone's top bar ends
// there, with Hide in it) and scrolls inside when it holds more (large text on a phone). Controls are
// noted as "check-in:<plugin>/<action>", "check-in:more" and "check-in:ok".
CareAnswer CheckInCard(const std::vector<CareChoice>& choices, bool compact, float top, float& height, const NoteControl& note);

// Where a card of width `w` and height `h` sits at the bottom of the content area (over the page, above
// the phone's tabs), as a cursor position in the shell's window; its width is returned in `w` when 0.
ImVec2 BottomCardPos(bool compact, float& w, float h, float maxEms);

// The plugins' care choices as buttons (in rows that wrap; a label wider than the row wraps inside its
// button, taller); returns the index pressed, or -1. `drawn` is
// called right after each button (the shell notes where it is, for the test API).
int CareChoiceButtons(const std::vector<CareChoice>& choices, float rowHeight,
                      const std::function<void(const CareChoice&)>& drawn = {});

}  // namespace toward::ui
