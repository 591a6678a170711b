// plugins/letters/letters_view_editor.cpp: the letter editor (see letters_view.h): recipient and name,
// the words or, while sealed, a quiet card instead of them; prompts; tags and "bring to my next
// session"; the life cycle's actions and their gentle dialogs; history with restore; copy and print.
#include <imgui.h>

#include <algorithm>
#include <iterator>

#include "core/local_days.h"
#include "core/text_fold.h"
#include "core/time_format.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"
#include "core/ui/a11y.h"
#include "plugins/letters/letters_view.h"

namespace toward::letters {
namespace {

// A toggle button with a soft accent fill when selected; wraps onto the next line when needed.
bool FlowChip(const char* label, bool selected, bool first) {
  const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
  if (!first) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
  }
  return ui::Chip(label, selected);
}

const char* reasonLabel(const std::string& reason) {
  if (reason == "finished") return "when you finished it";
  if (reason == "sealed") return "when you sealed it";
  if (reason == "opened") return "when you opened it";
  if (reason == "released") return "when you let it go";
  if (reason == "draft") return "when you came back to it";
  if (reason == "before restoring") return "just before an earlier version came back";
  if (reason == "restored") return "an earlier version, brought back";
  if (reason == "before recovering") return "just before words kept after an interruption came back";
  if (reason == "recovered") return "words kept when Toward stopped unexpectedly";
  return "while writing";
}

// Dialogs open in the middle of the window.
void centerNextWindow() {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x * 0.5f, size.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

const char* kPlaceholder = "Write whatever wants to be said. This letter will not be sent.";

}  // namespace

void LettersView::drawEditor(ui::ViewContext& ctx) {
  if (m_openId.empty() || !m_model.find(m_openId)) {
    ImGui::BeginChild("letters-empty", ImVec2(0, 0));
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 3));
    ui::Heading(ctx.fonts, "Unsent letters");
    ui::MutedText("Write to someone, knowing it will not be sent. The whole feeling can be said here. A letter can "
                  "wait, be read again, be sealed until a day you choose, be brought to a session, or be let go.");
    ImGui::Spacing();
    ui::MutedText("When you want to message your therapist right now, \"Write to my therapist\" opens a letter "
                  "that waits here instead.");
    ImGui::EndChild();
    return;
  }
  ImGui::BeginChild("letters-editor", ImVec2(0, 0));
  ui::StartAtTopWhenChanged(m_editorShows, m_openId);
  if (!m_revealed) {
    // Behind its content note: named by the note alone, opened only when the person chooses.
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
    ui::Heading(ctx.fonts, describeLetter(m_draft).c_str());
    ui::MutedText("You can open it now, later, or not at all.");
    if (ui::PrimaryButton("Show this letter")) m_revealed = true;
    ImGui::EndChild();
    return;
  }
  drawHeader(ctx);
  if (m_historyOpen) drawHistory(ctx);
  else drawWords(ctx);
  drawFooter(ctx);
  drawSealDialog(ctx);
  drawReleaseDialog(ctx);
  drawOpenEarlyDialog(ctx);
  ui::TouchScroll();
  ImGui::EndChild();
}

void LettersView::drawHeader(ui::ViewContext& ctx) {
  auto& text = ctx.platform.textInput();
  const std::string key = "letters.letter/" + m_openId + "/";
  bool first = true;
  for (const auto& k : recipientKinds()) {
    if (FlowChip(k.label, m_draft.recipientKind == k.value, first) && m_draft.recipientKind != k.value) {
      m_draft.recipientKind = k.value;
      noteEdit(ctx.nowMs);
      commitPendingEdits();
    }
    first = false;
  }
  const RecipientKind& kind = recipientKind(m_draft.recipientKind);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(kind.greeting);
  ui::a11y::paragraph(kind.greeting);
  ImGui::SameLine();
  if (ui::TextLine(text, key + "name", m_draft.recipientName, ctx.compact ? -1 : ImGui::GetFontSize() * 16,
                   {kind.fallback, "Recipient name", false})) {
    noteEdit(ctx.nowMs);
  }
  if (m_draft.held) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().accent);
    const char* words = "This letter will wait here. Nothing is sent, so you can say all of it, read it again "
                        "tomorrow, and decide later what, if anything, to bring to a session (\"Bring to my next "
                        "session\", below).";
    ImGui::TextWrapped("%s", words);
    ui::a11y::paragraph(words);
    ImGui::PopStyleColor();
  }
}

void LettersView::drawWords(ui::ViewContext& ctx) {
  if (LettersModel::sealedNow(m_draft, ctx.nowMs)) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ui::Heading(ctx.fonts, "Sealed");
    ui::BodyText(("This letter is resting until " + formatDay(m_draft.sealedUntil) + ". Its words are safe, and "
                  "hidden until then.").c_str());
    ui::MutedText("If you need it sooner, you can open it early.");
    if (ui::QuietButton("Open it early")) m_openEarlyDialog = true;
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    return;
  }
  if (m_draft.state == "sealed") ui::MutedText(("Sealed until " + formatDay(m_draft.sealedUntil) + ". That day has come.").c_str());
  if (m_draft.state == "released") ui::MutedText("You let this letter go. It is kept here, out of sight, until you choose otherwise.");
  const std::string key = "letters.letter/" + m_openId + "/text";
  const float rest = ImGui::GetFrameHeightWithSpacing() * (ctx.compact ? 7.5f : 4.6f) +
                     (m_showPrompts ? ImGui::GetTextLineHeightWithSpacing() * 6 : 0);
  const float h = std::max(ImGui::GetTextLineHeight() * 8, ImGui::GetContentRegionAvail().y - rest);
  if (ui::TextArea(ctx.platform.textInput(), key, m_draft.text, ImVec2(-1, h), {kPlaceholder, "Letter text", m_focusText})) {
    textChanged();
    noteEdit(ctx.nowMs);
  }
  m_focusText = false;
  drawPrompts(ctx);
}

void LettersView::drawPrompts(ui::ViewContext& ctx) {
  if (ImGui::SmallButton(m_showPrompts ? "Hide the prompts" : "A place to start, if you like")) m_showPrompts = !m_showPrompts;
  if (!m_showPrompts) return;
  ui::MutedText("Only if one helps. Pressing one adds it to the end of your letter.");
  for (const char* prompt : promptsFor(m_draft.recipientKind)) {
    ImGui::PushID(prompt);
    if (ImGui::Selectable(prompt)) {
      if (!m_draft.text.empty() && m_draft.text.back() != '\n') m_draft.text += "\n\n";
      m_draft.text += std::string(prompt) + "\n";
      textChanged();
      noteEdit(ctx.nowMs);
      m_focusText = true;
    }
    ImGui::PopID();
  }
}

void LettersView::drawFooter(ui::ViewContext& ctx) {
  auto& text = ctx.platform.textInput();
  const std::string key = "letters.letter/" + m_openId + "/";
  // Tags, the content note and "Bring to my next session" share one row where each field still shows its
  // whole placeholder; otherwise the two fields share a row and the checkbox has the next (its label ran
  // into the edge, and the placeholders were cut, in a narrow editor); on a phone each has its own row.
  const float checkboxW = ImGui::CalcTextSize("Bring to my next session").x + ImGui::GetFrameHeight() +
                          ImGui::GetStyle().ItemInnerSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.x;
  const float pad = ImGui::GetStyle().FramePadding.x * 2;
  constexpr const char* kTagsHint = "Tags, separated by commas";
  constexpr const char* kNoteHint = "Content note, if you like";
  const float wanted = std::max(ImGui::CalcTextSize(kTagsHint).x, ImGui::CalcTextSize(kNoteHint).x) + pad;
  const bool oneRow = !ctx.compact && (avail - checkboxW - spacing * 2) * 0.5f >= wanted;
  const bool fieldsRow = !ctx.compact && !oneRow && (avail - spacing) * 0.5f >= ImGui::GetFontSize() * 6;
  const float half = oneRow ? (avail - checkboxW - spacing * 2) * 0.5f : fieldsRow ? (avail - spacing) * 0.5f : -1;
  if (ui::TextLine(text, key + "tags", m_tagsText, half, {kTagsHint, "Tags", false})) {
    m_draft.tags = core::parseTags(m_tagsText);
    noteEdit(ctx.nowMs);
  }
  if (oneRow || fieldsRow) ImGui::SameLine();
  if (ui::TextLine(text, key + "contentNote", m_draft.contentNote, half, {kNoteHint, "Content note", false})) {
    noteEdit(ctx.nowMs);
  }
  if (oneRow) ImGui::SameLine();
  // The one "bring to my next session" control of the editor (a held letter's words point here).
  if (ImGui::Checkbox("Bring to my next session", &m_draft.bringToSession)) {
    noteEdit(ctx.nowMs);
    commitPendingEdits();
  }
  if (ctx.noteControl) ctx.noteControl("letters:bring", "Bring to my next session");

  // Where the letter is, and whether the words are stored.
  const char* status = !m_saveError.empty() ? "Not saved yet" : m_dirty ? "Writing\u2026" : !ctx.saved ? "Saving\u2026" : "Saved";
  std::string line = std::string(stateLabel(m_draft.state)) + "  \xC2\xB7  " + std::to_string(m_words) +
                     (m_words == 1 ? " word" : " words") + "  \xC2\xB7  started " +
                     core::formatWhenInSentence(m_model.createdMs(m_openId), ctx.nowMs) + ", last written " +
                     core::formatWhenInSentence(m_model.lastWrittenMs(m_openId), ctx.nowMs);
  if (LettersModel::sealedNow(m_draft, ctx.nowMs)) line = "Sealed";
  // "Saved" follows on the same line, after a dot, where the whole line fits (a desktop); where the line
  // wraps (a phone) it goes on a line of its own, never over the wrapped words, and no dot ends the line.
  const std::string withDot = line + "  \xC2\xB7  ";
  const bool oneLine = ImGui::CalcTextSize((withDot + status).c_str()).x <= ImGui::GetContentRegionAvail().x;
  ImGui::AlignTextToFramePadding();
  ui::MutedText((oneLine ? withDot : line).c_str());
  if (oneLine) ImGui::SameLine(0, 0);
  ImGui::PushStyleColor(ImGuiCol_Text, m_saveError.empty() ? ui::palette().muted : ui::palette().warning);
  ImGui::TextUnformatted(status);
  ui::a11y::paragraph(status);
  ImGui::PopStyleColor();
  if (!m_saveError.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_saveError.c_str());
  ui::UnsavedWordsNote(m_saveError);
  if (!m_notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().accent);
    ImGui::TextWrapped("%s", m_notice.c_str());
    ui::a11y::paragraph(m_notice.c_str());
    ImGui::PopStyleColor();
  }
  drawLifeActions(ctx);
}

void LettersView::drawLifeActions(ui::ViewContext& ctx) {
  const bool sealed = LettersModel::sealedNow(m_draft, ctx.nowMs);
  const std::string& state = m_draft.state;
  bool first = true;
  auto button = [&](const char* label) {
    if (!first) {
      ImGui::SameLine();
      const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
      if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    }
    first = false;
    return ui::QuietButton(label);
  };
  if (state == "draft" && button("It is finished")) {
    commitPendingEdits();
    report(m_model.finish(m_openId));
  }
  if ((state == "finished" || (state == "sealed" && !sealed) || state == "released") && button("Keep writing")) {
    commitPendingEdits();
    report(m_model.reopen(m_openId));
  }
  if ((state == "draft" || state == "finished") && button("Seal until a day\u2026")) {
    commitPendingEdits();
    m_sealDay = dayAfter(ctx.nowMs, 30);
    m_sealAfterSession = false;
    m_notice.clear();
    m_openSealDialog = true;
  }
  if (state != "released" && !sealed && button("Let it go\u2026")) {
    commitPendingEdits();
    m_openReleaseDialog = true;
  }
  if (state == "released" && button("Delete it\u2026")) {
    commitPendingEdits();
    m_openReleaseDialog = true;
  }
  if (!sealed) {
    // A held letter (written instead of a message) first offers to let it wait until tomorrow.
    if (button("Copy the text")) {
      if (m_draft.held && !m_waitOffered) m_waitOffered = true;
      else copyLetter(ctx);
    }
    if (button("Print")) {
      commitPendingEdits();
      ctx.platform.printPage(describeLetter(m_draft), greetingLine(m_draft) + "\n\n" + m_draft.text);
    }
    if (button("Save as Markdown")) {
      commitPendingEdits();
      const std::string name = "letter-" + core::formatIsoDate(m_model.createdMs(m_openId)) + ".md";
      ctx.platform.downloadFile(name, "text/markdown",
                                letterMarkdown(m_draft, m_model.createdMs(m_openId), m_model.lastWrittenMs(m_openId)));
    }
    const size_t n = m_model.revisions(m_openId).size();
    const std::string history = m_historyOpen ? std::string("Back to my letter###history")
                                              : "Earlier versions (" + std::to_string(n) + ")###history";
    if (button(history.c_str())) {
      commitPendingEdits();
      m_historyOpen = !m_historyOpen;
      m_historyPick.clear();
      m_historyText.clear();
    }
  }
  if (m_waitOffered && !sealed) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().accent);
    const char* words = "It can wait until tomorrow. Nothing is lost by waiting: the letter stays here, and tomorrow "
                        "you can read it again and decide what, if anything, to send.";
    ImGui::TextWrapped("%s", words);
    ui::a11y::paragraph(words);
    ImGui::PopStyleColor();
    if (ui::QuietButton("Let it wait")) {
      m_waitOffered = false;
      m_notice = "It is waiting here.";
    }
    ImGui::SameLine();
    if (ui::QuietButton("Copy it now")) {
      m_waitOffered = false;
      copyLetter(ctx);
    }
  }
}

void LettersView::copyLetter(ui::ViewContext& ctx) {
  ctx.platform.copyToClipboard(greetingLine(m_draft) + "\n\n" + m_draft.text);
  m_notice = "Copied. Nothing was sent; it is only on your clipboard.";
}

void LettersView::drawSealDialog(ui::ViewContext& ctx) {
  if (m_openSealDialog) {
    ImGui::OpenPopup("seal-letter");
    m_openSealDialog = false;
  }
  centerNextWindow();
  // One width whatever day is typed: the day field and the longest day's words ("Opens Wednesday 30 September")
  // fit on one line, so the dialog does not grow or wrap as the day changes (narrower on a phone, as it must).
  // A width set here overrides the auto-fit on that axis only; a size constraint instead showed an empty scrollbar.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float dayLine = ImGui::GetFontSize() * 10 + style.ItemSpacing.x +
                        ImGui::CalcTextSize("Opens Wednesday 30 September 2026").x + style.WindowPadding.x * 2;
  const float width = std::min(std::max(dayLine, ImGui::GetFontSize() * 18), ImGui::GetIO().DisplaySize.x - ImGui::GetFontSize());
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  if (!ImGui::BeginPopupModal("seal-letter", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
  ui::a11y::beginDialog("Seal this letter until a day you choose?");
  ImGui::TextUnformatted("Seal this letter until a day you choose?");
  ui::a11y::heading("Seal this letter until a day you choose?");
  ui::MutedText("Its words stay hidden until that day begins. You can still open it early if you need to.");
  const struct { const char* label; int32_t days; } quick[] = {
      {"Tomorrow", 1}, {"In a week", 7}, {"In a month", 30}, {"In three months", 91}, {"In a year", 365}, {"After my next session", -1}};
  const float right = ImGui::GetCursorScreenPos().x + std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 18);
  // The choice that gave the day now in the field shows as chosen (and is read as the checked one); a day
  // typed by hand chooses none of them.
  ui::a11y::beginRadioGroup("When it opens");
  for (size_t i = 0; i < std::size(quick); ++i) {
    // The choices wrap onto a new line where the dialog is narrow (a phone).
    const float w = ImGui::CalcTextSize(quick[i].label).x + ImGui::GetStyle().FramePadding.x * 2;
    if (i && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= right) ImGui::SameLine();
    const bool chosen = quick[i].days < 0 ? m_sealAfterSession
                                          : !m_sealAfterSession && m_sealDay == dayAfter(ctx.nowMs, quick[i].days);
    const bool pressed = ui::Chip(quick[i].label, chosen);
    ui::a11y::radio(chosen);
    if (pressed) {
      // Toward does not know when the next session is: it asks for that day, and the letter opens the day after.
      m_sealAfterSession = quick[i].days < 0;
      m_sealDay = m_sealAfterSession ? std::string() : dayAfter(ctx.nowMs, quick[i].days);
    }
  }
  ui::a11y::endRadioGroup();
  if (m_sealAfterSession) ui::MutedText("On which day is your next session? The letter opens the day after it.");
  ui::TextLine(ctx.platform.textInput(), "letters/sealDay", m_sealDay, ImGui::GetFontSize() * 10,
               {.placeholder = "YYYY-MM-DD", .label = m_sealAfterSession ? "Day of my next session" : "Day to open", .kept = false});
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const std::string opensOn = m_sealAfterSession ? dayAfterDay(m_sealDay) : m_sealDay;
  ui::MutedText(parseCivilDate(opensOn) ? ((m_sealAfterSession ? "Opens " : "") + formatDay(opensOn)).c_str() : "year-month-day");
  // A kind refusal is about the day it was given for: once the day changes, it goes.
  if (!m_sealNotice.empty() && m_sealDay != m_noticeSealDay) m_sealNotice.clear();
  ui::CalmWarning(m_sealNotice);
  const bool enter = ctx.platform.textInput().takeSubmit("letters/sealDay");
  const bool sealIt = ui::PrimaryButton("Seal it");
  if (ctx.noteControl) ctx.noteControl("letters:seal-it", "Seal it");
  if (sealIt || enter) {
    const auto sessionDay = parseCivilDate(m_sealDay);
    core::Status s;
    if (m_sealAfterSession && sessionDay && sessionDay.value() + 1 <= core::localDay(ctx.nowMs)) {
      // The day typed is the session's: say so about the session, not about the opening day after it.
      s = {core::ErrorCode::Invalid, "That session has already been, so the letter would open at once. "
                                     "On which day is your next one?"};
    } else {
      s = m_model.seal(m_openId, m_sealAfterSession ? dayAfterDay(m_sealDay) : m_sealDay);
    }
    m_sealNotice = s ? std::string() : s.message();
    m_noticeSealDay = m_sealDay;
    if (s) {
      m_notice.clear();
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  const bool notNow = ui::QuietButton("Not now");
  ui::a11y::cancel();
  if (notNow || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    m_sealNotice.clear();
    ImGui::CloseCurrentPopup();
  }
  ui::a11y::endDialog();
  ImGui::EndPopup();
}

void LettersView::drawReleaseDialog(ui::ViewContext& ctx) {
  (void)ctx;
  if (m_openReleaseDialog) {
    ImGui::OpenPopup("release-letter");
    m_openReleaseDialog = false;
  }
  centerNextWindow();
  if (!ImGui::BeginPopupModal("release-letter", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
  const bool released = m_draft.state == "released";
  ui::a11y::beginDialog(released ? "Delete this letter?" : "Let this letter go?");
  if (!released) {
    ImGui::TextUnformatted("Let this letter go?");
    ui::a11y::heading("Let this letter go?");
    ui::MutedText("It moves out of sight. It is kept, unless you choose to delete it.");
    if (ui::PrimaryButton("Let it go, and keep it")) {
      report(m_model.release(m_openId));
      ImGui::CloseCurrentPopup();
    }
    ui::Gap(0.3f);   // what deleting means goes under this choice, not squeezed beside it
  } else {
    ImGui::TextUnformatted("Delete this letter?");
    ui::a11y::heading("Delete this letter?");
  }
  ui::MutedText("Deleting moves it to the trash for 30 days; its earlier versions are deleted at once.");
  if (ui::QuietButton(released ? "Delete it" : "Let it go, and delete it")) {
    auto s = m_model.removeLetter(m_openId);
    report(s);
    if (s) {
      m_openId.clear();
      m_showEditorOnPhone = false;
    }
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  const bool notNow = ui::QuietButton("Not now");
  ui::a11y::cancel();
  if (notNow || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
  ui::a11y::endDialog();
  ImGui::EndPopup();
}

void LettersView::drawOpenEarlyDialog(ui::ViewContext& ctx) {
  (void)ctx;
  if (m_openEarlyDialog) {
    ImGui::OpenPopup("open-early");
    m_openEarlyDialog = false;
  }
  centerNextWindow();
  if (!ImGui::BeginPopupModal("open-early", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
  ui::a11y::beginDialog("Open this letter before its day?");
  ImGui::TextUnformatted("Open this letter before its day?");
  ui::a11y::heading("Open this letter before its day?");
  ui::MutedText("You sealed it so it could wait. It is all right to open it now if you need it.");
  if (ui::PrimaryButton("Open it now")) {
    report(m_model.openEarly(m_openId));
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  const bool wait = ui::QuietButton("Let it wait");
  ui::a11y::cancel();
  if (wait || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
  ui::a11y::endDialog();
  ImGui::EndPopup();
}

void LettersView::drawHistory(ui::ViewContext& ctx) {
  if (m_historySeen != m_model.changeCount() || m_historyFor != m_openId) {
    m_historyRows.clear();
    for (const auto& id : m_model.revisions(m_openId)) {
      auto rev = m_model.revision(id);
      if (!rev) continue;
      const Revision& r = rev.value();
      m_historyRows.push_back({id, core::formatDateTime(r.timeMs) + "\n" + reasonLabel(r.reason) + ", " +
                                       std::to_string(core::countWords(r.text)) + " words###" + id, r.text});
    }
    m_historySeen = m_model.changeCount();
    m_historyFor = m_openId;
  }
  ui::MutedText("A copy is kept every few minutes while you write and whenever the letter changes; the newest 50 stay.");
  const float h = std::max(ImGui::GetTextLineHeight() * 8, ImGui::GetContentRegionAvail().y -
                                                               ImGui::GetFrameHeightWithSpacing() * (ctx.compact ? 7.5f : 4.6f));
  // Wide enough for its longest row ("words kept when Toward stopped unexpectedly, 120 words"), up to half the page.
  float listW = ImGui::GetFontSize() * 16;
  for (const auto& row : m_historyRows) {
    listW = std::max(listW, ImGui::CalcTextSize(row.label.c_str(), nullptr, true).x + ImGui::GetStyle().WindowPadding.x * 2 +
                                ImGui::GetStyle().ScrollbarSize);
  }
  listW = std::min(listW, ImGui::GetContentRegionAvail().x * 0.5f);
  // On a phone the list and the version read are one above the other: the list shows up to five whole
  // rows (each two lines), the reading box at least twelve lines; the page scrolls for the rest.
  const float phoneRow = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y;
  const float phoneListH = float(std::clamp<size_t>(m_historyRows.size(), 1, 5)) * phoneRow + ImGui::GetStyle().WindowPadding.y * 2;
  const float phoneTextH = std::max(h * 0.55f, ImGui::GetTextLineHeight() * 12);
  ImGui::BeginChild("history-list", ImVec2(ctx.compact ? -1 : listW, ctx.compact ? phoneListH : h), true);
  for (const auto& row : m_historyRows) {
    if (ImGui::Selectable(row.label.c_str(), row.id == m_historyPick)) {
      m_historyPick = row.id;
      m_historyText = row.text;
    }
  }
  ImGui::EndChild();
  if (!ctx.compact) ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::BeginChild("history-text", ImVec2(0, ctx.compact ? phoneTextH : h - ImGui::GetFrameHeightWithSpacing()), true);
  if (m_historyPick.empty()) ui::MutedText("Choose a version to read it.");
  else ImGui::TextWrapped("%s", m_historyText.c_str()), ui::a11y::paragraph(m_historyText.c_str());
  ImGui::EndChild();
  if (!m_historyPick.empty() && ui::PrimaryButton("Bring this version back")) {
    commitPendingEdits();
    auto s = m_model.restore(m_historyPick);
    report(s);
    if (s) {
      m_historyOpen = false;
      m_historyPick.clear();
      m_historyText.clear();
      m_notice = "That version is back. The words it replaced are kept in the history too.";
    }
  }
  ImGui::EndGroup();
}

}  // namespace toward::letters
