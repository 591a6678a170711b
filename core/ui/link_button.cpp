// core/ui/link_button.cpp: see link_button.h.
#include "core/ui/link_button.h"

#include <imgui.h>

#include <algorithm>

#include "core/ui/text_field.h"
#include "core/ui/widgets.h"

namespace toward::ui {

bool LinkButton(core::Platform& platform, const LinkButtonSpec& spec) {
  ImGui::BeginDisabled(spec.href.empty());
  ImGui::PushID(spec.key.c_str());
  const bool pressed = QuietButton(spec.label);
  ImGui::PopID();
  ImGui::EndDisabled();
  if (spec.href.empty() || PopupCoversThisWindow()) return false;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clipMin = draw->GetClipRectMin(), clipMax = draw->GetClipRectMax();
  core::LinkPlacement p;
  p.key = spec.key;
  p.href = spec.href;
  p.label = spec.name;
  p.x = std::max(min.x, clipMin.x);
  p.y = std::max(min.y, clipMin.y);
  p.w = std::min(max.x, clipMax.x) - p.x;
  p.h = std::min(max.y, clipMax.y) - p.y;
  if (p.w > 0 && p.h > 0) platform.placeLink(p);
  return pressed;
}

}  // namespace toward::ui
