// plugins/journal/journal_view.h: the journal page: a list of entries (virtualized, searchable, with
// filters and a month calendar), an editor for every kind of entry (free, fork, session notes, words to
// keep), and the "stay with it" timer. Typing goes into a draft that is saved through the model about a
// second after a pause, and at once on blur, page hide, navigation and tab handover.
// Files: journal_view.cpp (page, list, filters, calendar), journal_view_editor.cpp (the editor),
// journal_view_timer.cpp (the timer page).
//
// The quick path for hard moments: the shell's "A feeling is here" (the plugin's quick action "feeling",
// journal_plugin_ui.cpp) shows this page and calls startFeelingHere(). The timer opens first and runs at
// once; the details are asked afterwards.
#pragma once
#include "core/durability.h"
#include <string>
#include <vector>

#include "core/ui/view.h"
#include "plugins/journal/journal_filters.h"
#include "plugins/journal/journal_model.h"
#include "plugins/journal/stay_timer.h"

namespace toward::journal {

class JournalView final : public ui::View {
 public:
  explicit JournalView(JournalModel& model) : m_model(model) {}
  void draw(ui::ViewContext& ctx) override;
  void commitPendingEdits() override;
  int64_t nextWakeMs() const override;
  // Entries folded for search after a start, and a search's walk, in tasks of their own between the frames.
  bool wantsWorkBeside() const override { return (m_preparingSearch && m_drawnOnce) || m_walking; }
  bool workBeside() override;
  bool hasUnsavedEdits() const override { return m_dirty; }
  std::vector<ui::FieldWords> unstoredWords() const override;
  ui::Recovery recoverText(const std::string& key, const std::string& text, bool afterCrash) override;
  // "feeling": startFeelingHere().
  void runAction(const std::string& actionId) override;
  bool openRecord(const std::string& type, const std::string& id) override;
  void wayOutClosed(bool back) override;
  // The stay-with-it timer is running.
  bool careInProgress() const override { return m_timer.running(); }
  // Leaving the page leaves the open entry (a hard one gets its check-in).
  void onHide() override;

  // "A feeling is here": opens the stay-with-it timer at once (it starts at the next frame); a new fork
  // entry records the seconds stayed, and the details can be written afterwards.
  void startFeelingHere();
  // True while the stay-with-it timer page is showing (the shell may hide its own buttons meanwhile).
  bool timerShowing() const { return m_timerOpen; }

  // autosaveDelayMs: int64, default 900 — pause in typing after which a draft is saved.
  static constexpr int64_t kAutosaveDelayMs = 900;
  static constexpr size_t kPrepareSearchStep = 100;          // entries folded between looks at the clock
  static constexpr int64_t kPrepareSearchMsPerFrame = 8;     // folding time per frame after start-up
  static constexpr int64_t kPrepareForWordsMsPerFrame = 10;  // ... while words typed in the search wait for it
  static constexpr double kPrepareSearchMsPerTask = 8;       // folding time per task beside the frames
  static constexpr int64_t kWordsWaitingFrameMs = 250;       // a frame now and then meanwhile
  static constexpr size_t kSearchStep = 500;                 // entries a search looks at between looks at the clock
  static constexpr double kSearchMsPerFrame = 8;             // a search's walk in the frame that draws the list
  static constexpr double kSearchMsPerTask = 8;              // ... and in each task beside the frames

  // For tests: a search looks at `entries` entries a frame or task, whatever the time (0 = by the time, as above),
  // and each such step takes at least `stepMs` of the thread, as on a slow machine (tasks one after another
  // otherwise walk 3,000 entries one at a time in about 50 ms: too soon to open an entry while it walks).
  void setSearchEntriesPerStep(size_t entries, double stepMs = 0) {
    m_searchEntriesPerStep = entries;
    m_searchStepMs = stepMs;
  }
  // For tests: each step of the folding for search (kPrepareSearchStep entries) takes at least `ms`, as on a slow
  // machine (20,000 entries fold in about 60 ms here: gone before a search can be typed after a start).
  void setFoldStepMs(double ms) { m_foldStepMs = ms; }

 private:
  // journal_view.cpp
  void drawList(ui::ViewContext& ctx, float width);
  // The list's heading, "+ New entry", the search and the filter chips.
  void drawListHeader(ui::ViewContext& ctx);
  void chooseList();   // this frame's list: the entries found, every entry, or "Looking..." (m_showedHits/Looking)
  void drawFilters(ui::ViewContext& ctx);
  void drawCalendar(ui::ViewContext& ctx);
  // Begins, goes on with (kSearchMsPerFrame) or ends the search's walk for m_filter.
  void refreshHits();
  // Walks on for up to `budgetMs` (or the test's entries a step); true when the walk is whole.
  bool walkSome(double budgetMs);
  // The whole walk becomes the list (m_hits, m_lastFilter).
  void takeWalk();
  void open(const std::string& id);
  void createEntry(const std::string& kind);
  void noteEdit(int64_t nowMs);
  // journal_view_editor.cpp
  void drawEditor(ui::ViewContext& ctx);
  // "On this day, in earlier years": beside the list on a wide screen (the quiet page), above it on a phone.
  void drawOnThisDay(ui::ViewContext& ctx);
  void drawEntryHeader(ui::ViewContext& ctx);
  void drawForkFields(ui::ViewContext& ctx);
  void drawFeelingPicker(ui::ViewContext& ctx);
  void drawSecondsStayed(ui::ViewContext& ctx, Fork& f);
  void drawEntryFooter(ui::ViewContext& ctx);
  // journal_view_timer.cpp
  void drawTimer(ui::ViewContext& ctx);
  void startTimer(int64_t nowMs, const std::string& forId);
  // Records the seconds stayed; `checkIn` offers "How is it now?" (not when leaving for a way out).
  void timerEnded(int64_t nowMs, bool checkIn = true);
  // The entry `id` is being left (another opens, or the page goes): a hard moment gets "How is it now?".
  void leaveEntry(const std::string& id);
  std::function<void(const std::string& moment)> m_checkIn;  // ViewContext::checkIn, kept from the last frame

  JournalModel& m_model;
  // view state only: which entry is open, and the words typed since the last save
  std::string m_openId;
  std::string m_putAwayForWayOut;  // the entry closed when the timer's way out opened: "Back" opens it again
  std::string m_editorShows;  // the entry the editor showed last frame (it starts at the top of another)
  JournalEntry m_draft;
  uint64_t m_draftSeenChange = 0;
  bool m_dirty = false;
  core::AutosaveClock m_autosave{kAutosaveDelayMs};   // when typed words are handed to the store
  std::string m_saveError;
  bool m_showEditorOnPhone = false;
  bool m_focusText = false;
  bool m_revealed = true;            // a content note was read and the entry shown
  std::string m_tagsText;            // the tags line as typed ("a, b")
  std::string m_ownFeeling, m_ownUrge;
  std::string m_secondsText;         // the seconds stayed as typed ("" while the box is emptied)
  uint32_t m_secondsShown = 0;       // the number m_secondsText was last set from
  bool m_pickingFeelings = false;
  size_t m_pickFamily = 0;
  std::string m_lastFeelingTapped;   // its meaning is shown (phones have no hover)
  int m_when[5] = {0, 0, 0, 0, 0};   // date popup: year, month, day, hour, minute

  // finding
  JournalFilter m_filter;
  JournalFilter m_lastFilter;
  std::string m_foundSaid;   // "12 entries found", as last said to a screen reader (cleared when not searching)
  uint64_t m_lastQueryChange = ~uint64_t(0);
  std::vector<std::string> m_hits;   // ids passing m_lastFilter
  // The search's walk for m_filter while it differs from m_lastFilter (or the journal changed), a part per
  // frame and per task beside them; meanwhile the list found before stays as it was (the whole list when
  // nothing narrowed it), and the new one replaces it once it is whole, never part of it.
  JournalModel::FilterWalk m_walk;
  bool m_walking = false;
  bool m_showedHits = false;          // the list drawn lists m_hits, not every entry (chooseList, each frame)
  bool m_showedLooking = false;       // the list drawn says "Looking through your entries..." (chooseList)
  bool m_walkedThisFrame = false;     // this frame's share of the walk is walked
  size_t m_searchEntriesPerStep = 0;  // see setSearchEntriesPerStep
  double m_searchStepMs = 0;          // ... and there
  double m_foldStepMs = 0;            // see setFoldStepMs
  bool foldSome();                    // kPrepareSearchStep entries folded for search; false when all are
  bool m_showFilters = false;
  bool m_showCalendar = false;
  int m_calYear = 0, m_calMonth = 0, m_calDay = 0;   // the month shown; the day picked (0 = none)

  // stay with it
  StayTimer m_timer;
  bool m_timerOpen = false;
  bool m_timerPendingStart = false;
  bool m_preparingSearch = false;   // entries still being folded for search after start-up
  // Words typed in the search wait, with the list, until every entry is folded (at 50,000 entries just after a
  // start, folding the rest at once for them held one frame 0.7 s); the page says it is looking meanwhile.
  bool m_wordsWaiting = false;
  bool m_tasksBeside = false;        // (ViewContext::tasksBeside, from the last frame)
  bool m_drawnOnce = false;
  std::string m_timerFor;            // entry the seconds go to; "" = a new fork entry
  std::string m_timerResultId;       // the entry that received the seconds
  uint32_t m_timerLength = StayTimer::kDefaultSeconds;
  bool m_reducedMotion = false;
  int64_t m_lastNowMs = 0;
};

}  // namespace toward::journal
