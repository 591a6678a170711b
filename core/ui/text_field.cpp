// core/ui/text_field.cpp: see text_field.h.
#include "core/ui/text_field.h"

#include <imgui_internal.h>

#include "core/ui/a11y.h"
#include "core/ui/fonts.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::ui {

bool PopupCoversThisWindow() {
  ImGuiContext& g = *GImGui;
  if (g.OpenPopupStack.empty()) return false;
  return !(g.CurrentWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal));
}

namespace {

bool placeField(core::TextInputService& service, const std::string& key, std::string& text, ImVec2 size,
                bool multiline, const TextFieldOptions& options) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x + size.x;
  if (size.y <= 0) size.y = multiline ? avail.y + size.y : ImGui::GetFrameHeight();
  if (size.x < 40) size.x = 40;
  if (size.y < ImGui::GetFrameHeight()) size.y = ImGui::GetFrameHeight();

  ImGui::PushID(key.c_str());
  ImGui::InvisibleButton("##field", size);
  a11y::role(a11y::Role::TextBox);  // the DOM field placed over it is what assistive technology reads
  a11y::value(key);                 // which field: the mirror keeps its place in the Tab order
  ImGui::PopID();
  const Palette& p = palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = ImGui::GetStyle().FrameRounding;
  draw->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(p.surface), rounding);
  draw->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(p.border), rounding);

  const ImVec2 clipMin = draw->GetClipRectMin(), clipMax = draw->GetClipRectMax();
  const bool visible = clipMax.y > pos.y && clipMin.y < pos.y + size.y && clipMax.x > pos.x && clipMin.x < pos.x + size.x;
  // A field scrolled out of view while it has the keys keeps them, as a web page's field does: it stays
  // placed, shown nowhere, and the next typed words go on into it (its page scrolls it back into view).
  // Removed, the keys went to the next control in view: a space chose a radio, letters went into another
  // field, or nowhere.
  const bool covered = PopupCoversThisWindow();
  const bool keepsKeys = !visible && !covered && service.hasFocusOn(key);
  if (!visible && !keepsKeys) return false;
  if (covered) {
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    draw->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    const std::string dots(options.password ? text.size() : 0, '*');
    const char* shown = text.empty() ? options.placeholder : options.password ? dots.c_str() : text.c_str();
    draw->AddText(nullptr, 0, ImVec2(pos.x + pad.x, pos.y + pad.y), ImGui::GetColorU32(text.empty() ? p.muted : p.text),
                  shown, nullptr, multiline ? size.x - 2 * pad.x : 0);
    draw->PopClipRect();
    return false;
  }
  core::TextFieldPlacement placement;
  placement.key = key;
  placement.x = pos.x;
  placement.y = pos.y;
  placement.w = size.x;
  placement.h = size.y;
  placement.clipX = std::max(clipMin.x, pos.x);
  placement.clipY = std::max(clipMin.y, pos.y);
  placement.clipW = keepsKeys ? 0.0f : std::min(clipMax.x, pos.x + size.x) - placement.clipX;
  placement.clipH = keepsKeys ? 0.0f : std::min(clipMax.y, pos.y + size.y) - placement.clipY;
  placement.multiline = multiline;
  placement.focus = options.focus;
  placement.fontPx = ImGui::GetFontSize() / kLinePerEm;  // CSS em size
  placement.placeholder = options.placeholder;
  placement.label = options.label;
  placement.password = options.password;
  placement.phone = options.phone;
  placement.number = options.number;
  placement.kept = options.kept && !options.password;
  const bool changed = service.place(placement, text);
  if (keepsKeys && changed) {   // typed into while out of view: it comes back into view
    ImGui::ScrollToRectEx(ImGui::GetCurrentWindow(), ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), ImGuiScrollFlags_KeepVisibleEdgeY);
    WakeAfter(0.0f);
  }
  return changed;
}

}  // namespace

bool TextArea(core::TextInputService& service, const std::string& key, std::string& text, ImVec2 size,
              const TextFieldOptions& options) {
  return placeField(service, key, text, size, true, options);
}

bool TextLine(core::TextInputService& service, const std::string& key, std::string& text, float width,
              const TextFieldOptions& options) {
  return placeField(service, key, text, ImVec2(width, 0), false, options);
}

bool splitFieldKey(const std::string& key, const std::string& type, std::string& id, std::string& field) {
  if (key.size() <= type.size() + 1 || key.compare(0, type.size(), type) != 0 || key[type.size()] != '/') return false;
  const size_t slash = key.find('/', type.size() + 1);
  if (slash == std::string::npos || slash == type.size() + 1 || slash + 1 >= key.size()) return false;
  id = key.substr(type.size() + 1, slash - type.size() - 1);
  field = key.substr(slash + 1);
  return true;
}

}  // namespace toward::ui
