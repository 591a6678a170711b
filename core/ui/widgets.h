// core/ui/widgets.h: small calm widgets shared by every page: buttons, headings, muted text, and
// drag-to-scroll for touch screens (ImGui scrolls with wheels, not fingers, by itself).
#pragma once
#include <functional>
#include <string>

#include <imgui.h>

#include "core/ui/fonts.h"

namespace toward::ui {

// The colour of words on the accent colour (a primary button's).
ImVec4 OnAccent();
// A filled accent button for the main action of a page.
bool PrimaryButton(const char* label, ImVec2 size = ImVec2(0, 0));
// A quiet button for secondary actions.
bool QuietButton(const char* label, ImVec2 size = ImVec2(0, 0));
// The same on one line no wider than the space left on it (all of it when `fill`): a label too long for that
// ends in "..." instead of being cut mid-word, and its whole text is still its name for a screen reader.
bool QuietButtonOnOneLine(const std::string& label, bool fill);
// A toggle button (a "chip"): a soft accent fill and border when selected. Returns true when pressed.
bool Chip(const char* label, bool selected);
// A page or section heading in the heading font.
void Heading(const Fonts& fonts, const char* text);
// Wrapped text in the muted colour.
void MutedText(const char* text);
// Wrapped text in the normal colour.
void BodyText(const char* text);
// Call at the end of a scrolling window or child: a finger dragging on empty space scrolls it.
void TouchScroll();
// The platform says how long a finger stood still before it lifted, and how fast it was going then (pixels a
// second, downward positive), by the input events' own times and places: a swipe lifted while moving
// coasts on (TouchScroll). Frames come late on a busy phone (a whole swipe can come in one), so they say
// nothing of the finger's speed.
void NoteFingerLift(double stillSeconds, float speed);
// Call right after beginning a scrolling window or child that shows one thing at a time (an entry, a
// letter): when `id` is not what it showed last frame (`shownId`), it starts at its top, not where the
// last one was left.
void StartAtTopWhenChanged(std::string& shownId, const std::string& id);
// True when the last item's hint should show: hovered by a mouse, or held down by a finger. A tap leaves
// the pointer where it landed, and a hint shown then would stay over the next buttons.
bool HoverTip(ImGuiHoveredFlags flags = 0);
// The last item's hint: its description for a screen reader (read after its name), and shown as a tooltip
// on hover (HoverTip). On keyboard focus the hint stands above the item (else beside it, else below),
// not over the controls after it that Tab reaches next; at most about 22 ems wide, wrapped. With a delay
// in `flags`, a frame is asked for when the delay has passed (WakeAfter), so it shows with no more input.
void Hint(const char* text, ImGuiHoveredFlags flags = 0);
// Something drawn wants a frame in `seconds` with no input (a hint's hover delay). The app takes the
// earliest asked in a frame (TakeWakeAfter: -1 when none) and wakes for it.
void WakeAfter(float seconds);
float TakeWakeAfter();
// Escape was pressed this frame with no popup open: a screen's way back ("Back", "Not now", "Stop here")
// takes it, as every dialog's does (from the canvas, or from the mirror through toward_a11y_escape).
bool EscapePressed();
// ImGui::SliderInt that a finger can scroll past: a touch that lands on the slider and then moves mostly
// up or down (the start of a scroll) gives the value back as it was; a tap or a sideways drag sets it.
// Returns true when the value differs from the one this frame began with.
bool Slider(const char* label, int* value, int lo, int hi, const char* format = "%d", int sliderFlags = 0);
// Height of a comfortable touch row for `compact` layouts.
float RowHeight(bool compact);
// Vertical space of `ems` font sizes.
void Gap(float ems = 0.6f);
// A wrapped line in the calm amber used for problems (never red); nothing when `text` is empty. Machine
// text (core/plain_message.h) shows as a plain sentence, the text itself behind "Details".
void CalmWarning(const std::string& text);
// ImGui::RadioButton, read by a screen reader as a radio button with its checked state.
bool Radio(const char* label, bool on);
// Under an editor whose words the store refused (`reason`, a model's message): they are still on screen,
// and why they could not be saved, in words (not only behind a hover). Nothing when `reason` is empty.
void UnsavedWordsNote(const std::string& reason);
// Puts the next item, `width` wide, beside the last one when it fits in the row, else on the next line
// (choices that flow onto more lines on a phone instead of running off its edge). Call between items.
void FlowBeside(float width, float gap = -1.0f);   // gap: the space between them (ImGui's item spacing when < 0)
// How wide ImGui::RadioButton or ImGui::Checkbox is with this label.
float ToggleWidth(const char* label);
// The width of a button with this label.
float ButtonWidth(const char* label);
// ImGui::Checkbox whose label wraps onto more lines where the row is too narrow for it (a phone); the
// label stays its name for a screen reader, and a tap on the words toggles it too.
bool WrappedCheckbox(const char* label, bool* value);
// One line of a list row drawn by hand, from `at` up to `right`: a line too long for the row ends in "..."
// rather than being cut off mid-word (its whole text is still what a screen reader hears).
void RowLine(ImDrawList* draw, ImVec2 at, float right, ImU32 color, const std::string& text);
// Overwrites and empties a string that held a passphrase.
void WipeSecret(std::string& s);

// The list-and-editor page: side by side on a wide screen (the list `listShare` of the width, at most
// `listEms` font sizes wide); on a phone either the list or, while `showEditor` and `hasOpen`, the editor
// under a back button labelled `backLabel` (pressing it calls `onBack` and shows the list again).
struct ListAndEditor {
  bool compact = false;
  bool hasOpen = false;
  const char* backLabel = "< Back";
  float listShare = 0.35f;
  float listEms = 21.0f;
};
void DrawListAndEditor(const ListAndEditor& layout, bool& showEditor, const std::function<void()>& onBack,
                       const std::function<void(float width)>& drawList, const std::function<void()>& drawEditor);

}  // namespace toward::ui
