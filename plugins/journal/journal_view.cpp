// plugins/journal/journal_view.cpp: see journal_view.h.
#include "plugins/journal/journal_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "core/text_fold.h"
#include "core/time_format.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::journal {

void JournalView::open(const std::string& id) {
  commitPendingEdits();
  m_openId = id;
  m_saveError.clear();
  if (const JournalEntry* e = m_model.find(id)) m_draft = *e;
  m_dirty = false;
}

void JournalView::noteEdit(int64_t nowMs) {
  m_dirty = true;
  m_lastEditMs = nowMs;
}

void JournalView::commitPendingEdits() {
  if (!m_dirty || m_openId.empty()) return;
  auto status = m_model.save(m_openId, m_draft);
  if (status) {
    m_dirty = false;
    m_saveError.clear();
  } else {
    // The words stay in the draft and on screen; saving is tried again after the next pause.
    m_saveError = status.message();
  }
}

int64_t JournalView::nextWakeMs() const { return m_dirty ? m_lastEditMs + kAutosaveDelayMs : -1; }

void JournalView::draw(ui::ViewContext& ctx) {
  if (m_dirty && ctx.nowMs - m_lastEditMs >= kAutosaveDelayMs) {
    commitPendingEdits();
    if (m_dirty) m_lastEditMs = ctx.nowMs;  // failed: try again after another pause
  }
  // A record changed elsewhere (another view, an import, the test API) refreshes a clean draft.
  if (!m_openId.empty() && !m_dirty) {
    if (const JournalEntry* e = m_model.find(m_openId)) {
      if (e->text != m_draft.text || e->title != m_draft.title || e->bringToSession != m_draft.bringToSession) m_draft = *e;
    } else {
      m_openId.clear();
      m_showEditorOnPhone = false;
    }
  }
  if (ctx.compact) {
    if (m_showEditorOnPhone && !m_openId.empty()) {
      if (ui::QuietButton("< All entries")) {
        commitPendingEdits();
        m_showEditorOnPhone = false;
      }
      drawEditor(ctx);
    } else {
      drawList(ctx, -1);
    }
    return;
  }
  const float listWidth = std::min(ImGui::GetContentRegionAvail().x * 0.36f, ImGui::GetFontSize() * 22.0f);
  drawList(ctx, listWidth);
  ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
  ImGui::BeginGroup();
  drawEditor(ctx);
  ImGui::EndGroup();
}

void JournalView::drawList(ui::ViewContext& ctx, float width) {
  ImGui::BeginChild("journal-list", ImVec2(width, 0), false, ImGuiWindowFlags_NoScrollbar);
  ui::Heading(ctx.fonts, "Journal");
  if (ui::PrimaryButton("+ New entry", ImVec2(-1, 0))) {
    auto id = m_model.create("free");
    if (id) {
      open(id.value());
      m_focusText = true;
      m_showEditorOnPhone = true;
    } else {
      m_saveError = id.error().message();
    }
  }
  ui::TextLine(ctx.platform.textInput(), "journal/search", m_search, -1,
               {"Search your journal", "Search your journal", false});
  ImGui::Spacing();

  const auto& ids = m_model.ordered();
  const bool filtering = !core::foldForSearch(m_search).empty();
  if (filtering && (m_search != m_lastQuery || m_model.changeCount() != m_lastQueryChange)) {
    // Search again only when the words or the journal changed, not every frame.
    core::SearchQuery q;
    q.text = m_search;
    q.limit = 100000;
    std::vector<core::SearchHit> hits;
    m_model.search(q, hits);
    m_hits.clear();
    for (auto& h : hits) m_hits.push_back(std::move(h.id));
    m_lastQuery = m_search;
    m_lastQueryChange = m_model.changeCount();
  }
  const size_t count = filtering ? m_hits.size() : ids.size();

  ImGui::BeginChild("journal-rows", ImVec2(0, 0), false);
  if (count == 0) {
    ui::MutedText(filtering ? "Nothing here matches those words. Try fewer or different words."
                            : "This is your journal. When a feeling arrives, or something happens that you want "
                              "to remember, you can write it here. Nothing leaves this device.");
  }
  const float rowH = ImGui::GetTextLineHeight() * 2 + 4 + ImGui::GetStyle().FramePadding.y * (ctx.compact ? 3.0f : 2.0f);
  ImGuiListClipper clipper;
  clipper.Begin(int(count), rowH + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string& id = filtering ? m_hits[size_t(i)] : ids[size_t(i)];
      const JournalEntry* e = m_model.find(id);
      if (!e) continue;
      const bool isOpen = id == m_openId;
      const JournalEntry& shownEntry = isOpen ? m_draft : *e;
      ImGui::PushID(id.c_str());
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##row", isOpen, 0, ImVec2(0, rowH))) {
        open(id);
        m_showEditorOnPhone = true;
      }
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const float pad = ImGui::GetStyle().FramePadding.x;
      const std::string title = describeEntry(shownEntry);
      const std::string when = core::formatShortWhen(shownEntry.timeMs, ctx.nowMs);
      const float lineH = ImGui::GetTextLineHeight();
      const float top = pos.y + (rowH - 2 * lineH - 4) * 0.5f;
      const float right = pos.x + ImGui::GetContentRegionAvail().x;
      draw->PushClipRect(pos, ImVec2(right - pad, pos.y + rowH), true);
      ImGui::RenderTextEllipsis(draw, ImVec2(pos.x + pad, top), ImVec2(right - pad, top + lineH), right - pad, right - pad,
                                title.c_str(), nullptr, nullptr);
      std::string meta = when;
      if (shownEntry.bringToSession) meta += "  ·  for my next session";
      draw->AddText(ImVec2(pos.x + pad, top + lineH + 4), ImGui::GetColorU32(ui::palette().muted), meta.c_str());
      draw->PopClipRect();
      ImGui::PopID();
    }
  }
  ui::TouchScroll();
  ImGui::EndChild();
  ImGui::EndChild();
}

void JournalView::drawEditor(ui::ViewContext& ctx) {
  if (m_openId.empty() || !m_model.find(m_openId)) {
    ImGui::BeginChild("journal-empty", ImVec2(0, 0));
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 3));
    ui::Heading(ctx.fonts, "A quiet page");
    ui::MutedText("Choose an entry on the left, or start a new one. Whatever you write here stays on this "
                  "device, and is saved as you go.");
    ImGui::EndChild();
    return;
  }
  ImGui::BeginChild("journal-editor", ImVec2(0, 0));
  auto& text = ctx.platform.textInput();
  ui::MutedText(core::formatLongDate(m_draft.timeMs).c_str());
  if (ui::TextLine(text, "journal.entry/" + m_openId + "/title", m_draft.title, -1,
                   {"A title, if you like", "Title", false})) {
    noteEdit(ctx.nowMs);
  }
  const float footer = ImGui::GetFrameHeightWithSpacing() * (ctx.compact ? 2.3f : 1.3f);
  if (ui::TextArea(text, "journal.entry/" + m_openId + "/text", m_draft.text, ImVec2(-1, -footer),
                   {"Write whatever is here right now.", "Entry text", m_focusText})) {
    noteEdit(ctx.nowMs);
  }
  m_focusText = false;
  if (ImGui::Checkbox("Bring to my next session", &m_draft.bringToSession)) {
    noteEdit(ctx.nowMs);
    commitPendingEdits();
  }
  if (!ctx.compact) ImGui::SameLine();
  const char* status = !m_saveError.empty() ? "Not saved yet"
                       : m_dirty             ? "Writing\u2026"
                       : !ctx.saved          ? "Saving\u2026"
                                             : "Saved";
  ImGui::PushStyleColor(ImGuiCol_Text, m_saveError.empty() ? ui::palette().muted : ui::palette().warning);
  ImGui::TextUnformatted(status);
  ImGui::PopStyleColor();
  if (!m_saveError.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_saveError.c_str());
  ImGui::SameLine();
  const char* trashLabel = "Move to trash";
  const float trashW = ImGui::CalcTextSize(trashLabel).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - trashW - 2));
  if (ui::QuietButton(trashLabel)) {
    commitPendingEdits();
    ImGui::OpenPopup("trash-entry");
  }
  if (ImGui::BeginPopupModal("trash-entry", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::TextUnformatted("Move this entry to the trash?");
    ui::MutedText("You can bring it back from the trash for 30 days.");
    if (ui::PrimaryButton("Move to trash")) {
      auto s = m_model.remove(m_openId);
      if (s) {
        m_openId.clear();
        m_showEditorOnPhone = false;
      } else {
        m_saveError = s.message();
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::QuietButton("Keep it") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::EndChild();
}

}  // namespace toward::journal
