// plugins/letters/letters_view.h: the letters page: a list of letters (let-go ones behind a quiet
// toggle), and an editor for one letter: recipient and name, the words (the browser's own text field,
// with a word count), gentle prompts on request, tags, "bring to my next session", the life cycle
// (finished, sealed until a day, let go, back to a draft), revision history with restore, copy and print.
// Typing goes into a draft that is saved through the model about a second after a pause, and at once
// on blur, page hide, navigation and tab handover.
// Files: letters_view.cpp (page, list, saving), letters_view_editor.cpp (the editor and its dialogs).
//
// "Held, not sent": the shell's "Write to my therapist" (the plugin's quick action "therapist",
// letters_plugin_ui.cpp) shows this page and calls startHeldLetter(): a new letter to the therapist opens
// with a note that it will wait here.
#pragma once
#include "core/durability.h"
#include <string>
#include <vector>

#include "core/ui/view.h"
#include "plugins/letters/letters_model.h"

namespace toward::letters {

class LettersView final : public ui::View {
 public:
  explicit LettersView(LettersModel& model) : m_model(model) {}
  void draw(ui::ViewContext& ctx) override;
  void commitPendingEdits() override;
  int64_t nextWakeMs() const override;
  bool hasUnsavedEdits() const override { return m_dirty; }
  std::vector<ui::FieldWords> unstoredWords() const override;
  ui::Recovery recoverText(const std::string& key, const std::string& text, bool afterCrash) override;
  // "therapist": startHeldLetter().
  void runAction(const std::string& actionId) override;
  bool openRecord(const std::string& type, const std::string& id) override;
  // Leaving the page leaves the open letter (a long one written late at night gets its check-in).
  void onHide() override;

  // "Write to my therapist": a new letter to the therapist that waits here, text focused.
  void startHeldLetter();

  // autosaveDelayMs: int64, default 1000 — pause in typing after which a draft is saved.
  static constexpr int64_t kAutosaveDelayMs = 1000;

 private:
  // letters_view.cpp
  void drawList(ui::ViewContext& ctx, float width);
  void open(const std::string& id);
  void createLetter(const std::string& kind, bool held);
  // Copies the greeting and the words to the clipboard, and says that nothing was sent.
  void copyLetter(ui::ViewContext& ctx);
  // The letter `id` is being left: a long one written late at night gets "How is it now?".
  void leaveLetter(const std::string& id);
  std::function<void(const std::string& moment)> m_checkIn;  // ViewContext::checkIn, kept from the last frame
  void noteEdit(int64_t nowMs);
  void textChanged();
  void report(const core::Status& status);
  // letters_view_editor.cpp
  void drawEditor(ui::ViewContext& ctx);
  void drawHeader(ui::ViewContext& ctx);
  void drawWords(ui::ViewContext& ctx);
  void drawPrompts(ui::ViewContext& ctx);
  void drawFooter(ui::ViewContext& ctx);
  void drawLifeActions(ui::ViewContext& ctx);
  void drawSealDialog(ui::ViewContext& ctx);
  void drawReleaseDialog(ui::ViewContext& ctx);
  void drawOpenEarlyDialog(ui::ViewContext& ctx);
  void drawHistory(ui::ViewContext& ctx);

  LettersModel& m_model;
  // view state only: which letter is open, and the words typed since the last save
  std::string m_openId;
  std::string m_editorShows;  // the entry the editor showed last frame (it starts at the top of another)
  Letter m_draft;
  uint64_t m_draftSeenChange = 0;
  bool m_dirty = false;
  bool m_waitOffered = false;   // a held letter's "Copy the text": "It can wait until tomorrow" is showing
  core::AutosaveClock m_autosave{kAutosaveDelayMs};   // when typed words are handed to the store
  uint32_t m_words = 0;              // word count of m_draft.text, counted only when it changes
  std::string m_saveError;
  std::string m_notice;              // a kind message about the last action (a refused date, ...)
  std::string m_tagsText;
  bool m_showEditorOnPhone = false;
  bool m_focusText = false;
  bool m_showReleased = false;
  bool m_showPrompts = false;
  bool m_sealAfterSession = false;   // the seal dialog asks for the next session's day (opens the day after)
  bool m_revealed = true;            // a content note was read and the letter shown
  bool m_pickingKind = false;
  std::string m_sealDay;             // the day typed in the seal dialog, "YYYY-MM-DD"
  std::string m_sealNotice;          // a kind refusal shown in the seal dialog (not on the page behind it)
  std::string m_noticeSealDay;       // the day that refusal was about
  bool m_historyOpen = false;
  std::string m_historyPick;         // the revision being read
  std::string m_historyText;         // its words (read once when picked)
  struct HistoryRow {
    std::string id, label;
    std::string text;
  };
  std::vector<HistoryRow> m_historyRows;   // read again only when letters or revisions changed
  uint64_t m_historySeen = ~uint64_t(0);
  std::string m_historyFor;
  bool m_openSealDialog = false, m_openReleaseDialog = false, m_openEarlyDialog = false;
};

}  // namespace toward::letters
