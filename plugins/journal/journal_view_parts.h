// plugins/journal/journal_view_parts.h: small ImGui pieces shared by the journal view's files: chips
// (toggle buttons that wrap onto the next line) and section labels. UI target only.
#pragma once
#include <imgui.h>

#include "core/ui/a11y.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::journal::parts {

// Starts a row of chips that wrap: call flowItem(width) before each chip.
struct Flow {
  float startX = 0;
  float maxX = 0;
  bool first = true;
  Flow() {
    startX = ImGui::GetCursorPosX();
    maxX = startX + ImGui::GetContentRegionAvail().x;
  }
  void item(float width) {
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + width > maxX) ImGui::NewLine();
    }
    first = false;
  }
};

// Width a chip with `label` takes.
inline float chipWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// A toggle button: soft accent fill when selected. Returns true when pressed.
inline bool Chip(const char* label, bool selected, Flow* flow = nullptr) {
  if (flow) flow->item(chipWidth(label));
  return ui::Chip(label, selected);
}

// A small label above a group of fields.
inline void Label(const char* text) {
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.25f));
  ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().muted);
  ImGui::TextUnformatted(text);
  ui::a11y::paragraph(text);
  ImGui::PopStyleColor();
}

}  // namespace toward::journal::parts
