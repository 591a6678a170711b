// core/ui/way_out.cpp: see way_out.h.
#include "core/ui/way_out.h"

#include "core/ui/widgets.h"

namespace toward::ui {

bool TooMuchButton(const ViewContext& ctx, ImVec2 size) {
  if (!ctx.wayOut) return false;
  const bool pressed = QuietButton("It's too much right now", size);
  if (ctx.noteControl) ctx.noteControl("too-much", "It's too much right now");
  if (!pressed) return false;
  ctx.wayOut();
  return true;
}

void NoScreenIdeas() {
  static const char* const kIdeas[] = {
      "Cold water on your face or wrists, or something cold to hold.",
      "Breathe out slowly, a little longer than you breathe in. A few times.",
      "Move your body: walk, stretch, shake out your hands.",
      "Hold something: a soft thing, a smooth stone, your own hands.",
      "Name five things you can see around you, then four you can hear.",
  };
  for (const char* idea : kIdeas) {
    ImGui::Bullet();
    ImGui::SameLine();
    BodyText(idea);
  }
}

void NextButtonInRow(const char* label) {
  const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

int CareChoiceButtons(const std::vector<CareChoice>& choices, float rowHeight,
                      const std::function<void(const CareChoice&)>& drawn) {
  int pressed = -1;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) NextButtonInRow(choices[i].label.c_str());
    ImGui::PushID(int(i));
    if (PrimaryButton(choices[i].label.c_str(), ImVec2(0, rowHeight))) pressed = int(i);
    if (drawn) drawn(choices[i]);
    ImGui::PopID();
  }
  return pressed;
}

}  // namespace toward::ui
