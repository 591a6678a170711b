// core/ui/details.cpp: see details.h.
#include "core/ui/details.h"

#include <imgui.h>

#include "core/ui/a11y.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::ui {

void PlainProblem(const std::string& plain, const std::string& detail) {
  if (plain.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
  ImGui::TextWrapped("%s", plain.c_str());
  a11y::paragraph(plain.c_str());   // right after its text: a screen reader hears the plain words
  ImGui::PopStyleColor();
  if (detail.empty()) return;
  ImGui::PushID(detail.c_str());
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID("details-open");
  const bool open = storage->GetBool(key, false);
  if (QuietButton(open ? "Hide the details" : "Details")) storage->SetBool(key, !open);
  if (open) MutedText(("For someone helping you: " + detail).c_str());
  ImGui::PopID();
}

}  // namespace toward::ui
