// core/ui/a11y.cpp: see a11y.h. Also defines Dear ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE, set for
// toward_imgui in cmake/third_party.cmake): they are ours, not the Dear ImGui Test Engine library.
#include "core/ui/a11y.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/ui/a11y_delta.h"

namespace toward::ui::a11y {
namespace {

TreeBuilder g_tree;
DeltaWriter g_delta;
bool g_enabled = true;
bool g_cleared = false;  // the page was told the tree is empty (turned off)
uint32_t g_focusRequest = 0;
bool g_focusRing = true;   // the focus asked for shows ImGui's ring (a mirror element), or not (a DOM field)
uint32_t g_revealRequest = 0;
struct ValueRequest {
  uint32_t id = 0;
  int value = 0;
};
ValueRequest g_valueRequest;
bool g_collecting = false;

// The nodes made next belong to the window being drawn.
void here() {
  if (GImGui->CurrentWindow) g_tree.inWindow(GImGui->CurrentWindow->ID);
}

Node* last() {
  if (!g_collecting) return nullptr;
  return g_tree.find(GImGui->LastItemData.ID);
}

Rect lastRect() {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  return Rect{a.x, a.y, b.x - a.x, b.y - a.y};
}

bool lastVisible() {
  const ImGuiWindow* window = GImGui->CurrentWindow;
  return window && ImGui::IsItemVisible() && !window->SkipItems;
}

}  // namespace

void role(Role r) {
  if (Node* n = last()) n->role = r;
}

void name(const char* words) {
  if (Node* n = last()) n->name = words;
}

void selected(bool on) {
  if (Node* n = last()) {
    n->selectable = true;
    n->selected = on;
  }
}

void radio(bool on) {
  if (Node* n = last()) {
    n->role = Role::Radio;
    n->selectable = false;   // a chip drawn as one of a set: its state is checked, not pressed
    n->checkable = true;
    n->checked = on;
  }
}

void tab(bool on) {
  role(Role::Tab);
  selected(on);
}

void range(int now, int lo, int hi) {
  if (Node* n = last()) {
    n->role = Role::Slider;
    n->ranged = true;
    n->now = now, n->lo = lo, n->hi = hi;
    n->value = std::to_string(now) + " of " + std::to_string(hi);
  }
}

void value(const std::string& words) {
  if (Node* n = last()) n->value = words;
}

void description(const char* words) {
  if (Node* n = last()) n->description = words;
}

void expanded(bool open) {
  if (Node* n = last()) {
    n->expandable = true;
    n->expanded = open;
  }
}

void cancel() {
  if (Node* n = last()) n->cancel = true;
}

void listItem() {
  if (Node* n = last()) n->listItem = true;
}

void hide() {
  if (Node* n = last()) n->role = Role::None;
}

void paragraph(const char* words) {
  if (!g_collecting || !lastVisible()) return;
  here();
  g_tree.text(Role::Paragraph, words, lastRect());
}

void heading(const char* words, int level) {
  if (!g_collecting || !lastVisible()) return;
  here();
  g_tree.text(Role::Heading, words, lastRect(), level);
}

void status(const char* key, const char* words, bool say) {
  if (!g_collecting) return;
  here();
  g_tree.status(key, words, lastRect(), say);
}

void progress(const char* name, float fraction) {
  if (!g_collecting || !lastVisible()) return;
  here();
  g_tree.progress(name, int(std::lround(std::clamp(fraction, 0.0f, 1.0f) * 100.0f)), lastRect());
}

void chart(const std::string& summary, const std::string& rows) {
  Node* n = last();
  if (!n) return;
  n->role = Role::Image;
  n->name = summary;
  g_tree.table(summary, rows, n->rect);
}

void beginGroup(Role r, const char* groupName) {
  if (!g_collecting) return;
  here();
  g_tree.beginGroup(r, groupName, ImGui::GetID(groupName));
}

void endGroup() {
  if (g_collecting) g_tree.endGroup();
}

void announce(const std::string& words) { g_tree.announce(words); }

void install() { GImGui->TestEngineHookItems = true; }

void setEnabled(bool on) { g_enabled = on; }

void beginFrame() {
  g_tree.beginFrame();
  g_collecting = g_enabled;
}

namespace {

// Windows that scroll, with some of what they hold out of view: their "Show more" buttons (addShowMore).
std::vector<ScrolledWindow> scrolledWindows() {
  std::vector<ScrolledWindow> out;
  // Less than a line out of view (a window's padding) holds nothing to read.
  const float line = ImGui::GetFontSize();
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip) || w->ScrollMax.y < line) continue;
    ScrolledWindow s;
    s.id = w->ID;
    s.above = w->Scroll.y > line;
    s.below = w->Scroll.y < w->ScrollMax.y - line;
    if (!s.above && !s.below) continue;
    const ImRect r = w->InnerRect;
    s.top = Rect{r.Min.x, r.Min.y, r.GetWidth(), 2.0f};
    s.bottom = Rect{r.Min.x, r.Max.y - 2.0f, r.GetWidth(), 2.0f};
    out.push_back(s);
  }
  return out;
}

// Whether window `id` is `outer` or a child window inside it.
bool insideWindow(uint32_t id, uint32_t outer) {
  if (id == outer) return true;
  for (const ImGuiWindow* w = ImGui::FindWindowByID(id); w && (w->Flags & ImGuiWindowFlags_ChildWindow); w = w->ParentWindow) {
    if (w->ParentWindow && w->ParentWindow->ID == outer) return true;
  }
  return false;
}

}  // namespace

std::string endFrame(bool handOver) {
  g_collecting = false;
  g_tree.endFrame();
  if (g_enabled) g_tree.addShowMore(scrolledWindows(), insideWindow);
  if (g_enabled && !handOver) return {};
  if (!g_enabled) {
    if (g_cleared) return {};
    g_cleared = true;
    g_delta.reset();
    return "{\"f\":0,\"o\":[]}";
  }
  g_cleared = false;
  const ImGuiContext& g = *GImGui;
  return g_delta.next(g_tree, g.NavDisableHighlight ? 0 : g.NavId);
}

bool pressedThisFrame() {
  const ImGuiContext& g = *GImGui;
  if (g.NavActivatePressedId != 0) return true;   // Enter, Space, or ActivateItemByID (requestActivate)
  for (int b = 0; b < IM_ARRAYSIZE(g.IO.MouseReleased); ++b) {
    if (g.IO.MouseReleased[b] || g.IO.MouseClicked[b]) return true;
  }
  return false;
}

std::vector<std::string> takeAnnouncements() { return g_tree.takeAnnouncements(); }

void requestFocus(uint32_t id) {
  g_focusRequest = g_revealRequest = id;
  g_focusRing = true;
}

void requestReveal(uint32_t id) { g_revealRequest = id; }

void requestFieldFocus(uint32_t id) {
  g_focusRequest = id;
  g_focusRing = false;
}

void requestActivate(uint32_t id) {
  // A "Show more" button (TreeBuilder::addShowMore): its window scrolls by most of a view.
  if (const Node* n = g_tree.find(id); n && n->scroll != 0) {
    if (ImGuiWindow* w = ImGui::FindWindowByID(n->window)) {
      const float to = w->Scroll.y + float(n->scroll) * w->InnerRect.GetHeight() * 0.8f;
      ImGui::SetScrollY(w, std::clamp(to, 0.0f, w->ScrollMax.y));
    }
    return;
  }
  // Pressed once, on the next frame, as if by Enter on it (ButtonBehavior's nav activation).
  ImGui::ActivateItemByID(id);
}

void requestValue(uint32_t id, int value) { g_valueRequest = {id, value}; }

bool takeValue(uint32_t id, int* value) {
  if (id == 0 || g_valueRequest.id != id) return false;
  *value = g_valueRequest.value;
  g_valueRequest = {};
  return true;
}

const TreeBuilder& tree() { return g_tree; }

// Called by the ItemAdd hook: moves ImGui's keyboard focus to the item the page focused, with its ring
// (a mirror element), or without (a DOM text field, which shows its own).
void focusIfAsked(ImGuiContext* ctx, ImGuiID id) {
  if (g_focusRequest == 0 || id != g_focusRequest || !ctx->CurrentWindow) return;
  g_focusRequest = 0;
  ImGui::SetFocusID(id, ctx->CurrentWindow);
  ctx->NavDisableHighlight = !g_focusRing;
  // The keys' focus takes the hover from the pointer until it moves or presses, as ImGui's own keyboard
  // navigation does; not when the pointer moved or pressed in this very frame, or holds a control: a click
  // that came with the focus (an arrow, then a quick click) would lose its release, not over its button.
  const ImGuiIO& io = ctx->IO;
  bool pointerActed = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f ||
                      (ctx->ActiveId != 0 && ctx->ActiveIdSource == ImGuiInputSource_Mouse);
  for (bool clicked : io.MouseClicked) pointerActed = pointerActed || clicked;
  if (g_focusRing && !pointerActed) ctx->NavDisableMouseHover = true;
}

// Called by the ItemAdd hook: scrolls the item the keys reached into view with room around it, up to
// 35 % of the view above and below (what a Tab or Shift+Tab reaches next is then drawn). The room is
// measured in the nearest window that scrolls (a child as tall as its contents scrolls in its parent's
// view); ScrollToRectEx scrolls the parents too. An item taller than the view shows from its top.
void revealIfAsked(ImGuiContext* ctx, ImGuiID id, const ImRect& bb) {
  if (g_revealRequest == 0 || id != g_revealRequest || !ctx->CurrentWindow) return;
  g_revealRequest = 0;
  ImGuiWindow* window = ctx->CurrentWindow;
  const ImGuiWindow* view = window;
  while ((view->Flags & ImGuiWindowFlags_ChildWindow) && view->ScrollMax.y <= 0.0f && view->ParentWindow) view = view->ParentWindow;
  const float height = view->InnerRect.GetHeight();
  const float room = std::clamp((height - bb.GetHeight()) * 0.5f - ctx->Style.ItemSpacing.y * 2.0f, 0.0f, height * 0.35f);
  ImGui::ScrollToRectEx(window, ImRect(bb.Min.x, bb.Min.y - room, bb.Max.x, bb.Max.y + room), ImGuiScrollFlags_KeepVisibleEdgeY);
}

}  // namespace toward::ui::a11y

// [SECTION] Dear ImGui's item hooks
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
  using namespace toward::ui::a11y;
  if (!g_collecting) return;
  if (ctx->CurrentWindow) g_tree.inWindow(ctx->CurrentWindow->ID);
  focusIfAsked(ctx, id);
  revealIfAsked(ctx, id, bb);
  const ImGuiWindow* window = ctx->CurrentWindow;
  const bool visible = window && !window->SkipItems && bb.Overlaps(window->ClipRect) && bb.GetWidth() > 0;
  const bool disabled = (item ? item->InFlags : ctx->CurrentItemFlags) & ImGuiItemFlags_Disabled;
  g_tree.itemAdd(id, Rect{bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()}, visible, disabled);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  using namespace toward::ui::a11y;
  if (!g_collecting || !label) return;
  if (ctx->WindowsById.GetVoidPtr(id)) return;  // a window telling its own name, not a control
  ItemFlags f;
  f.checkable = flags & ImGuiItemStatusFlags_Checkable;
  f.checked = flags & ImGuiItemStatusFlags_Checked;
  f.openable = flags & ImGuiItemStatusFlags_Openable;
  f.opened = flags & ImGuiItemStatusFlags_Opened;
  f.inputable = flags & ImGuiItemStatusFlags_Inputable;
  g_tree.itemInfo(id, label, f);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
