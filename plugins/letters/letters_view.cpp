// plugins/letters/letters_view.cpp: see letters_view.h. The page, the list, and saving drafts.
#include "plugins/letters/letters_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <ctime>


#include "core/text_fold.h"
#include "core/time_format.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/a11y.h"
#include "core/ui/widgets.h"

namespace toward::letters {
namespace {

std::string joinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (size_t i = 0; i < tags.size(); ++i) out += (i ? ", " : "") + tags[i];
  return out;
}

}  // namespace

// ---------------------------------------------------------------- drafts and saving
void LettersView::leaveLetter(const std::string& id) {
  // A letter left without anything in it leaves no record (and no longer shows as open).
  if (!id.empty() && !(id == m_openId && m_dirty) && m_model.forgetIfBlank(id)) {
    if (id == m_openId) {
      m_openId.clear();
      m_showEditorOnPhone = false;
    }
    return;
  }
  const Letter* l = id.empty() ? nullptr : m_model.find(id);
  if (!l || !m_checkIn) return;
  const std::time_t t = std::time_t(m_model.lastWrittenMs(id) / 1000);
  std::tm local{};
  localtime_r(&t, &local);
  if (longLetterLateAtNight(core::countWords(l->text), local.tm_hour)) {
    m_checkIn("letters.letter/" + id + "/" + std::to_string(m_model.lastWrittenMs(id)));
  }
}

void LettersView::onHide() {
  commitPendingEdits();
  leaveLetter(m_openId);
}

void LettersView::open(const std::string& id) {
  commitPendingEdits();
  if (id != m_openId) leaveLetter(m_openId);
  m_openId = id;
  m_saveError.clear();
  m_notice.clear();
  if (const Letter* l = m_model.find(id)) m_draft = *l;
  m_draftSeenChange = m_model.changeCount();
  m_tagsText = joinTags(m_draft.tags);
  m_revealed = m_draft.contentNote.empty();  // a letter behind a content note asks first
  m_showPrompts = false;
  m_historyOpen = false;
  m_historyPick.clear();
  m_historyText.clear();
  m_dirty = false;
  m_waitOffered = false;
  textChanged();
}

void LettersView::createLetter(const std::string& kind, bool held) {
  commitPendingEdits();
  // A letter to the therapist starts with the name written to them before ("Dear Maren", not "Dear therapist").
  auto id = m_model.create(kind, kind == "therapist" ? m_model.lastNameFor(kind) : std::string(), held);
  if (id) {
    open(id.value());
    m_focusText = true;
    m_showEditorOnPhone = true;
  } else {
    m_saveError = id.error().message();
  }
}

void LettersView::runAction(const std::string& actionId) {
  if (actionId == "therapist") startHeldLetter();
}

bool LettersView::openRecord(const std::string& type, const std::string& id) {
  if (type != kLetterType || !m_model.find(id)) return false;
  open(id);
  m_showEditorOnPhone = true;
  return true;
}

void LettersView::startHeldLetter() {
  // A held letter that is still empty is opened again, instead of piling up empty "Dear therapist" drafts.
  commitPendingEdits();
  for (const auto& id : m_model.ordered()) {
    const Letter* l = m_model.find(id);
    if (l && l->held && l->state == "draft" && core::countWords(l->text) == 0 && l->recipientKind == "therapist") {
      open(id);
      m_focusText = true;
      m_showEditorOnPhone = true;
      return;
    }
  }
  createLetter("therapist", true);
}

void LettersView::noteEdit(int64_t nowMs) {
  m_autosave.edited(nowMs, m_dirty);
  m_dirty = true;
}

void LettersView::textChanged() { m_words = core::countWords(m_draft.text); }

void LettersView::report(const core::Status& status) {
  if (status) m_notice.clear();
  else m_notice = status.message();
}

void LettersView::commitPendingEdits() {
  if (!m_dirty || m_openId.empty()) return;
  auto status = m_model.save(m_openId, m_draft);
  if (status) {
    m_dirty = false;
    m_saveError.clear();
    m_draftSeenChange = m_model.changeCount();
  } else {
    // The words stay in the draft and on screen; saving is tried again after the next pause.
    m_saveError = status.message();
  }
}

ui::Recovery LettersView::recoverText(const std::string& key, const std::string& text, bool afterCrash) {
  using ui::Recovery;
  std::string id, field;
  if (!ui::splitFieldKey(key, "letters.letter", id, field) || (field != "text" && field != "name" && field != "contentNote")) {
    return Recovery::NotMine;
  }
  const Letter* stored = m_model.find(id);
  if (!stored) return Recovery::NotMine;
  if (id == m_openId) commitPendingEdits();
  if (field == "text" && afterCrash) {
    // After a crash: the stored words are kept as a revision, the rescued ones become the letter.
    if (!m_model.recoverText(id, text)) return Recovery::NotNow;
  } else {
    Letter next = id == m_openId ? m_draft : *stored;
    (field == "text" ? next.text : field == "contentNote" ? next.contentNote : next.recipientName) = text;
    if (!m_model.save(id, next)) return Recovery::NotNow;
  }
  if (id == m_openId) open(id);  // the draft shows the words
  return Recovery::Stored;
}

std::vector<ui::FieldWords> LettersView::unstoredWords() const {
  std::vector<ui::FieldWords> out;
  if (!m_dirty || m_openId.empty()) return out;
  const Letter* found = m_model.find(m_openId);
  const Letter stored = found ? *found : Letter{};
  const std::string prefix = "letters.letter/" + m_openId;
  ui::addIfChanged(out, prefix, "text", m_draft.text, stored.text);
  ui::addIfChanged(out, prefix, "name", m_draft.recipientName, stored.recipientName);
  ui::addIfChanged(out, prefix, "contentNote", m_draft.contentNote, stored.contentNote);
  return out;
}

int64_t LettersView::nextWakeMs() const { return m_dirty ? m_autosave.dueMs() : -1; }

// ---------------------------------------------------------------- the page
void LettersView::draw(ui::ViewContext& ctx) {
  m_checkIn = ctx.checkIn;
  if (m_dirty && m_autosave.due(ctx.nowMs)) {
    commitPendingEdits();
    if (m_dirty) m_autosave.retryFrom(ctx.nowMs);  // failed: try again after another wait
  }
  // A letter changed elsewhere (a life-cycle step, an import, the test API) refreshes a clean draft.
  if (!m_openId.empty() && !m_dirty && m_model.changeCount() != m_draftSeenChange) {
    if (const Letter* l = m_model.find(m_openId)) {
      if (l->text != m_draft.text || l->state != m_draft.state || l->tags != m_draft.tags ||
          l->recipientName != m_draft.recipientName || l->recipientKind != m_draft.recipientKind ||
          l->bringToSession != m_draft.bringToSession || l->sealedUntil != m_draft.sealedUntil ||
          l->contentNote != m_draft.contentNote) {
        m_draft = *l;
        m_tagsText = joinTags(m_draft.tags);
        textChanged();
      }
    } else {
      m_openId.clear();
      m_showEditorOnPhone = false;
    }
    m_draftSeenChange = m_model.changeCount();
  }
  ui::ListAndEditor layout;
  layout.compact = ctx.compact;
  layout.hasOpen = !m_openId.empty();
  layout.backLabel = "< All letters";
  layout.listShare = 0.34f;
  layout.listEms = 20.0f;
  ui::DrawListAndEditor(layout, m_showEditorOnPhone, [this] { commitPendingEdits(); leaveLetter(m_openId); },
                        [&](float width) { drawList(ctx, width); }, [&] { drawEditor(ctx); });
}

// ---------------------------------------------------------------- the list
void LettersView::drawList(ui::ViewContext& ctx, float width) {
  ImGui::BeginChild("letters-list", ImVec2(width, 0), false, ImGuiWindowFlags_NoScrollbar);
  ui::Heading(ctx.fonts, "Letters");
  ui::MutedText("Words that can wait. Nothing here is ever sent.");
  if (ui::PrimaryButton("+ New letter", ImVec2(-1, 0))) m_pickingKind = !m_pickingKind;
  ui::a11y::expanded(m_pickingKind);   // it opens the choice of whom a letter is to, just below it
  if (m_pickingKind) {
    for (const auto& k : recipientKinds()) {
      if (ui::QuietButton(k.label, ImVec2(-1, 0))) {
        m_pickingKind = false;
        createLetter(k.value, false);
      }
    }
  }
  if (ctx.compact && ui::QuietButton("Write to my therapist", ImVec2(-1, 0))) startHeldLetter();
  ImGui::Spacing();

  const auto& ids = m_model.ordered();
  size_t released = 0;
  for (const auto& id : ids) released += m_model.find(id)->state == "released";
  ImGui::BeginChild("letters-rows", ImVec2(0, 0), false);
  if (ids.size() == released && !m_showReleased) {
    ui::MutedText("A letter here is a place to say the whole thing: to your therapist, to the child you were, to a "
                  "parent, to your future self, to anyone. It stays on this device. It can wait, be read again, "
                  "be brought to a session, or be let go.");
  }
  const float rowH = ImGui::GetTextLineHeight() * 2 + 4 + ImGui::GetStyle().FramePadding.y * (ctx.compact ? 3.0f : 2.0f);
  auto row = [&](const std::string& id) {
    const Letter* stored = m_model.find(id);
    const bool isOpen = id == m_openId;
    const Letter& l = isOpen ? m_draft : *stored;
    ImGui::PushID(id.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##row", isOpen, 0, ImVec2(0, rowH))) {
      open(id);
      m_showEditorOnPhone = true;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = ImGui::GetStyle().FramePadding.x;
    const std::string title = describeLetter(l);
    std::string line = std::string(stateLabel(l.state));
    if (LettersModel::sealedNow(l, ctx.nowMs)) line += " until " + formatDay(l.sealedUntil);
    line += "  \xC2\xB7  " + core::formatShortWhen(m_model.lastWrittenMs(id), ctx.nowMs);
    if (l.bringToSession) line += "  \xC2\xB7  for my next session";
    const float right = ImGui::GetItemRectMax().x - pad;
    ui::RowLine(draw, ImVec2(pos.x + pad, pos.y + 2), right, ImGui::GetColorU32(ui::palette().text), title);
    ui::RowLine(draw, ImVec2(pos.x + pad, pos.y + 2 + ImGui::GetTextLineHeight() + 2), right,
                ImGui::GetColorU32(ui::palette().muted), line);
    ImGui::PopID();
    // Read as it is drawn: the title, then its state and when (the row's own label is "##row").
    ui::a11y::name((title + ", " + line).c_str());
    ui::a11y::selected(isOpen);
    ui::a11y::listItem();
  };
  ui::a11y::beginList("Letters");
  for (const auto& id : ids) {
    if (m_model.find(id)->state != "released") row(id);
  }
  ui::a11y::endList();
  if (released > 0) {
    ImGui::Spacing();
    const std::string label = (m_showReleased ? "Hide the letters I let go (" : "Letters I let go (") +
                              std::to_string(released) + ")###released";
    if (ui::QuietButton(label.c_str())) m_showReleased = !m_showReleased;
    if (m_showReleased) {
      ui::a11y::beginList("Letters I let go");
      for (const auto& id : ids) {
        if (m_model.find(id)->state == "released") row(id);
      }
      ui::a11y::endList();
    }
  }
  ui::TouchScroll();
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace toward::letters
