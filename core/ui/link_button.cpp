// core/ui/link_button.cpp: see link_button.h.
#include "core/ui/link_button.h"

#include <imgui.h>

#include <algorithm>

#include "core/ui/a11y.h"
#include "core/ui/text_field.h"
#include "core/ui/widgets.h"

namespace toward::ui {

bool LinkButton(core::Platform& platform, const LinkButtonSpec& spec) {
  ImGui::BeginDisabled(spec.href.empty());
  ImGui::PushID(spec.key.c_str());
  const bool pressed = QuietButton(spec.label);
  // One link for assistive technology, named for whose number it is ("Call Sam, 0123 456"): the mirror's
  // element, which opens the real link laid over the button (its key in the value; web/glue/a11y.js).
  a11y::role(a11y::Role::Link);
  a11y::name(spec.name.c_str());
  a11y::value(spec.key);
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
