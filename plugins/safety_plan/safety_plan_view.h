// plugins/safety_plan/safety_plan_view.h: the "My safety plan" page: every step in the person's own
// words (the browser's own text fields), people and lines with a name, a number and a note, each with
// "Call" (and for people "Text") as real links, "Print as a card", and the choice to keep the plan
// readable while locked. Typing goes into a draft saved through the model about a second after a pause,
// and at once on blur, page hide, navigation and tab handover (as the letters do).
// Field keys: "safety_plan.plan/plan/<field>", <field> a step ("warningSigns", ...) or
// "<list>.<row>.<name|phone|note>" (list "helpers" or "professionals").
#pragma once
#include "core/durability.h"
#include <string>

#include "core/ui/view.h"
#include "plugins/safety_plan/safety_plan_model.h"

namespace toward::safety_plan {

class SafetyPlanView final : public ui::View {
 public:
  explicit SafetyPlanView(SafetyPlanModel& model) : m_model(model) { followModel(); }
  void draw(ui::ViewContext& ctx) override;
  void commitPendingEdits() override;
  // Leaving the page: what is typed is saved, and "no number yet" is forgotten until "Someone to call" asks again.
  void onHide() override;
  int64_t nextWakeMs() const override { return m_dirty ? m_autosave.dueMs() : -1; }
  bool hasUnsavedEdits() const override { return m_dirty; }
  std::vector<ui::FieldWords> unstoredWords() const override;
  ui::Recovery recoverText(const std::string& key, const std::string& text, bool afterCrash) override;
  // "plan": the quick action only shows this page (from the top, nothing focused).
  void runAction(const std::string& actionId) override;

  // autosaveDelayMs: int64, default 1000 — pause in typing after which the draft is saved.
  static constexpr int64_t kAutosaveDelayMs = 1000;

 private:
  void noteEdit(int64_t nowMs);
  // The draft becomes the stored plan, with one empty row in an empty list (ready to be filled in).
  void followModel();
  void drawStep(ui::ViewContext& ctx, const PlanStep& step, float width);
  void drawContacts(ui::ViewContext& ctx, const char* list, float width);
  void drawLockedChoice(ui::ViewContext& ctx);

  SafetyPlanModel& m_model;
  SafetyPlan m_draft;              // what is on screen, saved after a pause
  uint64_t m_seen = 0;             // the model's changeCount the draft follows
  bool m_dirty = false;
  core::AutosaveClock m_autosave{kAutosaveDelayMs};   // when typed words are handed to the store
  bool m_scrollToTop = false;
  std::string m_focusField;   // a row just added: its first field takes the focus (once)
  bool m_scrollToPeople = false;
  // "Someone to call" was pressed (this visit of the app): with no number in the plan a note says what to
  // do now, said once to a screen reader.
  enum class CallAsked { No, Unsaid, Said };
  CallAsked m_callAsked = CallAsked::No;
  std::string m_saveError;
  // "Remove" pressed on a row that holds something: it asks first (list name, row; row -1 when not asking).
  bool m_notSafeShown = false;   // "If you are not safe right now..." at the top (no number yet), this visit
  std::string m_confirmList;
  size_t m_confirmRow = size_t(-1);
};

}  // namespace toward::safety_plan
