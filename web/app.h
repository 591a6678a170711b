// web/app.h: the app in the browser. It opens the store and the vault, makes every plugin's model and page
// from the one table of plugins (plugins/plugin_table.h, plugins/plugin_ui_table.h) plus the core's own
// pages (next session, trash, backups, settings), and draws the shell (navigation, quick actions, the
// "Saved" note, calm banners) from its state (core/shell/shell_state.h), carrying out what that decides.
// main.cpp drives it once per frame; the exported functions (web/exports.cpp) and the glue call into it.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/durability.h"
#include "core/held_words.h"
#include "core/platform/platform.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/settings.h"
#include "core/shell/shell_state.h"
#include "core/ui/fonts.h"
#include "core/ui/plugin_ui.h"
#include "core/ui/way_out.h"
#include "core/ui/view.h"
#include "core/vault/vault.h"
#include "plugins/plugin_table.h"

namespace toward::ui { class UnlockScreen; class VaultSection; }

namespace toward::app {

// A navigation item as last drawn, in CSS pixels.
struct NavRect {
  std::string id, title;
  float x = 0, y = 0, w = 0, h = 0;
};

// A page of the app: a plugin's (its PluginSpec's id, title and blurb) or one of the core's.
struct Page {
  std::string id, title, blurb;
  std::unique_ptr<ui::View> view;
};

class App {
 public:
  explicit App(core::Platform& platform);
  ~App();

  // How work that must not run in the middle of a frame is run: now, or right after the frame being drawn
  // (main.cpp passes web::outsideFrame). Default: now.
  void setOutsideFrame(std::function<void(std::function<void()>)> run) { m_outsideFrame = std::move(run); }
  // How the opening's reading asks for a task of its own beside the frames (main.cpp passes web::workSoon:
  // true when one is or will be run, which then calls stepOpeningTask). Default: none, and the reading
  // goes on in the frames' ticks instead.
  void setWorkBeside(std::function<bool()> post) { m_workBeside = std::move(post); }
  // One short task of the opening's reading (kOpenTaskMs), outside any frame: true while more is left
  // for another task.
  bool stepOpeningTask();
  // One task beside the frames: the opening's reading while the store opens, else the page on screen's
  // View::workBeside. True while more is wanted.
  bool stepWorkTask();
  // Asks for a task of the page on screen's work beside the frames, when it wants one (App::tick, each frame's end).
  void postPageWork();
  bool tasksBeside() const;   // the opening's reading may go to tasks beside the frames (not while a test holds it)
  // Registers plugins, reads the store (the platform's initial load has finished) and builds the pages.
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
  // view that owns the key puts them back where they were typed and stores them (Stored). NotMine when
  // no view owns the key any more (the copy can go); NotNow when locked or the store refused the words
  // (the copy must stay for another try).
  ui::Recovery recoverText(const std::string& key, const std::string& text, bool afterCrash = true);
  // How many fields were brought back since start (the shell says so once, in a calm banner).
  void noteRecovered(int count) { m_shell->noteRecovered(count); }
  // Where the shell's "Hide" button was drawn in the last frame.
  const NavRect& hideRect() const { return m_hideRect; }
  core::RecordStore& store() { return *m_store; }
  core::DurabilityTracker& durability() { return m_durability; }
  const core::Registry& registry() const { return m_registry; }
  core::ShellState& shell() { return *m_shell; }
  // A page by its id ("journal", "backups", ...), or null.
  ui::View* page(const std::string& id);
  // A plugin's model by the plugin's id, or null (none, or the plugin has no model).
  core::PluginModel* model(const std::string& pluginId);

  // --- Opening: with many records the store is read a few milliseconds a frame after the first frame
  // (RecordStore::beginLoad); until the last file is read, only the opening screen is drawn (its progress, things
  // that need no screen, the safety plan when kept readable) and nothing can be written.
  bool opening() const { return m_openingScreen; }
  // Nothing is kept yet (no record, nothing in the trash, no vault, the store open): only Toward's own
  // words are drawn, so the fonts may start with Latin glyphs only (ui::Glyphs).
  bool keepsNothing() const;
  // Reads the rest of an opening now, in one go (the test API's unlock, which answers with everything read).
  void finishOpeningNow();

  // --- The vault (core/vault/vault.h). While it is locked only the unlock screen is drawn.
  core::vault::Vault& vault() { return *m_vault; }
  bool locked() const { return m_shell->locked(); }
  // Saves what is being typed (sealed), then locks: records, views and text fields are dropped.
  void lockNow();
  // Tries a passphrase as the unlock screen's Open button does; returns the kind message or "".
  std::string unlock(const std::string& passphrase);
  // Enter in the unlock screen's passphrase field: tries what is typed there.
  void submitUnlock();
  // True while the unlock screen is opening (between Enter/Open and the end of the key work).
  bool unlockOpening() const;
  // Quick hide: locks the vault, or without one covers the screen with a neutral page until dismissed.
  void quickHide();
  bool covered() const { return m_shell->covered(); }
  // True once after the shell's Hide button was pressed (main.cpp then runs the glue's quick hide).
  bool takeHideRequest() { return m_shell->takeHideRequest(); }
  // The first-run offer of a passphrase is on screen (nothing written yet, not answered).
  bool vaultOfferShown() const { return m_shell->offerShown(); }
  // Input arrived (auto-lock counts idle time from here).
  void noteActivity(int64_t nowMs) { m_shell->noteActivity(nowMs); }
  // The page was hidden: saves, and locks when the person chose that.
  void pageHidden();
  // The page title and whether it should be neutral (discreet mode).
  bool discreet() const { return discreetByChoice() || m_shell->covered(); }
  // Discreet mode chosen with the vault (remembered for the next visit); the cover alone is not remembered.
  bool discreetByChoice() const { return m_vault->status() != core::vault::VaultStatus::Off && m_vault->prefs().discreet; }

 private:
  // Makes every page anew (at start and after a lock): the plugins' pages in the table's order, then the
  // core's. The page that was shown stays shown.
  void buildPages();
  void drawLockedOrCovered(const ui::ViewContext& ctx);
  // The opening screen (see opening()), and the next files read; then what a whole load is followed by.
  void drawOpening(ui::ViewContext& ctx);
  void stepOpening(int64_t nowMs);
  // The whole read came into the tree (Platform::dataArrived): the opening goes on with everything.
  void treeArrived();
  // The first part of an opening (at start, after a stepwise unlock): up to kOpenInStartMs, and the rest
  // too when it looks quick. True when everything is read.
  bool readOpeningStart(int64_t firstMs = kOpenInStartMs, int64_t atOnceMs = kOpenAtOnceMs);
  void opened();
  static constexpr int64_t kOpenInFrameMs = 8;    // (after an unlock, in its frame, where tasks follow)
  static constexpr size_t kUnlockFrameFilesAtMost = 300;   // ... and only a store of so few entries (afterUnlock)
  static constexpr int64_t kOpenInStartMs = 20;   // a small store opens at once, before the first frame,
  static constexpr int64_t kOpenAtOnceMs = 60;    // ... and one whose rest looks this quick to read
  static constexpr int64_t kOpenTaskMs = 8;       // then this much a task, tasks one after another beside the
                                                  // frames, so input and drawing come between them
  static constexpr int64_t kOpenStepMs = 100;     // (or, where no task can be asked for, this much a frame)
  static constexpr int64_t kOpeningFrameMs = 250; // and a frame is drawn this often for the progress
  // The plugins' pages readable while locked or covered (ui::LockedPage: the safety plan, when chosen):
  // read again at a lock or cover; their buttons under the unlock screen or the cover; the one open.
  void refreshLockedPages(bool keepShown = false);   // keepShown: the plan opened from the opening screen stays open
  void drawLockedOffers();
  bool drawOpenLockedPage(ui::ViewContext& ctx);
  void drawHideButton(ImVec2 size);
  // What a phone's top bar needs without the title: its quick actions, Hide and the status.
  float topBarWidth() const;
  void drawVaultOffer(bool compact);
  float vaultOfferHeight(bool compact, float width) const;
  // The height kept free at the bottom of the page for a card there (the check-in, the passphrase offer):
  // the page ends above it and scrolls, so no control (and no text field, which lies over the canvas)
  // is ever under a card. 0 with no card.
  float cardRoom(bool compact) const;
  // "Set a passphrase" or "Not now": the first-run offer is answered, for good.
  void answerVaultOffer();
  // Turns the backup reminder on where the browser may clear its data, unless the person chose already.
  void defaultBackupReminder();
  // After an unlock from anywhere: the shell's state, the text fields of the unlock screen emptied.
  void afterUnlock();
  void pumpDurability(int64_t nowMs);
  // Rewrites the next files of a vault being turned on or off (about kVaultStepMs a frame).
  void stepVaultMigration();
  static constexpr int64_t kVaultStepMs = 6;   // a third of a frame at 60 a second: with its drawing, its
                                               // sync and one of V8's garbage collections, most frames stay
                                               // under 16 ms (the worst was 19 ms at 10,000 records)
  bool phoneTab(const std::string& title, bool chosen, const ImVec2& size);
  void drawNavigation(bool compact);
  // The plugins' quick actions placed on a phone at `place` (or all of them on a desktop when `all`).
  // `wrapAt` (the phone's top bar): a button that would end past it starts a new row.
  void drawQuickActions(bool all, ui::PhonePlace place, ImVec2 size, float wrapAt = 0.0f);
  // The phone's top bar flowing onto rows: a button's width, a new row when `width` would end past
  // `right`, and how many rows the whole bar takes (its actions, Hide, the status's dot).
  static float topBarButtonWidth(const std::string& label);
  static void wrapTopBar(float width, float right);
  int topBarRows(float right) const;
  static std::vector<float> topBarButtonWidths();   // the quick actions' and Hide's, in drawn order
  static constexpr float kStatusDotEm = 0.6f;   // the status at its smallest: the dot alone
  void drawStatus();
  void drawBanners();
  // Words that reached no record (m_held): a calm line saying they wait, and "Copy these words".
  void drawHeldWords();
  // "It's too much right now" (a calm choice over the page) and "How is it now?" (a small card).
  void drawWayOut(bool compact);
  void drawCheckIn(bool compact);
  // Every plugin's care choices, in the table's order.
  std::vector<ui::CareChoice> careChoices() const;
  // "It's too much right now": the calm choice over the page, and no reminder for a while (kQuietAfterCareMs).
  void openWayOut();
  static constexpr int64_t kQuietAfterCareMs = 10 * 60 * 1000;
  // Runs the shell quick action `actionId` of whichever plugin offers it ("therapist"); false when none does.
  bool runQuickAction(const std::string& actionId);
  // Shows a record opened on the page that shows its type ("Open it" on the next session's list).
  void showRecord(const std::string& type, const std::string& id);
  ui::View& currentView() { return *m_pages[m_shell->current()].view; }
  // Changes the page. During a frame the change waits for the end of the frame (m_outsideFrame), so the
  // page being left still draws its text fields once (handing over what was typed) and nothing is swapped
  // mid-frame; the quick actions wait the same way.
  void select(size_t index);
  void selectId(const std::string& id);
  // A plugin's quick action: shows the plugin's page and hands it the action (after the frame).
  void runAction(const std::string& pluginId, const std::string& actionId);
  // A care choice taken (from the way out, the check-in card or a page): runAction, and it answers the check-in.
  void takeWayThrough(const ui::CareChoice& choice);
  void noteActionRect(const std::string& id, const std::string& title);
  void noteNavRect(size_t index);

  core::Platform& m_platform;
  core::Registry m_registry;
  std::unique_ptr<core::RecordStore> m_store;
  core::DurabilityTracker m_durability;
  std::unique_ptr<core::vault::Vault> m_vault;
  std::unique_ptr<core::ShellState> m_shell;
  std::vector<plugins::LiveModel> m_models;  // every plugin's model (before m_pages: pages use them)
  std::vector<Page> m_pages;
  ui::Fonts m_fonts;
  bool m_syncRunning = false;
  bool m_askedPersistence = false;
  core::HeldWords m_held;           // words a field handed over that the store refused (core/held_words.h)
  uint64_t m_heldCopiedVersion = UINT64_MAX;   // m_held's version when "Copy these words" was pressed
  bool m_copyRestoreSeen = false;   // the person read that their words came back from the second copy
  bool m_reminderDefaulted = false;   // the backup reminder's default was settled in this session
  size_t m_navRevealed = SIZE_MAX;    // the page whose tab the desktop's page list last scrolled into view
  float m_navRevealedHeight = 0;      // ... and the list's height then
  size_t m_bannerPage = SIZE_MAX;     // the page shown when the banners were last drawn (a reminder appears
  int64_t m_quietUntilMs = 0;         // only as a page is shown, and not before this: after a hard moment)
  mutable core::Settings m_settings;            // cache of the settings record, see settings()
  mutable uint64_t m_settingsGeneration = 0;
  mutable bool m_settingsKnown = false;
  std::vector<NavRect> m_navRects;  // where each page's navigation item was drawn (for the test API)
  std::vector<NavRect> m_actionRects;  // where the shell's quick actions were drawn
  int64_t m_lastDrawMs = 0;         // when the last frame was drawn (time-driven changes since get a frame)
  std::function<void(std::function<void()>)> m_outsideFrame = [](std::function<void()> work) { work(); };
  std::function<bool()> m_workBeside;
  bool m_pageWorkPosted = true;   // the last task asked for a page's work could be posted (no channel: false)
  std::unique_ptr<ui::UnlockScreen> m_unlockScreen;
  std::unique_ptr<ui::VaultSection> m_vaultSection;
  NavRect m_hideRect;
  int64_t m_hintWakeMs = -1;  // a hover hint's delay ends then (ui::WakeAfter in the last frame drawn)
  float m_checkInHeight = 0;  // the check-in card's height in the last frame (it sits at the bottom)
  float m_contentTop = 0;     // where the page's content begins (below the phone's top bar): cards reach no higher
  std::vector<std::unique_ptr<ui::LockedPage>> m_lockedPages;
  int m_lockedShown = -1;   // index into m_lockedPages of the page open on the lock screen, or -1
  bool m_awaitingTree = false;    // started before the platform's data folder was whole (Platform::dataArrived)
  int64_t m_openingWordsFromMs = 0;   // the opening screen after an unlock draws its words from then on
  bool m_openingScreen = false;   // the store is opening, or the safety plan opened from its screen is still read
};

}  // namespace toward::app
