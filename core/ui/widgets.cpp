// core/ui/widgets.cpp: see widgets.h.
#include "core/ui/widgets.h"

#include "core/plain_message.h"
#include "core/ui/details.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "core/ui/a11y.h"
#include "core/ui/theme.h"

namespace toward::ui {

ImVec4 OnAccent() {
  const Palette& p = palette();
  return p.dark ? p.background : ImVec4(1, 1, 1, 1);
}

bool PrimaryButton(const char* label, ImVec2 size) {
  const Palette& p = palette();
  const ImVec4 onAccent = OnAccent();
  ImVec4 hover = p.accent;
  hover.w = 0.88f;
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, hover);
  ImGui::PushStyleColor(ImGuiCol_Text, onAccent);
  ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(5);
  return pressed;
}

bool QuietButton(const char* label, ImVec2 size) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Border, p.border);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  return pressed;
}

bool QuietButtonOnOneLine(const std::string& label, bool fill) {
  const float pad = ImGui::GetStyle().FramePadding.x * 2.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const char* begin = label.c_str();
  const char* end = begin + label.size();
  const float whole = ImGui::CalcTextSize(begin, end).x;
  std::string shown = label;
  if (whole + pad > avail) {
    const char* ellipsis = "\xE2\x80\xA6";
    const float room = std::max(0.0f, avail - pad - ImGui::CalcTextSize(ellipsis).x);
    const char* fits = begin;
    ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), room, 0.0f, begin, end, &fits);
    while (fits > begin && fits[-1] == ' ') --fits;   // no space before the ellipsis
    shown.assign(begin, fits);
    shown += ellipsis;
  }
  ImGui::PushID(label.c_str());
  const bool pressed = QuietButton((shown + "###one-line").c_str(), ImVec2(fill ? avail : std::min(avail, whole + pad), 0));
  if (shown != label) a11y::name(label.c_str());
  ImGui::PopID();
  return pressed;
}

void Heading(const Fonts& fonts, const char* text) {
  ImGui::PushFont(fonts.heading);
  ImGui::TextWrapped("%s", text);
  a11y::heading(text, 2);
  ImGui::PopFont();
}

void FlowBeside(float width, float gap) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;   // the row's right edge
  const float space = gap < 0 ? ImGui::GetStyle().ItemSpacing.x : gap;
  if (ImGui::GetItemRectMax().x + space + width <= right) ImGui::SameLine(0, space);
}

float ToggleWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float ButtonWidth(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

bool WrappedCheckbox(const char* label, bool* value) {
  if (ToggleWidth(label) <= ImGui::GetContentRegionAvail().x) return ImGui::Checkbox(label, value);
  ImGui::PushID(label);
  bool changed = ImGui::Checkbox("##box", value);
  ImGui::PopID();
  a11y::name(label);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", label);
  if (ImGui::IsItemClicked()) {
    *value = !*value;
    changed = true;
  }
  return changed;
}

void RowLine(ImDrawList* draw, ImVec2 at, float right, ImU32 color, const std::string& text) {
  const float lineH = ImGui::GetTextLineHeight();
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::RenderTextEllipsis(draw, at, ImVec2(right, at.y + lineH), right, right, text.c_str(), text.c_str() + text.size(),
                            nullptr);
  ImGui::PopStyleColor();
}

void MutedText(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextWrapped("%s", text);
  a11y::paragraph(text);
  ImGui::PopStyleColor();
}

void BodyText(const char* text) {
  ImGui::TextWrapped("%s", text);
  a11y::paragraph(text);
}

bool HoverTip(ImGuiHoveredFlags flags) {
  if (!ImGui::IsItemHovered(flags)) return false;
  const ImGuiIO& io = ImGui::GetIO();
  return io.MouseSource != ImGuiMouseSource_TouchScreen || io.MouseDown[ImGuiMouseButton_Left];
}

namespace {
float g_wakeAfter = -1.0f;
}  // namespace

void WakeAfter(float seconds) {
  if (g_wakeAfter < 0.0f || seconds < g_wakeAfter) g_wakeAfter = std::max(seconds, 0.0f);
}

float TakeWakeAfter() {
  const float s = g_wakeAfter;
  g_wakeAfter = -1.0f;
  return s;
}

bool EscapePressed() {
  return ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup);
}

void Hint(const char* text, ImGuiHoveredFlags flags) {
  if (!text || !text[0]) return;
  a11y::description(text);
  const ImGuiContext& g = *GImGui;
  if (!HoverTip(flags)) {
    // Hovered, but its delay not passed yet: the frame that shows it is asked for (no frame is drawn
    // while the pointer rests, so the delay would otherwise end only at the next input).
    const ImGuiHoveredFlags delays = ImGuiHoveredFlags_DelayNormal | ImGuiHoveredFlags_DelayShort;
    const float delay = (flags & ImGuiHoveredFlags_DelayNormal) ? g.Style.HoverDelayNormal
                        : (flags & ImGuiHoveredFlags_DelayShort) ? g.Style.HoverDelayShort : 0.0f;
    if (delay > 0.0f && HoverTip(flags & ~delays)) WakeAfter(delay - g.HoverItemDelayTimer + 0.05f);
    return;
  }
  const float wrap = ImGui::GetFontSize() * 22.0f;
  if (g.NavDisableMouseHover && !g.NavDisableHighlight && g.NavId == g.LastItemData.ID) {
    const ImVec2 pad = g.Style.WindowPadding;
    const ImVec2 words = ImGui::CalcTextSize(text, nullptr, false, wrap);
    const ImVec2 size(words.x + pad.x * 2, words.y + pad.y * 2);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    const float gap = g.Style.ItemInnerSpacing.x;
    const float x = std::clamp(min.x, 0.0f, std::max(0.0f, screen.x - size.x));
    ImVec2 at;
    if (min.y - gap - size.y >= 0.0f) at = ImVec2(x, min.y - gap - size.y);          // above
    else if (max.x + gap + size.x <= screen.x) at = ImVec2(max.x + gap, min.y);     // to the right
    else at = ImVec2(x, max.y + gap);                                               // below
    at.y = std::clamp(at.y, 0.0f, std::max(0.0f, screen.y - size.y));
    ImGui::SetNextWindowPos(at);
  }
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

namespace {
// The slider a finger landed on, and its value before (one finger, one slider at a time).
struct SliderTouch {
  ImGuiID id = 0;
  int before = 0;
};
SliderTouch g_sliderTouch;
}  // namespace

void StartAtTopWhenChanged(std::string& shownId, const std::string& id) {
  if (shownId == id) return;
  shownId = id;
  ImGui::SetScrollY(0.0f);
}

namespace {

// A finger's fling: the window it scrolled last, and whether it coasts on after the finger lifted, at what
// speed (scroll pixels a second), as lists do on a phone.
struct Fling {
  ImGuiID window = 0;
  float speed = 0.0f;
  bool coasting = false;
  int frame = 0;   // the last frame it moved in: a window not drawn in the next one (another page) stops it
  int trackedFrame = -1;   // the frame whose finger move it last took (the innermost window under it)
};
Fling g_fling;
// The finger's last lift, as the platform measured it from the input events' own times (NoteFingerLift).
struct Lift {
  double stillSeconds = 1e9;
  float speed = 0.0f;   // the finger's speed just before it lifted, pixels a second, downward positive
};
Lift g_lift;
constexpr float kFlingFromSpeed = 150.0f;     // px/s at the lift: slower is a scroll put in place, no coasting
constexpr float kFlingStopSpeed = 20.0f;      // px/s: the coasting ends
constexpr float kFlingEaseSeconds = 0.325f;   // the speed falls to a third of itself in this long
constexpr double kFlingStillSeconds = 0.08;   // a finger that stood still this long before lifting: no coasting

// Moves this window on by itself after a fling, slower each frame, until it is slow, at an end, or a
// finger (or the pointer) is down again.
void Coast(ImGuiWindow* window, const ImGuiIO& io) {
  if (!g_fling.coasting || g_fling.window != window->ID) return;
  if (io.MouseDown[ImGuiMouseButton_Left] || io.MouseWheel != 0.0f || ImGui::GetFrameCount() > g_fling.frame + 1) {
    g_fling = Fling{};
    return;
  }
  const float dt = std::clamp(io.DeltaTime, 0.0f, 0.05f);
  const float before = ImGui::GetScrollY();
  const float to = std::clamp(before + g_fling.speed * dt, 0.0f, ImGui::GetScrollMaxY());
  ImGui::SetScrollY(to);
  g_fling.speed *= std::exp(-dt / kFlingEaseSeconds);
  g_fling.frame = ImGui::GetFrameCount();
  const bool atEnd = (g_fling.speed > 0 && to >= ImGui::GetScrollMaxY()) || (g_fling.speed < 0 && to <= 0.0f);
  if (std::fabs(g_fling.speed) < kFlingStopSpeed || atEnd) g_fling = Fling{};
  else WakeAfter(0.0f);   // the next frame comes at once
}

}  // namespace

void NoteFingerLift(double stillSeconds, float speed) { g_lift = Lift{stillSeconds, speed}; }

void TouchScroll() {
  ImGuiIO& io = ImGui::GetIO();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  Coast(window, io);
  if (io.MouseSource != ImGuiMouseSource_TouchScreen) return;
  // A finger moving over this window scrolls it. On a busy phone the whole swipe, lift included, can come
  // in one frame: the lift's frame still scrolls by the finger's last move.
  const bool released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
  const bool dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f) ||
                        (released && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] >= 16.0f);
  const int frame = ImGui::GetFrameCount();
  // A finger moving sideways on a slider is setting it (Slider lets go by itself once the finger turns to
  // scrolling, and the page scrolls from the next frame).
  const bool onSlider = g_sliderTouch.id != 0 && ImGui::GetActiveID() == g_sliderTouch.id;
  if (dragging && !onSlider &&
      ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    // The innermost window that scrolls under the finger is the one that coasts (its TouchScroll comes
    // before its parents').
    if (ImGui::GetScrollMaxY() > 0.0f && !(g_fling.trackedFrame == frame && g_fling.window != window->ID)) {
      if (g_fling.window != window->ID || g_fling.coasting) g_fling = Fling{window->ID};
      g_fling.trackedFrame = frame;
    }
    // The finger is scrolling, not pressing what it started on.
    ImGui::ClearActiveID();
  }
  // The finger lifted from this window while moving (by the events' own times and places: frames come
  // late on a busy phone): it coasts on from the next frame.
  if (released && g_fling.window == window->ID && !g_fling.coasting) {
    const float speed = -g_lift.speed;   // the finger going up scrolls the window down
    if (g_lift.stillSeconds < kFlingStillSeconds && std::fabs(speed) >= kFlingFromSpeed) {
      g_fling.coasting = true;
      g_fling.speed = speed;
      g_fling.frame = frame;
      WakeAfter(0.0f);
    } else {
      g_fling = Fling{};
    }
  }
}

namespace {

// ImGui's own keyboard focus is on slider `id` (not dragging it): Left/Right move it by one step, PageUp/
// PageDown by a tenth, Home/End to its ends. ImGui alone wants Space first, and its arrows would carry
// the focus away instead; the slider owns these keys while focused, so they move it and nothing else.
// Focused means with its ring (the keys reached it), or last pressed by the pointer: as with a range input
// in a web page, a slider just clicked or tapped moves with the keys next, and its ring shows then.
void KeyboardStep(ImGuiID id, int* value, int lo, int hi) {
  ImGuiContext& g = *GImGui;
  if (id == 0 || g.NavId != id || g.ActiveId == id) return;
  if (g.NavDisableHighlight && g.LastActiveId != id) return;
  if (!(g.IO.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard)) return;
  const int page = std::max(1, (hi - lo) / 10);
  const struct { ImGuiKey key; int step; } keys[] = {
      {ImGuiKey_LeftArrow, -1}, {ImGuiKey_RightArrow, 1}, {ImGuiKey_PageDown, -page}, {ImGuiKey_PageUp, page},
      {ImGuiKey_Home, lo - hi}, {ImGuiKey_End, hi - lo}};
  int to = *value;
  bool pressed = false;
  for (const auto& k : keys) {
    ImGui::SetKeyOwner(k.key, id);
    if (ImGui::IsKeyPressed(k.key, id, ImGuiInputFlags_Repeat)) {
      to += k.step;
      pressed = true;
    }
  }
  *value = std::clamp(to, lo, hi);
  if (pressed && g.NavDisableHighlight) {   // the keys are in use now: the ring shows where they act
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
  }
}
}  // namespace

bool Slider(const char* label, int* value, int lo, int hi, const char* format, int sliderFlags) {
  const int atFrameStart = *value;
  // Moved from the keyboard: on its mirror element (web/glue/a11y.js asks), or with ImGui's focus on it.
  // Taken before the slider is drawn (its id is its label's, as SliderInt will make it), so this very
  // frame draws the new value: taken after, the canvas stayed a value behind until something else drew.
  const ImGuiID id = ImGui::GetID(label);
  if (int asked = 0; a11y::takeValue(id, &asked)) *value = std::clamp(asked, lo, hi);
  else KeyboardStep(id, value, lo, hi);
  ImGui::SliderInt(label, value, lo, hi, format, sliderFlags);
  a11y::range(*value, lo, hi);  // callers name it, and may say its value in their own words (a11y::value)
  if (ImGui::IsItemActivated() && ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen) {
    g_sliderTouch = {id, atFrameStart};
  }
  if (g_sliderTouch.id == id) {
    const ImVec2 moved = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    if (std::fabs(moved.y) > 4.0f && std::fabs(moved.y) > std::fabs(moved.x)) {
      // The finger is scrolling the page: the value goes back, and the slider lets go.
      *value = g_sliderTouch.before;
      g_sliderTouch.id = 0;
      if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
    } else if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      g_sliderTouch.id = 0;   // a tap or a sideways drag: the value stands
    }
  }
  return *value != atFrameStart;
}

float RowHeight(bool compact) { return ImGui::GetFrameHeight() * (compact ? 1.9f : 1.6f); }

bool Chip(const char* label, bool selected) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accentSoft : ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Border, selected ? p.accent : p.border);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  const bool pressed = ImGui::Button(label);
  a11y::selected(selected);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  return pressed;
}

void Gap(float ems) { ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * ems)); }

void CalmWarning(const std::string& text) {
  // Machine text never becomes the headline: a plain sentence, the rest behind "Details".
  const core::PersonMessage message = core::forPerson(text);
  PlainProblem(message.plain, message.detail);
}

bool Radio(const char* label, bool on) {
  const bool pressed = ImGui::RadioButton(label, on);
  a11y::radio(on);
  return pressed;
}

void UnsavedWordsNote(const std::string& reason) {
  if (reason.empty()) return;
  CalmWarning("Your words are still here, but could not be saved yet (" + reason + ").");
}

void WipeSecret(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

void DrawListAndEditor(const ListAndEditor& layout, bool& showEditor, const std::function<void()>& onBack,
                       const std::function<void(float width)>& drawList, const std::function<void()>& drawEditor) {
  if (layout.compact) {
    if (showEditor && layout.hasOpen) {
      if (QuietButton(layout.backLabel)) {
        onBack();
        showEditor = false;
      }
      drawEditor();
    } else {
      drawList(-1);
    }
    return;
  }
  const float listWidth = std::min(ImGui::GetContentRegionAvail().x * layout.listShare, ImGui::GetFontSize() * layout.listEms);
  drawList(listWidth);
  ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
  ImGui::BeginGroup();
  drawEditor();
  ImGui::EndGroup();
}

}  // namespace toward::ui
