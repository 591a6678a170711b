// core/ui/way_out.cpp: see way_out.h.
#include "core/ui/way_out.h"

#include <algorithm>

#include "core/ui/a11y.h"
#include "core/ui/fonts.h"
#include "core/ui/theme.h"
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
  // Beside the last item when it fits, else where the cursor already is (the next line). A SameLine then
  // NewLine would count the gap after the last item as content: a card then scrolled sideways.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
}

namespace {

// A button of a care card; a label wider than the row wraps inside it, the button as tall as it needs (at
// a large text size on a phone, "Ground with my texture box" ran past the card's edge, cut mid-word).
bool CardButton(const char* label, float rowHeight, bool primary) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  if (ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 <= avail) {
    return primary ? PrimaryButton(label, ImVec2(0, rowHeight)) : QuietButton(label, ImVec2(0, rowHeight));
  }
  const float wrap = std::max(1.0f, avail - style.FramePadding.x * 2);
  const ImVec2 text = ImGui::CalcTextSize(label, nullptr, false, wrap);
  const ImVec2 size(avail, std::max(rowHeight, text.y + style.FramePadding.y * 2));
  ImGui::PushID(label);
  const bool pressed = primary ? PrimaryButton("##wrapped", size) : QuietButton("##wrapped", size);
  ImGui::PopID();
  a11y::name(label);
  const ImVec2 at = ImGui::GetItemRectMin();
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                      ImVec2(at.x + style.FramePadding.x, at.y + (size.y - text.y) * 0.5f),
                                      ImGui::GetColorU32(primary ? OnAccent() : palette().text), label, nullptr, wrap);
  return pressed;
}

}  // namespace

int CareChoiceButtons(const std::vector<CareChoice>& choices, float rowHeight,
                      const std::function<void(const CareChoice&)>& drawn) {
  int pressed = -1;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) NextButtonInRow(choices[i].label.c_str());
    ImGui::PushID(int(i));
    if (CardButton(choices[i].label.c_str(), rowHeight, true)) pressed = int(i);
    if (drawn) drawn(choices[i]);
    ImGui::PopID();
  }
  return pressed;
}

CareAnswer WayOutDialog(const Fonts& fonts, const std::vector<CareChoice>& choices, bool compact, const NoteControl& note) {
  constexpr const char* kPopup = "way-out";
  CareAnswer answer;
  if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float w = std::min(display.x - ImGui::GetFontSize() * 1.5f, ImGui::GetFontSize() * 30.0f);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, display.y - ImGui::GetFontSize() * 2));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
    return answer;
  }
  const float row = RowHeight(compact);
  a11y::beginDialog("It's OK to step back");
  Heading(fonts, "It's OK to step back");
  MutedText("You don't have to stay with it right now. Here are some ways through; any of them is fine.");
  ImGui::Spacing();
  answer.choice = CareChoiceButtons(choices, row, [&note](const CareChoice& c) { note("way-out:" + c.pluginId + "/" + c.actionId, c.label); });
  ImGui::Spacing();
  ImGui::TextUnformatted("Things that need no screen");
  a11y::heading("Things that need no screen", 3);
  NoScreenIdeas();
  ImGui::Spacing();
  // On a phone a whole row (a finger's height tall, it stood narrow as a post).
  answer.back = QuietButton("Back", ImVec2(compact ? -1.0f : 0.0f, row));
  a11y::cancel();
  // Escape is Back wherever the keys are, as in every other dialog: with "Back" scrolled out of a short
  // window it is not in the mirror, and Escape reached nothing.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) answer.back = true;
  note("way-out:back", "Back");
  a11y::endDialog();
  if (answer.choice >= 0 || answer.back) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return answer;
}

ImVec2 BottomCardPos(bool compact, float& w, float h, float maxEms) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float navW = compact ? 0.0f : std::max(ImGui::GetFontSize() * 12.0f, 180.0f);
  w = compact ? display.x - style.WindowPadding.x * 2 : std::min(display.x - navW - style.WindowPadding.x * 3, ImGui::GetFontSize() * maxEms);
  const float bottom = compact ? RowHeight(true) + style.WindowPadding.y * 1.5f : style.WindowPadding.y * 1.5f;
  return ImVec2(compact ? style.WindowPadding.x : display.x - w - style.WindowPadding.x * 1.5f, display.y - bottom - h);
}

CareAnswer CheckInCard(const std::vector<CareChoice>& choices, bool compact, float top, float& height, const NoteControl& note) {
  CareAnswer answer;
  float w = 0;
  // No taller than the room between `top` and its bottom edge: it never covers the top bar (Hide).
  const float room = std::max(ImGui::GetFrameHeight() * 3.0f, BottomCardPos(compact, w, 0.0f, 28.0f).y - top);
  ImGui::SetCursorPos(BottomCardPos(compact, w, std::min(height, room), 28.0f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().surface);
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0.0f), ImVec2(w, room));
  ImGui::BeginChild("check-in", ImVec2(w, 0),
                    ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
  const float row = RowHeight(compact);
  // A group of its own: a screen reader hears where the card begins and ends, and when it goes the focus
  // goes back to where the person was before it (web/glue/a11y.js refocus).
  a11y::beginGroup(a11y::Role::Group, "How is it now?");
  BodyText("How is it now?");
  MutedText("Whatever is here is allowed. If it is still a lot, something here may help.");
  answer.choice = CareChoiceButtons(choices, row, [&note](const CareChoice& c) { note("check-in:" + c.pluginId + "/" + c.actionId, c.label); });
  if (!choices.empty()) NextButtonInRow("More ways through");
  answer.more = CardButton("More ways through", row, false);
  note("check-in:more", "More ways through");
  NextButtonInRow("I'm OK for now");
  answer.ok = CardButton("I'm OK for now", row, false);
  note("check-in:ok", "I'm OK for now");
  a11y::endGroup();
  TouchScroll();
  height = ImGui::GetWindowHeight();
  answer.carriedOn = ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                     !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return answer;
}

}  // namespace toward::ui
