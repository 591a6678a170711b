// plugins/texture_box/texture_box_view.h: the texture box page: the box (a calm grid of the person's
// objects with their photos, virtualized), an object's page (every field, photo, reorder, trash,
// how it has tended to help), the person's distress scale, and a grounding session (rate, choose an
// object or take a suggestion, choose a length, touch and breath prompts, rate again, a note).
// Files: texture_box_view.cpp (box, object, scale), texture_box_view_session.cpp (the session).
#pragma once
#include "core/durability.h"
#include <string>

#include "core/distress_scale.h"
#include "core/ui/view.h"
#include "plugins/texture_box/photo_textures.h"
#include "plugins/texture_box/texture_box_model.h"

namespace toward::texture_box {

class TextureBoxView final : public ui::View {
 public:
  TextureBoxView(TextureBoxModel& model, core::Platform& platform) : m_model(model), m_photos(platform) {}
  void draw(ui::ViewContext& ctx) override;
  void commitPendingEdits() override;
  int64_t nextWakeMs() const override;
  bool hasUnsavedEdits() const override { return m_dirty; }
  std::vector<ui::FieldWords> unstoredWords() const override;
  ui::Recovery recoverText(const std::string& key, const std::string& text, bool afterCrash) override;
  // "ground" (the care choice "Ground with my texture box"): straight into a grounding session.
  void runAction(const std::string& actionId) override;
  // A grounding session is running.
  bool careInProgress() const override { return m_page == Page::Session && m_step == Step::Running; }

  // autosaveDelayMs: int64, default 900 — pause in typing after which an object's words are saved.
  static constexpr int64_t kAutosaveDelayMs = 900;

 private:
  enum class Page { Box, Object, Scale, Session };
  enum class Step { Before, Choose, Length, Running, After, Done };

  // texture_box_view.cpp
  void drawBox(ui::ViewContext& ctx);
  void drawGrid(ui::ViewContext& ctx);
  void drawObject(ui::ViewContext& ctx);
  void drawScale(ui::ViewContext& ctx);
  void drawPhoto(const std::string& photoId, bool large, float side, const std::string& fallbackName);
  void open(const std::string& id);
  void pickPhoto(ui::ViewContext& ctx);
  void noteEdit(int64_t nowMs);
  // texture_box_view_session.cpp
  void drawSession(ui::ViewContext& ctx);
  void startSession();
  bool drawRating(ui::ViewContext& ctx, const char* id, const char* name, int& value);
  void finishRunning(int64_t nowMs);
  void keepNote(int64_t nowMs);   // the note typed after a session, into its record at once
  void beginRunning(int64_t nowMs);
  // The session as it stands (begun, seconds so far, ratings given): a running session is saved as it
  // goes, so a lock, a reload or leaving it keeps it, recorded as stopped early.
  GroundingSession sessionSoFar(int64_t nowMs) const;
  void recordRunningSession(int64_t nowMs);
  // kSessionSaveEveryMs: int64, default 30 s — a running session's seconds are saved this often.
  static constexpr int64_t kSessionSaveEveryMs = 30000;

  TextureBoxModel& m_model;
  PhotoTextures m_photos;
  Page m_page = Page::Box;
  int64_t m_lastNowMs = 0;
  bool m_groundNow = false;        // "ground": the session begins at the next frame (it needs the clock)

  // the open object: its words as typed since the last save
  std::string m_openId;
  TextureObject m_draft;
  bool m_dirty = false;
  core::AutosaveClock m_autosave{kAutosaveDelayMs};   // when typed words are handed to the store
  std::string m_ownTexture, m_tagsText;
  std::string m_message;           // a kind note about the photo or saving
  bool m_picking = false;
  bool m_focusName = false;        // a new object: its name takes the focus (once), to be typed at once
  bool m_confirmTrash = false;

  // the scale page
  core::DistressScale m_scaleDraft;
  bool m_scaleLoaded = false;
  Page m_scaleReturn = Page::Box;

  // the session
  Step m_step = Step::Before;
  Step m_shownStep = Step::Done;    // the step drawn last (a new one begins scrolled to its top)
  Step m_saidStep = Step::Before;   // the step whose heading a screen reader was last told (stepHeading)
  void stepHeading(ui::ViewContext& ctx, const char* heading);
  int m_before = 50, m_after = 50;
  std::string m_sessionObject;     // "" = breath only
  uint32_t m_minutes = 2;
  int64_t m_startMs = 0, m_lengthMs = 0, m_stoppedMs = 0;
  std::string m_sessionNote;
  std::string m_noteKept;   // the note as the session's record holds it (kept as it is typed, before "Save")
  std::string m_savedSessionId;
  std::string m_sessionId;         // the running (or just stopped) session's record, saved as it goes
  int64_t m_sessionSavedMs = 0;    // when its seconds were last saved
  bool m_reducedMotion = false;
};

}  // namespace toward::texture_box
