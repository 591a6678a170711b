// plugins/journal/journal_view.h: the journal page: a list of entries (virtualized, searchable) and
// an editor. Typing goes into a draft that is saved through the model about a second after a pause,
// and at once on blur, page hide, navigation and tab handover.
#pragma once
#include <string>
#include <vector>

#include "core/ui/view.h"
#include "plugins/journal/journal_model.h"

namespace toward::journal {

class JournalView final : public ui::View {
 public:
  explicit JournalView(JournalModel& model) : m_model(model) {}
  const char* id() const override { return "journal"; }
  const char* title() const override { return "Journal"; }
  void draw(ui::ViewContext& ctx) override;
  void commitPendingEdits() override;
  int64_t nextWakeMs() const override;

  // autosaveDelayMs: int64, default 900 — pause in typing after which a draft is saved.
  static constexpr int64_t kAutosaveDelayMs = 900;

 private:
  void drawList(ui::ViewContext& ctx, float width);
  void drawEditor(ui::ViewContext& ctx);
  void open(const std::string& id);
  void noteEdit(int64_t nowMs);

  JournalModel& m_model;
  // view state only: which entry is open, and the words typed since the last save
  std::string m_openId;
  JournalEntry m_draft;
  bool m_dirty = false;
  int64_t m_lastEditMs = 0;
  std::string m_saveError;
  std::string m_search;
  std::string m_lastQuery;
  uint64_t m_lastQueryChange = 0;
  std::vector<std::string> m_hits;   // ids matching m_lastQuery
  bool m_showEditorOnPhone = false;
  bool m_focusText = false;
};

}  // namespace toward::journal
