// core/ui/next_session_view.cpp: see next_session_view.h.
#include "core/ui/next_session_view.h"

#include <imgui.h>

#include "core/ui/a11y.h"
#include "core/time_format.h"
#include "core/ui/theme.h"
#include "core/ui/way_out.h"
#include "core/ui/widgets.h"

namespace toward::ui {

void NextSessionView::draw(ViewContext& ctx) {
  if (m_seenGeneration != m_store.generation()) {
    m_items = m_registry.nextSession();
    m_seenGeneration = m_store.generation();
  }
  ImGui::BeginChild("next-session", ImVec2(0, 0));
  Heading(ctx.fonts, "My next session");
  MutedText("What you flagged to bring to your next session, from your journal and your letters. Bring what "
            "feels right; there is no need to get through all of it. Afterwards you can tick things off.");
  ImGui::Spacing();
  if (m_items.empty() && m_ticked.empty()) {
    MutedText("Nothing is flagged right now. In a journal entry or a letter, \"Bring to my next session\" adds it here.");
  }
  for (const auto& item : m_items) {
    ImGui::PushID((item.type + "/" + item.id).c_str());
    ImGui::TextWrapped("%s", item.title.c_str());
    a11y::paragraph(item.title.c_str());
    std::string meta = core::formatShortWhen(item.timeMs, ctx.nowMs);
    if (!item.snippet.empty()) meta += "  \xC2\xB7  " + item.snippet;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextWrapped("%s", meta.c_str());
    a11y::paragraph(meta.c_str());
    ImGui::PopStyleColor();
    // The whole of it, to read in the session (here it is a line and a few words).
    if (QuietButton("Open it") && ctx.showRecord) ctx.showRecord(item.type, item.id);
    a11y::name(("Open " + item.title).c_str());
    if (ctx.noteControl) ctx.noteControl("next-session:open:" + item.id, "Open it");
    NextButtonInRow("We talked about it");
    if (QuietButton("We talked about it")) {
      auto s = m_registry.setDiscussed(item.type, item.id, true);
      m_error = s ? "" : s.message();
      if (s) m_ticked.push_back(item);
      ImGui::PopID();
      break;  // the list changed
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (!m_ticked.empty()) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.5f));
    MutedText("Ticked off just now");
    for (size_t i = 0; i < m_ticked.size(); ++i) {
      const auto& item = m_ticked[i];
      ImGui::PushID(int(i));
      ImGui::AlignTextToFramePadding();
      MutedText(item.title.c_str());
      ImGui::SameLine();
      if (QuietButton("Undo")) {
        auto s = m_registry.setDiscussed(item.type, item.id, false);
        m_error = s ? "" : s.message();
        if (s) m_ticked.erase(m_ticked.begin() + long(i));
        ImGui::PopID();
        break;
      }
      ImGui::PopID();
    }
  }
  CalmWarning(m_error);
  TouchScroll();
  ImGui::EndChild();
}

}  // namespace toward::ui
