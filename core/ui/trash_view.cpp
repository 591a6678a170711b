// core/ui/trash_view.cpp: see trash_view.h.
#include "core/ui/trash_view.h"

#include <imgui.h>

#include "core/time_format.h"
#include "core/ui/widgets.h"
#include "core/ui/a11y.h"

namespace toward::ui {

void TrashView::draw(ViewContext& ctx) {
  ImGui::BeginChild("trash", ImVec2(0, 0));
  Heading(ctx.fonts, "Trash");
  MutedText("Things you delete wait here for 30 days, so nothing disappears by accident. After that they "
            "are removed for good.");
  ImGui::Spacing();
  const auto items = m_store.trash();
  if (items.empty()) MutedText("The trash is empty.");
  bool openConfirm = false;
  for (const core::TrashedRecord* t : items) {
    const core::RecordType* type = m_registry.recordType(t->record.type);
    std::string name = type && type->describe ? type->describe(t->record.body, t->record.schema) : t->record.id;
    const int64_t daysLeft = std::max<int64_t>(0, (t->deletedMs + core::kTrashDays * core::kDayMs - ctx.nowMs) / core::kDayMs);
    ImGui::PushID((t->record.type + "/" + t->record.id).c_str());
    ImGui::TextUnformatted(name.c_str());
    a11y::paragraph(name.c_str());
    std::string meta = (type ? type->noun : t->record.type) + ", deleted " + core::formatWhenInSentence(t->deletedMs, ctx.nowMs) +
                       "  ·  kept " + std::to_string(daysLeft) + (daysLeft == 1 ? " more day" : " more days");
    MutedText(meta.c_str());
    if (QuietButton("Bring back")) {
      auto s = m_store.restore(t->record.type, t->record.id);
      m_error = s ? "" : s.message();
      ImGui::PopID();
      break;  // the list changed
    }
    ImGui::SameLine();
    if (QuietButton("Delete for good")) {
      m_confirmType = t->record.type;
      m_confirmId = t->record.id;
      openConfirm = true;
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (openConfirm) ImGui::OpenPopup("purge");
  if (ImGui::BeginPopupModal("purge", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    a11y::beginDialog("Delete this for good?");
    ImGui::TextUnformatted("Delete this for good?");
    a11y::heading("Delete this for good?");
    MutedText("It cannot be brought back afterwards.");
    if (PrimaryButton("Delete for good")) {
      auto s = m_store.purge(m_confirmType, m_confirmId);
      m_error = s ? "" : s.message();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool keep = QuietButton("Keep it");
    a11y::cancel();
    if (keep || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    a11y::endDialog();
    ImGui::EndPopup();
  }
  CalmWarning(m_error);
  TouchScroll();
  ImGui::EndChild();
}

}  // namespace toward::ui
