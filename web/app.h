// web/app.h: the app: the one place that knows every plugin. It owns the registry, the record store,
// the durability tracker, the plugin models and views, and draws the shell (navigation, the "Saved"
// note, calm banners). main.cpp drives it once per frame; test_api.cpp and the glue call into it.
#pragma once
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/durability.h"
#include "core/platform/platform.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/settings.h"
#include "core/ui/fonts.h"
#include "core/ui/view.h"
#include "core/vault/vault.h"

namespace toward::journal { class JournalModel; class JournalView; }
namespace toward::letters { class LettersModel; class LettersView; }
namespace toward::texture_box { class TextureBoxModel; }
namespace toward::ui { class UnlockScreen; class VaultSection; }

namespace toward::app {

// A navigation item as last drawn, in CSS pixels.
struct NavRect {
  std::string id, title;
  float x = 0, y = 0, w = 0, h = 0;
};

class App {
 public:
  explicit App(core::Platform& platform);
  ~App();

  // How work that must not run in the middle of a frame is run: now, or right after the frame being drawn
  // (main.cpp passes web::outsideFrame). Default: now.
  void setOutsideFrame(std::function<void(std::function<void()>)> run) { m_outsideFrame = std::move(run); }
  // Registers plugins, reads the store (the platform's initial load has finished) and builds views.
  void start();

  // Starts a sync when one is due; returns true when the screen should be redrawn.
  bool tick(int64_t nowMs);
  // Draws one frame of the whole app into ImGui.
  void draw(int64_t nowMs);
  // When the app next needs a frame without input (autosave, a pending sync), or -1.
  int64_t nextWakeMs() const;

  // Saves what is being typed and syncs as soon as possible (page hidden, handover, flush()).
  void flushNow();
  // Allows or refuses writes (another tab took over).
  void setWriter(bool writer);
  // Reads the store again from the data folder (after another tab wrote).
  void reloadStore();

  // Wanted look, for main.cpp to apply: dark theme?, body text size in CSS px.
  bool wantsDark() const;
  float textPx() const;
  // The settings record, parsed once per change of the store.
  const core::Settings& settings() const;
  ui::Fonts& fonts() { return m_fonts; }

  // The navigation items of the last frame (the test API clicks them where they really are), then the
  // shell's quick actions ("feeling", "therapist") and "hide".
  const std::vector<NavRect>& navRects() const { return m_navRects; }
  const std::vector<NavRect>& actionRects() const { return m_actionRects; }
  // True only when every change is durable AND no editor holds words not yet handed to the store
  // (what the shell's "Saved" says; a guess is never shown).
  bool allSaved() const;
  // The ids of pages whose editors hold unstored words, comma-separated (for the test API).
  std::string unsavedPages() const;
  // Words kept by the page after a crash (the glue's emergency copy of a text field, by its key): the
  // view that owns the key puts them back where they were typed and stores them. False when no view
  // knows the key (the copy is then kept for later) or the store refused.
  bool recoverText(const std::string& key, const std::string& text, bool afterCrash = true);
  // How many fields were brought back since start (the shell says so once, in a calm banner).
  void noteRecovered(int count) { m_recoveredCount += count; m_stateChanged = true; }
  // Where the shell's "Hide" button was drawn in the last frame.
  const NavRect& hideRect() const { return m_hideRect; }
  core::RecordStore& store() { return *m_store; }
  core::DurabilityTracker& durability() { return m_durability; }
  const core::Registry& registry() const { return m_registry; }

  // --- The vault (core/vault/vault.h). While it is locked only the unlock screen is drawn.
  core::vault::Vault& vault() { return *m_vault; }
  bool locked() const { return m_vault->status() == core::vault::VaultStatus::Locked; }
  // Saves what is being typed (sealed), then locks: records, views and text fields are dropped.
  void lockNow();
  // Tries a passphrase as the unlock screen's Open button does; returns the kind message or "".
  std::string unlock(const std::string& passphrase);
  // Enter in the unlock screen's passphrase field: tries what is typed there.
  void submitUnlock();
  // Quick hide: locks the vault, or without one covers the screen with a neutral page until dismissed.
  void quickHide();
  bool covered() const { return m_covered; }
  // True once after the shell's Hide button was pressed (main.cpp then runs the glue's quick hide).
  bool takeHideRequest() { const bool r = m_hideRequested; m_hideRequested = false; return r; }
  // The first-run offer of a passphrase is on screen (nothing written yet, not answered).
  bool vaultOfferShown() const;
  // Input arrived (auto-lock counts idle time from here).
  void noteActivity(int64_t nowMs) { m_lastActivityMs = nowMs; }
  // The page was hidden: saves, and locks when the person chose that.
  void pageHidden();
  // Test hook: auto-lock after this many ms of idle time instead of the chosen minutes (0 = as chosen).
  void setAutoLockOverrideMs(int64_t ms) { m_autoLockOverrideMs = ms; }
  // The page title and whether it should be neutral (discreet mode).
  bool discreet() const { return m_vault->status() != core::vault::VaultStatus::Off && m_vault->prefs().discreet; }
  // The page whose id() is `id` ("backups", "journal", ...), or nullptr (the test build's knobs reach pages so).
  ui::View* page(const std::string& id) { for (auto& v : m_views) if (id == v->id()) return v.get(); return nullptr; }
  // The texture box's model (the test build's session-length knob reaches it so).
  texture_box::TextureBoxModel* textureBoxModel() { return m_textureBox.get(); }

 private:
  void buildViews();
  void drawLockedOrCovered(const ui::ViewContext& ctx);
  void drawHideButton(ImVec2 size);
  void drawVaultOffer(bool compact);
  int64_t autoLockDueMs() const;
  void pumpDurability(int64_t nowMs);
  // Rewrites the next files of a vault being turned on or off (about kVaultStepMs a frame).
  void stepVaultMigration();
  static constexpr int64_t kVaultStepMs = 25;
  void drawNavigation(bool compact);
  void drawStatus();
  void drawBanners(bool compact);
  // Changes the page. During a frame the change waits for the end of the frame (m_outsideFrame), so the
  // page being left still draws its text fields once (handing over what was typed) and nothing is swapped
  // mid-frame; the shell's quick actions wait the same way.
  void select(size_t index);
  void noteActionRect(const char* id, const char* title);
  void noteNavRect(size_t index);
  // Opens the journal and starts the "stay with it" timer (the quick path for hard moments).
  void feelingIsHere();
  // "Write to my therapist" (the urge to message them now): opens a new letter that waits here.
  void messageTherapist();

  core::Platform& m_platform;
  core::Registry m_registry;
  std::unique_ptr<core::RecordStore> m_store;
  core::DurabilityTracker m_durability;
  std::unique_ptr<journal::JournalModel> m_journal;
  std::unique_ptr<letters::LettersModel> m_letters;
  std::unique_ptr<texture_box::TextureBoxModel> m_textureBox;
  std::vector<std::unique_ptr<ui::View>> m_views;
  size_t m_current = 0;
  ui::Fonts m_fonts;
  bool m_writer = true;
  bool m_stateChanged = false;
  bool m_problemsDismissed = false;
  bool m_syncRunning = false;
  bool m_askedPersistence = false;
  mutable core::Settings m_settings;            // cache of the settings record, see settings()
  mutable uint64_t m_settingsGeneration = 0;
  mutable bool m_settingsKnown = false;
  journal::JournalView* m_journalView = nullptr;
  letters::LettersView* m_lettersView = nullptr;
  std::vector<NavRect> m_navRects;  // where each page's navigation item was drawn (for the test API)
  std::vector<NavRect> m_actionRects;  // where the shell's quick actions were drawn
  int64_t m_lastDrawMs = 0;         // when the last frame was drawn (time-driven changes since get a frame)
  std::function<void(std::function<void()>)> m_outsideFrame = [](std::function<void()> work) { work(); };
  int m_recoveredCount = 0;         // fields brought back after a crash, told once
  bool m_recoveredDismissed = false;
  std::unique_ptr<core::vault::Vault> m_vault;
  std::unique_ptr<ui::UnlockScreen> m_unlockScreen;
  std::unique_ptr<ui::VaultSection> m_vaultSection;
  bool m_lockRequested = false;      // "lock now" pressed during a frame
  bool m_hideRequested = false;      // the shell's "Hide" pressed during a frame, see takeHideRequest()
  NavRect m_hideRect;
  bool m_vaultOfferDismissed = false;  // the first-run offer of a passphrase was answered
  bool m_covered = false;            // quick hide without a vault: a neutral page until dismissed
  int64_t m_lastActivityMs = 0;
  int64_t m_autoLockOverrideMs = 0;
};

}  // namespace toward::app
