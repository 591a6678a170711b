// web/app.cpp: see app.h.
#include "web/app.h"

#include <imgui_internal.h>

#include <imgui.h>

#include <cstdio>

#include "core/ui/a11y.h"
#include "web/web_state.h"
#include "core/ui/settings_view.h"
#include "core/ui/details.h"
#include "core/ui/theme.h"
#include "core/ui/trash_view.h"
#include "core/ui/backup_view.h"
#include "core/ui/next_session_view.h"
#include "core/record_codec.h"
#include "core/ui/widgets.h"
#include "core/ui/vault_view.h"
#include "core/ui/way_out.h"
#include "plugins/plugin_ui_table.h"

namespace toward::app {
namespace {

constexpr float kCompactWidth = 720.0f;   // below this many CSS px: phone layout
constexpr size_t kPhoneTabs = 3;           // pages shown as tabs on a phone; the rest are under "More"

// The core's own pages, after the plugins' (their views are made in App::buildPages).
struct CorePage {
  const char* id;
  const char* title;
  const char* blurb;
};
constexpr CorePage kNextSession{"next-session", "Next session", "What you want to bring to your next session."};
constexpr CorePage kTrash{"trash", "Trash", "What you put aside, kept for a while in case you want it back."};
constexpr CorePage kBackups{"backups", "Backups", "A locked copy of everything, for safekeeping."};
constexpr CorePage kSettings{"settings", "Settings", "How Toward looks and keeps your words."};

// How long one step of the store's opening goes on: `byTime`, or in the test build a number of files when a
// test asked for it (web_state.h: openFilesPerFrame), so that the opening screen stays for a while.
bool testHoldsOpening() {
#ifdef TOWARD_TEST_HOOKS
  return web::g_state.openFilesPerFrame > 0;
#else
  return false;
#endif
}
std::function<bool()> openingBudget(std::function<bool()> byTime) {
#ifdef TOWARD_TEST_HOOKS
  if (const int files = web::g_state.openFilesPerFrame; files > 0) {
    auto left = std::make_shared<int>(files);
    return [left] { return --*left > 0; };
  }
#endif
  return byTime;
}

}  // namespace

App::App(core::Platform& platform) : m_platform(platform) {}
App::~App() = default;

void App::start() {
  // Record types of the core and of every plugin: the one list, shared with the CLI.
  plugins::registerAll(m_registry);

  m_store = std::make_unique<core::RecordStore>(m_platform.dataRoot(), m_registry, [this] { return m_platform.nowMs(); });
  // With a vault, nothing is read until the passphrase is typed (the store stays locked and empty).
  m_vault = std::make_unique<core::vault::Vault>(*m_store);
  // With many records the browser starts this before IndexedDB's whole read is in the tree: only the settings
  // are there (and no vault: web/glue/storage.js waits for everything then). The opening waits for the rest
  // at the end of what is there (RecordStore::Tree::Arriving) until the platform says it arrived (tick).
  m_awaitingTree = !m_platform.dataArrived();
  if (m_vault->open() == core::vault::VaultStatus::Off) {
    // The settings first (the first frame's look), then as much as fits kOpenInStartMs; a larger store goes
    // on a few milliseconds a frame behind the opening screen (stepOpening).
    web::markStart("storeOpened");
    m_store->beginLoad(m_awaitingTree ? core::RecordStore::Tree::Arriving : core::RecordStore::Tree::Whole);
    m_openingScreen = !readOpeningStart();
    if (!m_openingScreen) {
      web::markStart("storeLoaded");
      m_store->purgeExpired();
    }
  }
  m_shell = std::make_unique<core::ShellState>(*m_store, *m_vault, [this] { return m_platform.nowMs(); });
  if (settings().passphraseOfferAnswered) m_shell->answerOffer();
  // Only the writer reads stepwise after an unlock (stepOpening waits while another tab writes).
  m_unlockScreen = std::make_unique<ui::UnlockScreen>(*m_vault, [this] { return m_shell->writer(); });
  // "Lock now" is pressed inside the settings view's frame: the lock (which rebuilds the views) waits
  // for the end of the frame.
  m_vaultSection = std::make_unique<ui::VaultSection>(*m_vault, [this] { m_shell->requestLock(); });
  m_durability.observe(m_store->generation(), m_platform.nowMs());
  // The tracker hears of every change at once, so "saved" is never claimed for a change it has not seen
  // (a background tab may draw no frame for a long time).
  m_store->addListener([this](const core::RecordChange&) {
    m_durability.observe(m_store->generation(), m_platform.nowMs());
    m_shell->markChanged();
  });

  // Words typed into a field just as it went away (its page changed between two frames) still reach
  // their record through the view that owns the field.
  // When the store refuses them, they wait in m_held (tried again every few seconds, "Saved" withheld).
  m_platform.textInput().setOrphanHandler([this](const std::string& key, const std::string& text) {
    if (recoverText(key, text, false) == ui::Recovery::NotNow) {
      m_held.hold(key, text, core::HeldWords::Origin::Typed, m_platform.nowMs());
      m_shell->markChanged();
    }
  });

  m_models = plugins::makeModels(*m_store, m_registry);
  if (m_store->opening()) {
    m_store->tellListenersWhenOpen();   // the models hear Reloaded when the last file is read
  } else {
    m_store->dropReadAtLoad();   // the models took the bodies the load read for them
  }
  web::markStart("modelsMade");
  buildPages();
  for (const auto* ui : plugins::uiTable()) {
    if (ui->makeLockedPage) m_lockedPages.push_back(ui->makeLockedPage(*m_store, m_platform));
  }
  refreshLockedPages();
}

void App::buildPages() {
  m_pages.clear();
  for (const auto* spec : plugins::table()) {
    for (const auto* ui : plugins::uiTable()) {
      if (ui->pluginId != spec->info.id || !ui->makePage) continue;
      const ui::PageDeps deps{*m_store, m_registry, m_platform, model(spec->info.id)};
      m_pages.push_back({spec->info.id, spec->info.title, spec->info.blurb, ui->makePage(deps)});
    }
  }
  auto add = [this](const CorePage& p, std::unique_ptr<ui::View> view) {
    m_pages.push_back({p.id, p.title, p.blurb, std::move(view)});
  };
  add(kNextSession, std::make_unique<ui::NextSessionView>(m_registry, *m_store));
  add(kTrash, std::make_unique<ui::TrashView>(*m_store, m_registry));
  add(kBackups, std::make_unique<ui::BackupView>(*m_store, m_registry));
  auto settingsView = std::make_unique<ui::SettingsView>(*m_store);
  settingsView->setVaultSection(m_vaultSection.get());
  add(kSettings, std::move(settingsView));
  std::vector<std::string> ids;
  for (const auto& p : m_pages) ids.push_back(p.id);
  m_shell->setPages(std::move(ids));
}

ui::View* App::page(const std::string& id) {
  for (auto& p : m_pages) {
    if (p.id == id) return p.view.get();
  }
  return nullptr;
}

core::PluginModel* App::model(const std::string& pluginId) {
  for (auto& m : m_models) {
    if (m.pluginId == pluginId) return m.model.get();
  }
  return nullptr;
}

// ---------------------------------------------------------------- [SECTION] the vault
void App::lockNow() {
  if (m_vault->status() != core::vault::VaultStatus::Unlocked) return;
  // Typed words are saved (sealed) first, then everything in memory is dropped: the models hear a
  // Reloaded change with an empty store, the pages (drafts, photo textures) are built anew, the text
  // fields are emptied and removed, and the settings cache is forgotten.
  for (auto& p : m_pages) p.view->commitPendingEdits();
  // Words the store refused (past what one sealed record can hold) would go with their views: they wait
  // in m_held instead, in memory only, and are tried again after the unlock, where the person can copy them.
  const int64_t now = m_platform.nowMs();
  for (const auto& p : m_pages) {
    for (auto& w : p.view->unstoredWords()) m_held.hold(w.key, std::move(w.text), core::HeldWords::Origin::Typed, now);
  }
  m_vaultSection->closeForms();
  m_vault->lock();
  m_openingScreen = false;   // an unlock's opening part way ends here; the next unlock starts again
  refreshLockedPages();
  buildPages();
  m_platform.textInput().clearAll();
  m_settings = core::Settings{};
  m_settingsKnown = false;
  m_shell->lockedNow();
  m_durability.requestFlush();
  ui::a11y::announce("Toward is locked.");
}

void App::afterUnlock() {
  m_lockedShown = -1;
  m_shell->unlocked();
  m_platform.textInput().clearAll();
  // A stepwise unlock (the writer tab) read nothing yet: the records are read as at start, at once when
  // that is quick, else a few milliseconds a frame behind the opening screen and its progress.
  m_settingsKnown = false;   // the settings cached while locked were the defaults
  m_held.retrySoon(m_platform.nowMs());   // words held at the lock are tried at once (after the opening)
  if (m_store->opening()) {
    // This is the unlock screen's frame: with tasks beside the frames, it reads only a moment (a small store
    // is open at once), and the rest goes to the tasks behind an opening screen that stays plain for its
    // first kOpeningFrameMs, so a store read in a few tasks shows no words that would only flash.
    // That frame has done much already (the key, the store's folders listed, the passphrase field taken
    // away): it reads nothing of a store larger than a moment could finish (the first part of a large
    // folder alone, listed and read, took 20-30 ms of it at 10,000 records); the tasks read it, the first
    // asked for by the next frame (stepOpening).
    const bool beside = tasksBeside();
    const bool large = m_store->openingProgress().second > kUnlockFrameFilesAtMost;
    m_openingScreen = beside ? large || !readOpeningStart(kOpenInFrameMs, kOpenInFrameMs) : !readOpeningStart();
    if (!m_openingScreen) opened();
    m_openingWordsFromMs = beside && m_openingScreen ? m_platform.nowMs() + kOpeningFrameMs : 0;
  }
#ifdef TOWARD_TEST_HOOKS
  web::g_state.unlockOpenedInFrame = !m_store->opening();
  web::g_state.unlockFrameFilesRead = m_store->opening() ? long(m_store->openingProgress().first) : -1;
#endif
  ui::a11y::announce(m_openingScreen ? "Toward is opening." : "Toward is open again.");
}

std::string App::unlock(const std::string& passphrase) {
  if (!locked()) return "";
  m_shell->markChanged();
  if (m_unlockScreen->tryUnlock(passphrase, m_platform.nowMs())) {
    afterUnlock();
    return "";
  }
  return m_unlockScreen->message();
}

bool App::unlockOpening() const { return m_unlockScreen && m_unlockScreen->opening(); }

void App::submitUnlock() {
  if (locked()) m_unlockScreen->requestOpen(m_platform.nowMs());
  m_shell->markChanged();
}

void App::quickHide() {
  m_lockedShown = -1;   // a plan open on the lock screen is hidden too
  // An unlock under way (its key work beside the page) is let go: hidden means it stays shut.
  if (locked()) m_unlockScreen->forget();
  switch (m_shell->quickHide()) {
    case core::ShellState::Hide::Lock:
      lockNow();
      break;
    case core::ShellState::Hide::Cover:
      for (auto& p : m_pages) p.view->commitPendingEdits();
      refreshLockedPages();
      m_platform.textInput().clearAll();
      break;
    case core::ShellState::Hide::Nothing:
      break;
  }
  m_durability.requestFlush();
}

void App::pageHidden() {
  if (m_shell->writer()) flushNow();
  if (m_shell->lockOnPageHidden()) lockNow();
}

void App::refreshLockedPages(bool keepShown) {
  for (auto& p : m_lockedPages) p->refresh();
  if (!keepShown) m_lockedShown = -1;
}

void App::drawLockedOffers() {
  // Under the unlock screen or the cover: what the person chose to keep readable (the safety plan).
  for (size_t i = 0; i < m_lockedPages.size(); ++i) {
    const std::string offer = m_lockedPages[i]->offer();
    if (offer.empty()) continue;
    ImGui::PushID(int(i));
    if (ui::QuietButton(offer.c_str())) m_lockedShown = int(i);
    noteActionRect("locked:" + std::to_string(i), offer);
    ImGui::PopID();
  }
}

bool App::drawOpenLockedPage(ui::ViewContext& ctx) {
  if (m_lockedShown < 0 || size_t(m_lockedShown) >= m_lockedPages.size()) return false;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, style.WindowPadding.y));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.WindowPadding);
  ImGui::BeginChild("locked-page", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoBackground);
  if (ui::QuietButton("< Back")) m_lockedShown = -1;
  noteActionRect("locked-back", "Back");
  if (m_lockedShown >= 0) m_lockedPages[size_t(m_lockedShown)]->draw(ctx);
  ui::TouchScroll();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  return true;
}

void App::drawLockedOrCovered(const ui::ViewContext& ctxIn) {
  ui::ViewContext ctx = ctxIn;
  if (drawOpenLockedPage(ctx)) return;
  if (m_shell->covered()) {
    // A neutral page: nothing of the person's words, no name of the app.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(display.x - ImGui::GetFontSize() * 2.0f, ImGui::GetFontSize() * 24.0f);
    ImGui::SetCursorPos(ImVec2((display.x - w) * 0.5f, display.y * 0.3f));
    ImGui::BeginChild("cover", ImVec2(w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    // A group (named as the neutral page is), so that when "Continue" takes it away the keyboard and a
    // screen reader go back to the control the person was on before hiding (web/glue/a11y.js refocus).
    ui::a11y::beginGroup(ui::a11y::Role::Group, "Notes");
    ui::Heading(m_fonts, "Notes");
    ui::MutedText("Nothing here yet.");
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    if (ui::QuietButton("Continue")) m_shell->uncover();
    noteActionRect("cover:continue", "Continue");
    ui::Gap(1.0f);
    drawLockedOffers();
    ui::a11y::endGroup();
    ImGui::EndChild();
    return;
  }
  bool ownWayOut = false;
  for (const auto& page : m_lockedPages) ownWayOut = ownWayOut || !page->offer().empty();
  if (m_unlockScreen->draw(ctx, ownWayOut)) {
    afterUnlock();
    return;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float w = std::min(display.x - ImGui::GetFontSize() * 2.0f, ImGui::GetFontSize() * 24.0f);
  ImGui::SetCursorPos(ImVec2((display.x - w) * 0.5f, display.y - ImGui::GetFrameHeightWithSpacing() * 2.5f));
  ImGui::BeginChild("locked-offers", ImVec2(w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
  drawLockedOffers();
  ImGui::EndChild();
}

bool App::readOpeningStart(int64_t firstMs, int64_t atOnceMs) {
  const int64_t t0 = m_platform.nowMs(), until = t0 + firstMs;
  bool open = m_store->loadStep(openingBudget([&] { return m_platform.nowMs() < until; }));
  // What is left is read now too when it will take at most kOpenAtOnceMs more: an opening screen shown
  // for a frame or two would only flash.
  if (const auto [done, total] = m_store->openingProgress(); !open && done > 0 && !testHoldsOpening()) {
    const double left = double(m_platform.nowMs() - t0) * double(total - done) / double(done);
    if (left <= double(atOnceMs)) open = m_store->loadStep(nullptr);
  }
  return open;
}

bool App::keepsNothing() const {
  return !m_store->opening() && !locked() && m_vault->status() == core::vault::VaultStatus::Off && m_store->count() == 0 &&
         m_store->trash().empty() && m_held.empty();
}

void App::finishOpeningNow() {
  if (!m_store->opening()) return;
  if (m_store->loadStep(nullptr)) opened();   // (not while the tree is still arriving)
}

void App::treeArrived() {
  m_awaitingTree = false;
  if (!m_store->opening()) return;   // read whole meanwhile (another tab wrote and this one took over)
  m_store->treeArrived();
  // What is kept readable (the safety plan) was not in the tree at the first frame: the opening screen
  // offers it from now on, while the rest is read.
  refreshLockedPages(/*keepShown=*/true);
  // The opening screen is up already: the rest is read in short tasks beside the frames (stepOpening asks
  // for them), or where there are none, as at a start with everything there: at once when the rest is
  // quick, else step by step.
  if (m_shell->writer() && !tasksBeside() && readOpeningStart()) opened();
  m_shell->markChanged();
}

void App::stepOpening(int64_t nowMs) {
  if (m_awaitingTree) {
    if (!m_platform.dataArrived()) return;   // the whole read is still being written into the tree
    treeArrived();
  }
  // Not before the opening screen's first frame: that frame is the point of opening step by step.
  if (!m_store->opening() || m_lastDrawMs == 0) return;
  // A tab that handed its writing over waits: taking it back reads IndexedDB into the tree again, a callback
  // at a time, and then reads the store whole (reloadStore); a part read meanwhile could miss files.
  if (!m_shell->writer()) return;
  // Read in short tasks of its own, one after another between the frames (stepOpeningTask): a click on the
  // opening screen waits for one task, not for a long step. A test that holds the opening reads by frames.
  if (tasksBeside() && m_workBeside()) {
    if (nowMs - m_lastDrawMs >= kOpeningFrameMs) m_shell->markChanged();   // the progress moves
    return;
  }
  const int64_t t0 = m_platform.nowMs();
  if (m_store->loadStep(openingBudget([&] { return m_platform.nowMs() - t0 < kOpenStepMs; }))) {
    opened();
  } else if (nowMs - m_lastDrawMs >= kOpeningFrameMs) {
    m_shell->markChanged();   // the progress moves
  }
}

bool App::tasksBeside() const { return m_workBeside && !testHoldsOpening(); }

bool App::stepWorkTask() {
  if (m_store->opening()) return stepOpeningTask();
  if (locked()) return false;
  ui::View& page = *m_pages[m_shell->current()].view;
  return page.wantsWorkBeside() && page.workBeside();
}

bool App::stepOpeningTask() {
  // What stepOpening waits for, looked at again: the state may have changed since the task was asked for
  // (the tree still arriving, a lock, another tab writing now).
  if (!m_store->opening() || m_awaitingTree || m_lastDrawMs == 0 || !m_shell->writer() || locked() || testHoldsOpening()) {
    return false;
  }
  const int64_t t0 = m_platform.nowMs();
  if (!m_store->loadStep([&] { return m_platform.nowMs() - t0 < kOpenTaskMs; })) return true;
  opened();
  return false;
}

void App::opened() {
  // The models have heard Reloaded and taken what the load read; what a whole load at start is followed by.
  web::markStart("storeLoaded");
  m_store->purgeExpired();
  refreshLockedPages(/*keepShown=*/true);   // the safety plan opened from the opening screen stays until "Back"
  m_settingsKnown = false;   // read again from the whole store (settings()'s cache follows writes only)
  m_held.retrySoon(m_platform.nowMs());
  m_shell->markChanged();
}

void App::drawOpening(ui::ViewContext& ctx) {
  if (drawOpenLockedPage(ctx)) return;   // the safety plan stays until "Back", even once everything is open
  if (ctx.nowMs < m_openingWordsFromMs) return;   // just after an unlock: plain while the first tasks read
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float w = std::min(display.x - ImGui::GetFontSize() * 2.0f, ImGui::GetFontSize() * 26.0f);
  ImGui::SetCursorPos(ImVec2((display.x - w) * 0.5f, display.y * 0.22f));
  ImGui::BeginChild("opening", ImVec2(w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
  ui::Heading(m_fonts, "Opening your space");
  ui::MutedText("Everything you have written here is being read. With a lot kept, this takes a moment.");
  ui::Gap(0.5f);
  const auto [done, total] = m_store->openingProgress();
  // While the whole read is still arriving, how much there is is not known yet: the bar waits at its start.
  const float fraction = m_awaitingTree ? 0.0f : total == 0 ? 1.0f : float(done) / float(total);
  ImGui::ProgressBar(fraction, ImVec2(-1, ImGui::GetFontSize() * 0.5f), "");
  ui::a11y::progress("Opening your space", fraction);
  ui::Gap(1.0f);
  ui::MutedText("While you wait, if you need it:");
  ui::NoScreenIdeas();
  ui::Gap(1.0f);
  drawLockedOffers();
  ImGui::EndChild();
}

void App::pumpDurability(int64_t nowMs) {
  m_durability.observe(m_store->generation(), nowMs);
  auto generation = m_durability.startIfDue(nowMs);
  if (!generation) return;
  m_syncRunning = true;
  m_shell->markChanged();
  m_platform.startSync([this](bool ok, const std::string& message) {
    m_syncRunning = false;
    m_durability.finished(ok, message, m_platform.nowMs());
    m_shell->markChanged();
    // A flush asked for during this sync starts the next one now, not at the next frame.
    if (!m_durability.saved()) pumpDurability(m_platform.nowMs());
  });
}

bool App::tick(int64_t nowMs) {
  stepOpening(nowMs);
  // A running timer or grounding session counts as activity: auto-lock never ends it.
  bool care = false;
  for (const auto& p : m_pages) care = care || p.view->careInProgress();
  m_shell->setCareInProgress(care, nowMs);
  if (const int64_t due = m_shell->autoLockDueMs(); due >= 0 && nowMs >= due) lockNow();
  pumpDurability(nowMs);
  if (m_store->opening()) return m_shell->takeChanged();   // what follows needs every record read
  postPageWork();
  if (!locked() && m_shell->writer() && m_held.retryIfDue(nowMs, [this](const core::HeldWords::Held& w) {
        // Words longer than a record may be can never be stored: not serialized again only to be refused.
        if (w.text.size() > core::kMaxRecordBytes) return false;
        return recoverText(w.key, w.text, false) != ui::Recovery::NotNow;
      })) {
    m_shell->markChanged();
  }
  // Once there is something to lose and it is safely stored, ask the browser to keep it: where that is the
  // browser's own silent decision. Where the browser would put a question to the person (Firefox), it came
  // up over the first words being written; there the Settings' "Ask the browser to keep my data" asks
  // (and the gentle backup reminder is on, defaultBackupReminder).
  if (!m_askedPersistence && m_shell->writer() && m_store->count() > 0 && m_durability.saved()) {
    m_askedPersistence = true;
    const core::StorageHealth health = m_platform.storageHealth();
    if (!health.persisted && !health.askPrompts) m_platform.requestPersistentStorage();
  }
  if (m_askedPersistence && !m_reminderDefaulted) defaultBackupReminder();
  bool redraw = m_shell->takeChanged();
  const int64_t wake = nextWakeMs();
  if (wake >= 0 && wake <= nowMs) redraw = true;
  return redraw;
}

int64_t App::nextWakeMs() const {
  int64_t wake = -1;
  auto earliest = [&](int64_t t) { if (t >= 0 && (wake < 0 || t < wake)) wake = t; };
  if (locked()) {
    // the unlock screen's pause after a wrong passphrase counts down in whole seconds
    // (the shown number changes whenever the time left crosses a whole second, the last time at 0: the
    // next such moment after the last frame drawn, so one that has just passed still gets its frame)
    const int64_t retry = m_vault->retryAtMs();
    if (retry > m_lastDrawMs) earliest(retry - ((retry - m_lastDrawMs - 1) / 1000) * 1000);
    return wake;
  }
  // Only the page on screen: a hidden page draws nothing, and catches up when it is shown again (the
  // stay-with-it timer counts by the clock; a hidden page's edits were saved when it was left).
  earliest(m_pages[m_shell->current()].view->nextWakeMs());
  if (m_vault->migrationRunning()) earliest(m_platform.nowMs());
  earliest(m_hintWakeMs);
  earliest(m_shell->autoLockDueMs());
  // Held words are tried only by the writer with every record read (tick): a tab that waits for either
  // would otherwise be woken every frame by a retry that is due but cannot run.
  if (m_shell->writer() && !m_store->opening()) earliest(m_held.nextRetryMs());
  return wake;
}

void App::flushNow() {
  for (auto& p : m_pages) p.view->commitPendingEdits();
  m_durability.requestFlush();
  pumpDurability(m_platform.nowMs());
}

void App::setWriter(bool writer) {
  if (!writer) for (auto& p : m_pages) p.view->commitPendingEdits();
  if (writer && !m_shell->writer()) m_held.retrySoon(m_platform.nowMs());   // before anything is typed over them
  m_shell->setWriter(writer);
}

void App::reloadStore() {
  // Another tab wrote, and may have turned the vault on or off: read it again, locked unless it is off.
  if (m_vault->status() == core::vault::VaultStatus::Unlocked) lockNow();
  const bool wasOpening = m_store->opening();
  if (m_vault->open() == core::vault::VaultStatus::Off) {
    m_store->load();
    if (wasOpening) opened();   // an opening part way is finished by this whole read
  }
  refreshLockedPages();
  m_shell->markChanged();
}

bool App::wantsDark() const {
  const auto& s = settings();
  if (s.theme == "dark") return true;
  if (s.theme == "light") return false;
  return m_platform.prefersDarkTheme();
}

float App::textPx() const { return 16.0f * float(settings().textPercent) / 100.0f; }

const core::Settings& App::settings() const {
  // Parsed again only when a record changed, not several times in every frame.
  if (m_settingsGeneration != m_store->generation() || !m_settingsKnown) {
    m_settings = core::loadSettings(*m_store);
    m_settingsGeneration = m_store->generation();
    m_settingsKnown = true;
  }
  return m_settings;
}

void App::select(size_t index) {
  m_outsideFrame([this, index] {
    const size_t leaving = m_shell->current();
    if (m_shell->select(index)) {
      m_pages[leaving].view->onHide();
      ui::a11y::announce(m_pages[index].title);
    }
  });
}

void App::selectId(const std::string& id) {
  if (const int index = m_shell->indexOf(id); index >= 0) select(size_t(index));
}

void App::openWayOut() {
  m_quietUntilMs = m_platform.nowMs() + kQuietAfterCareMs;
  m_shell->openWayOut();
}

void App::runAction(const std::string& pluginId, const std::string& actionId) {
  m_quietUntilMs = m_platform.nowMs() + kQuietAfterCareMs;
  selectId(pluginId);
  m_outsideFrame([this, pluginId, actionId] {
    if (ui::View* view = page(pluginId)) view->runAction(actionId);
  });
}

void App::takeWayThrough(const ui::CareChoice& choice) {
  runAction(choice.pluginId, choice.actionId);
  // Leaving the hard entry it was taken from asks "How is it now?" (after the frame, as the page changes), and
  // that card covered the people to call and the crisis lines: the way through answers it, and that moment
  // does not ask again.
  m_outsideFrame([this] { m_shell->dismissCheckIn(); });
}

void App::showRecord(const std::string& type, const std::string& id) {
  m_outsideFrame([this, type, id] {
    for (size_t i = 0; i < m_pages.size(); ++i) {
      if (m_pages[i].view->openRecord(type, id)) {
        select(i);
        return;
      }
    }
  });
}

bool App::allSaved() const {
  if (!m_durability.saved()) return false;
  if (m_platform.textInput().hasPendingWords()) return false;
  if (m_held.holdsTyped()) return false;
  for (const auto& p : m_pages) {
    if (p.view->hasUnsavedEdits()) return false;
  }
  return true;
}

std::string App::unsavedPages() const {
  std::string out = m_held.holdsTyped() ? "held" : "";
  for (const auto& p : m_pages) {
    if (p.view->hasUnsavedEdits()) out += (out.empty() ? "" : ",") + p.id;
  }
  return out;
}

ui::Recovery App::recoverText(const std::string& key, const std::string& text, bool afterCrash) {
  if (locked()) return ui::Recovery::NotNow;
  for (auto& p : m_pages) {
    const ui::Recovery r = p.view->recoverText(key, text, afterCrash);
    if (r == ui::Recovery::NotMine) continue;
    if (r == ui::Recovery::Stored) {
      m_durability.requestFlush();
      m_shell->markChanged();
      m_held.release(key);   // older words for this field, held after a refusal, are replaced by these
    }
    // NotNow: the field is this page's, but the store refused the words. A crash copy stays kept in the
    // browser for the next start; meanwhile the shell shows that it waits and offers to copy it.
    if (r == ui::Recovery::NotNow && afterCrash) {
      m_held.hold(key, text, core::HeldWords::Origin::Crash, m_platform.nowMs());
      m_shell->markChanged();
    }
    return r;
  }
  return ui::Recovery::NotMine;
}

void App::stepVaultMigration() {
  // Turning the vault on or off rewrites every file: one at a time, about kVaultStepMs a frame, whatever
  // page is shown (the settings page draws the progress). A lock or reload part way is finished by unlock.
  if (!m_vault->migrationRunning()) return;
  const int64_t t0 = m_platform.nowMs();
  while (m_vault->migrationRunning() && m_platform.nowMs() - t0 < kVaultStepMs) {
    if (!m_vault->stepMigration(1)) break;  // stopped: the settings page offers to finish it
  }
  m_shell->markChanged();
  m_platform.wake();
}

void App::draw(int64_t nowMs) {
  m_lastDrawMs = nowMs;
  m_hintWakeMs = -1;       // asked again below by a hint still waiting for its delay (ui::WakeAfter)
  ui::TakeWakeAfter();
  m_actionRects.clear();  // what this frame draws (the test API reads the last frame's)
  m_navRects.clear();     // the same: a row of the phone's "More" menu is there only while the menu is open
  stepVaultMigration();
  const ImGuiIO& io = ImGui::GetIO();
  const bool compact = io.DisplaySize.x < kCompactWidth;
  const auto& current = settings();
  ui::ViewContext ctx{m_platform, m_fonts, nowMs, compact,
                      current.reducedMotion == "on" || (current.reducedMotion == "system" && m_platform.prefersReducedMotion()),
                      allSaved(), [this] { m_durability.requestFlush(); }, [this] { openWayOut(); },
                      [this](const std::string& moment) { m_shell->offerCheckIn(moment, settings().checkIns); },
                      [this](const std::string& actionId) { return runQuickAction(actionId); },
                      [this](const std::string& id, const std::string& label) { noteActionRect(id, label); },
                      [this](const std::string& type, const std::string& id) { showRecord(type, id); }};
  ctx.tasksBeside = m_workBeside && m_pageWorkPosted;   // where none can be posted, the page works in its frames
  if (!locked()) m_vaultSection->stepPending(ctx);   // a passphrase change whose keys were being made

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags shellFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("Toward", nullptr, shellFlags);
  ImGui::PopStyleVar();
  if (locked() || m_shell->covered()) {
    drawLockedOrCovered(ctx);
    ImGui::End();
    m_platform.textInput().endFrame();
    return;
  }
  if (m_openingScreen && !m_store->opening() && m_lockedShown < 0) {
    m_openingScreen = false;
    ui::a11y::announce("Your space is open.");   // the opening screen said what was happening; now it is done
  }
  if (m_openingScreen) {
    drawOpening(ctx);
    ImGui::End();
    m_platform.textInput().endFrame();
    return;
  }

  const ImGuiStyle& style = ImGui::GetStyle();
  if (compact) {
    // top bar, content, bottom tabs; the top bar flows onto more rows where its buttons do not fit on one
    // (large text on a narrow phone): Hide, the quick exit, is never pushed off the screen.
    const float barRight = io.DisplaySize.x - style.WindowPadding.x;
    const int barRows = topBarRows(barRight);
    const float barH = ImGui::GetFrameHeight() * float(barRows) + style.ItemSpacing.y * float(barRows - 1) +
                       style.WindowPadding.y;
    const float tabsH = ui::RowHeight(true) + style.WindowPadding.y;
    ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, style.WindowPadding.y * 0.6f));
    // The title only when the quick actions, Hide and the status leave room for it (390 px do not).
    ImGui::PushFont(m_fonts.heading);
    const float titleW = ImGui::CalcTextSize("Toward").x + style.ItemSpacing.x;
    ImGui::PopFont();
    if (topBarWidth() + titleW <= io.DisplaySize.x) {
      ImGui::PushFont(m_fonts.heading);
      ImGui::TextUnformatted("Toward");
      ui::a11y::heading("Toward", 1);
      ImGui::PopFont();
      ImGui::SameLine();
    }
    drawQuickActions(false, ui::PhonePlace::TopBar, ImVec2(0, 0), barRight);
    wrapTopBar(topBarButtonWidth("Hide"), barRight);
    drawHideButton(ImVec2(0, 0));
    ImGui::SameLine();
    wrapTopBar(kStatusDotEm * ImGui::GetFontSize(), barRight);
    const float statusW = ImGui::CalcTextSize("Open in another tab").x + ImGui::GetFontSize();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), io.DisplaySize.x - statusW - style.WindowPadding.x));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetFontSize() * 0.35f));
    drawStatus();
    m_contentTop = barH + style.WindowPadding.y * 0.6f;
    ImGui::SetCursorPos(ImVec2(0, m_contentTop));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x * 0.7f, style.WindowPadding.y * 0.5f));
    ImGui::BeginChild("content", ImVec2(0, -std::max(tabsH, cardRoom(true))), ImGuiChildFlags_AlwaysUseWindowPadding);
    drawBanners();
    currentView().draw(ctx);
    ui::TouchScroll();   // a page drawn straight into it (a grounding step) scrolls under a finger too
    ImGui::EndChild();
    ImGui::PopStyleVar();
    drawNavigation(true);
    drawVaultOffer(true);
    drawCheckIn(true);
    drawWayOut(true);
  } else {
    const float navW = std::max(ImGui::GetFontSize() * 12.0f, 180.0f);
    m_contentTop = style.WindowPadding.y;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette().surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.WindowPadding);
    ImGui::BeginChild("navigation", ImVec2(navW, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    drawNavigation(false);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x * 1.5f, style.WindowPadding.y * 1.2f));
    ImGui::BeginChild("content", ImVec2(0, -cardRoom(false)), ImGuiChildFlags_AlwaysUseWindowPadding);
    drawBanners();
    currentView().draw(ctx);
    ui::TouchScroll();   // a page drawn straight into it (a grounding step) scrolls under a finger too
    ImGui::EndChild();
    ImGui::PopStyleVar();
    drawVaultOffer(false);
    drawCheckIn(false);
    drawWayOut(false);
  }
  ImGui::End();
  m_platform.textInput().endFrame();
  const float hintAfter = ui::TakeWakeAfter();
  m_hintWakeMs = hintAfter < 0.0f ? -1 : nowMs + int64_t(hintAfter * 1000.0f);
  if (m_shell->takeLockRequest()) lockNow();
  postPageWork();   // work this frame began (a search's walk) goes on before the next frame, not after it
}

void App::postPageWork() {
  // The page on screen's work beside the frames, asked for again while it wants more (one task waits at most).
  if (m_workBeside && !locked() && !m_store->opening() && m_pages[m_shell->current()].view->wantsWorkBeside()) {
    m_pageWorkPosted = m_workBeside();
  }
}

// A phone's tab: its title on one line, or on two when one is wider than the tab ("Texture box" at a large
// text size on a narrow phone was cut to "Texture b"); a screen reader hears the whole title either way.
bool App::phoneTab(const std::string& title, bool chosen, const ImVec2& size) {
  const float room = size.x - ImGui::GetStyle().FramePadding.x;
  const size_t space = title.find(' ');
  if (ImGui::CalcTextSize(title.c_str()).x <= room || space == std::string::npos) {
    return ImGui::Selectable(title.c_str(), chosen, 0, size);
  }
  const bool pressed = ImGui::Selectable(("##" + title).c_str(), chosen, 0, size);
  ui::a11y::name(title.c_str());
  const std::string lines[2] = {title.substr(0, space), title.substr(space + 1)};
  const ImVec2 min = ImGui::GetItemRectMin();
  const float lineH = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(min, ImGui::GetItemRectMax(), true);
  for (int l = 0; l < 2; ++l) {
    const float x = min.x + (size.x - ImGui::CalcTextSize(lines[l].c_str()).x) * 0.5f;
    const float y = min.y + size.y * 0.5f - lineH + float(l) * lineH;
    draw->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), lines[l].c_str());
  }
  draw->PopClipRect();
  return pressed;
}

void App::drawNavigation(bool compact) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const size_t current = m_shell->current();
  if (compact) {
    const float tabsH = ui::RowHeight(true);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetCursorPos(ImVec2(0, display.y - tabsH - style.WindowPadding.y * 0.5f));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(origin.x, origin.y - style.WindowPadding.y * 0.5f), ImVec2(origin.x + display.x, display.y),
                        ImGui::GetColorU32(ui::palette().surface));
    draw->AddLine(ImVec2(origin.x, origin.y - style.WindowPadding.y * 0.5f),
                  ImVec2(origin.x + display.x, origin.y - style.WindowPadding.y * 0.5f), ImGui::GetColorU32(ui::palette().border));
    // Phone: the first pages as tabs, the rest behind "More" (eight labels do not fit a phone's width).
    const size_t tabs = std::min<size_t>(m_pages.size(), kPhoneTabs);
    const bool more = m_pages.size() > tabs;
    const float w = display.x / float(tabs + (more ? 1 : 0));
    const float y = display.y - tabsH - style.WindowPadding.y * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    ui::a11y::beginTabList("Pages");
    for (size_t i = 0; i < tabs; ++i) {
      ImGui::SetCursorPos(ImVec2(w * float(i), y));
      ImGui::PushID(int(i));
      if (phoneTab(m_pages[i].title, i == current, ImVec2(w, tabsH))) select(i);
      ui::a11y::tab(i == current);
      noteNavRect(i);
      ImGui::PopID();
    }
    if (!more) ui::a11y::endTabList();
    if (more) {
      ImGui::SetCursorPos(ImVec2(w * float(tabs), y));
      if (ImGui::Selectable("More", current >= tabs, 0, ImVec2(w, tabsH))) ImGui::OpenPopup("more-pages");
      ui::a11y::tab(current >= tabs);
      ui::a11y::expanded(ImGui::IsPopupOpen("more-pages"));
      ui::a11y::endTabList();
      noteActionRect("more", "More");
      const ImVec2 moreMin = ImGui::GetItemRectMin();
      ImGui::SetNextWindowPos(ImVec2(display.x - style.WindowPadding.x * 0.5f, moreMin.y - 4), ImGuiCond_Always, ImVec2(1, 1));
      if (ImGui::BeginPopup("more-pages")) {
        // For the keys and a screen reader, a dialog: the page behind is inert, the focus goes in, and
        // Escape closes it, the focus back on "More".
        ui::a11y::beginDialog("More pages");
        const ImVec2 row(ImGui::GetFontSize() * 9, tabsH * 0.8f);
        for (size_t i = tabs; i < m_pages.size(); ++i) {
          ImGui::PushID(int(i));
          if (ImGui::Selectable(m_pages[i].title.c_str(), i == current, 0, row)) {
            select(i);
            ImGui::CloseCurrentPopup();
          }
          ui::a11y::selected(i == current);
          noteNavRect(i);
          ImGui::PopID();
        }
        // The quick actions that do not fit the top bar ("Write to my therapist": held, not sent).
        ImGui::Separator();
        drawQuickActions(false, ui::PhonePlace::MoreMenu, row);
        ui::a11y::endDialog();
        ImGui::EndPopup();
      }
    }
    ImGui::PopStyleVar();
    return;
  }
  // The way out stays on screen at any text size: the quick actions, Hide and the status are kept at the
  // bottom, and the pages above them scroll when they do not all fit (large text on a laptop).
  size_t buttons = 1;   // Hide
  for (const auto* spec : plugins::uiTable()) {
    for (const auto& action : spec->actions) buttons += action.desktop ? 1 : 0;
  }
  // (Hide shares its row with the status, so at 100 % every page still fits a laptop's 720 px.)
  const float bottom = ImGui::GetFontSize() * 0.6f + float(buttons) * (ImGui::GetFrameHeight() + style.ItemSpacing.y);
  ImGui::BeginChild("pages", ImVec2(0, -bottom), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
  ImGui::PushFont(m_fonts.heading);
  ImGui::TextUnformatted("Toward");
  ui::a11y::heading("Toward", 1);
  ImGui::PopFont();
  ui::MutedText("A quiet place for the slow work.");
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.6f));
  ui::a11y::beginTabList("Pages");
  // Rows a little tighter than list rows, so every page, the quick actions, Hide and the status fit a
  // laptop's height (1280x720) at 100 % text; in a shorter window (or larger text) tighter still, down to a
  // comfortable minimum, before the pages scroll (a 600 px window hid Trash, Backups and Settings).
  // (A row's highlight spans the spacing below it as well: a row of the text's own height reads well.)
  const float minRow = ImGui::GetFontSize();
  const float fit = ImGui::GetContentRegionAvail().y / float(std::max<size_t>(m_pages.size(), 1)) - style.ItemSpacing.y;
  const float rowH = std::clamp(fit, minRow, ImGui::GetFrameHeight());
  // The chosen page's tab is kept in view when the pages scroll (chosen from elsewhere, at the start, or the
  // window made shorter).
  const float shown = ImGui::GetWindowHeight();
  const bool reveal = current != m_navRevealed || shown != m_navRevealedHeight;
  m_navRevealed = current;
  m_navRevealedHeight = shown;
  for (size_t i = 0; i < m_pages.size(); ++i) {
    ImGui::PushID(int(i));
    if (ImGui::Selectable(m_pages[i].title.c_str(), i == current, 0, ImVec2(0, rowH))) select(i);
    if (reveal && i == current) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    ui::a11y::tab(i == current);
    ui::Hint(m_pages[i].blurb.c_str(), ImGuiHoveredFlags_DelayNormal);
    noteNavRect(i);
    ImGui::PopID();
  }
  ui::a11y::endTabList();
  ui::TouchScroll();
  ImGui::EndChild();
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.6f));
  drawQuickActions(true, ui::PhonePlace::TopBar, ImVec2(-1, 0));
  drawHideButton(ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, 0));
  ImGui::SameLine();   // the dot and its words on Hide's line, level with its label
  drawStatus();
}

void App::drawQuickActions(bool all, ui::PhonePlace place, ImVec2 size, float wrapAt) {
  // The plugins' quick paths for hard moments (the one table's order): one press from any page.
  for (const auto* spec : plugins::uiTable()) {
    for (const auto& action : spec->actions) {
      if (!all && action.phone != place) continue;
      if (all && !action.desktop) continue;
      const bool topBar = !all && place == ui::PhonePlace::TopBar;
      const std::string& label = topBar && !action.phoneLabel.empty() ? action.phoneLabel : action.label;
      if (topBar && wrapAt > 0) wrapTopBar(topBarButtonWidth(label), wrapAt);
      const bool pressed = place == ui::PhonePlace::MoreMenu && !all ? ImGui::Selectable(label.c_str(), false, 0, size)
                                                                     : ui::QuietButton(label.c_str(), size);
      if (pressed) {
        runAction(spec->pluginId, action.id);
        if (place == ui::PhonePlace::MoreMenu && !all) ImGui::CloseCurrentPopup();
      }
      noteActionRect(action.id, action.label);
      ui::Hint(action.hint.c_str());
      if (!all && place == ui::PhonePlace::TopBar) ImGui::SameLine();
    }
  }
}

float App::topBarButtonWidth(const std::string& label) {
  return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
}

void App::wrapTopBar(float width, float right) {
  const float left = ImGui::GetStyle().WindowPadding.x;
  if (ImGui::GetCursorPosX() > left + 1.0f && ImGui::GetCursorPosX() + width > right) {
    ImGui::NewLine();
    ImGui::SetCursorPosX(left);
  }
}

std::vector<float> App::topBarButtonWidths() {
  // The phone's top bar's buttons in the order drawn: the quick actions, then Hide.
  std::vector<float> widths;
  for (const auto* spec : plugins::uiTable()) {
    for (const auto& action : spec->actions) {
      if (action.phone == ui::PhonePlace::TopBar) widths.push_back(topBarButtonWidth(action.phoneLabel.empty() ? action.label : action.phoneLabel));
    }
  }
  widths.push_back(topBarButtonWidth("Hide"));
  return widths;
}

int App::topBarRows(float right) const {
  // The same flow as drawing does (wrapTopBar): the buttons, then the status at its smallest.
  const ImGuiStyle& style = ImGui::GetStyle();
  std::vector<float> widths = topBarButtonWidths();
  widths.push_back(kStatusDotEm * ImGui::GetFontSize());
  int rows = 1;
  float x = style.WindowPadding.x;
  for (const float w : widths) {
    if (x > style.WindowPadding.x + 1.0f && x + w > right) {
      ++rows;
      x = style.WindowPadding.x;
    }
    x += w + style.ItemSpacing.x;
  }
  return rows;
}

float App::topBarWidth() const {
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = style.WindowPadding.x * 2;
  for (const float b : topBarButtonWidths()) w += b + style.ItemSpacing.x;
  // the status: its dot and its usual word
  return w + ImGui::CalcTextSize("Saving\u2026").x + ImGui::GetFontSize();
}

void App::drawHideButton(ImVec2 size) {
  // Quick hide: always in view; Ctrl+Shift+H does the same from anywhere. Both go through the glue's
  // quickHide() (web/glue/glue.js), which also opens the chosen page: main.cpp hands the press over.
  if (ui::QuietButton("Hide", size)) m_shell->requestHide();
  ui::Hint("Hide everything at once (Ctrl+Shift+H)");
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  m_hideRect = {"hide", "Hide", min.x, min.y, max.x - min.x, max.y - min.y};
  noteActionRect("hide", "Hide");
}

void App::defaultBackupReminder() {
  // Where the browser may clear what is here, the gentle backup reminder starts on ("After a week"), once:
  // a choice the person already made (even "No reminder") is kept, and Settings can turn it off.
  // (So too where Toward does not ask by itself and no promise was given yet: Firefox, see tick.)
  const core::StorageHealth health = m_platform.storageHealth();
  if (!health.mayBeCleared && !(health.askPrompts && health.known && !health.persisted)) return;
  m_reminderDefaulted = true;
  if (m_store->find(core::kBackupStateType, core::kBackupStateId)) return;
  core::BackupState state;
  state.reminderDays = core::kReminderDaysWhereStorageMayBeCleared;
  core::saveBackupState(*m_store, state);
}

void App::answerVaultOffer() {
  // Remembered ("Not now" is not asked again after a reload): the settings record says so.
  m_shell->answerOffer();
  core::Settings s = settings();
  s.passphraseOfferAnswered = true;
  core::saveSettings(*m_store, s);
}

float App::vaultOfferHeight(bool compact, float width) const {
  const core::StorageHealth health = m_platform.storageHealth();
  const bool mayBeCleared = health.mayBeCleared || (health.known && !health.persisted);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float noteH = mayBeCleared ? ImGui::CalcTextSize(ui::kStorageMayBeClearedFirstRun, nullptr, false,
                                                         width - style.WindowPadding.x * 2).y + style.ItemSpacing.y * 2
                                   : 0.0f;
  return ImGui::GetFontSize() * (compact ? 7.2f : 6.0f) + noteH;
}

float App::cardRoom(bool compact) const {
  float w = 0, h = 0;
  if (m_shell->checkInShown() && !m_shell->wayOutOpen()) h = std::max(h, m_checkInHeight);
  if (m_shell->offerShown()) {
    ui::BottomCardPos(compact, w, 0.0f, 26.0f);   // the offer's width
    h = std::max(h, vaultOfferHeight(compact, w));
  }
  if (h <= 0.0f) return 0.0f;
  // The card's top, measured from the screen's bottom (BottomCardPos), and a gap above it.
  const ImVec2 at = ui::BottomCardPos(compact, w, h, 28.0f);
  return ImGui::GetIO().DisplaySize.y - at.y + ImGui::GetStyle().ItemSpacing.y;
}

void App::drawVaultOffer(bool compact) {
  if (!m_shell->offerShown()) return;
  // A small card at the bottom of the (still empty) page; the page ends above it (cardRoom).
  const core::StorageHealth health = m_platform.storageHealth();
  const bool mayBeCleared = health.mayBeCleared || (health.known && !health.persisted);
  float w = 0;
  ui::BottomCardPos(compact, w, 0.0f, 26.0f);   // the card's width, for the note's wrapped height
  const float h = vaultOfferHeight(compact, w);
  ImGui::SetCursorPos(ui::BottomCardPos(compact, w, h, 26.0f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette().surface);
  ImGui::BeginChild("vault-offer", ImVec2(w, h), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar);
  if (mayBeCleared) {
    ui::MutedText(ui::kStorageMayBeClearedFirstRun);
    noteActionRect("note:storage-may-be-cleared", ui::kStorageMayBeClearedFirstRun);
  }
  ui::MutedText("If someone else uses this device, a passphrase keeps your words unreadable to them.");
  if (ui::QuietButton("Set a passphrase")) {
    answerVaultOffer();
    m_vaultSection->openForm();
    selectId(kSettings.id);
  }
  noteActionRect("offer:set", "Set a passphrase");
  ImGui::SameLine();
  if (ui::QuietButton("Not now")) answerVaultOffer();
  noteActionRect("offer:not-now", "Not now");
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

std::vector<ui::CareChoice> App::careChoices() const {
  std::vector<ui::CareChoice> out;
  for (const auto* spec : plugins::uiTable()) {
    for (const auto& c : spec->careChoices) out.push_back({spec->pluginId, c.id, c.label});
  }
  return out;
}

bool App::runQuickAction(const std::string& actionId) {
  // A quick action, or a care choice of the way out ("call": straight to the people and lines to call).
  for (const auto* spec : plugins::uiTable()) {
    for (const auto& action : spec->actions) {
      if (action.id != actionId) continue;
      runAction(spec->pluginId, actionId);
      return true;
    }
    for (const auto& care : spec->careChoices) {
      if (care.id != actionId) continue;
      takeWayThrough({spec->pluginId, actionId, care.label});
      return true;
    }
  }
  return false;
}

void App::drawWayOut(bool compact) {
  if (!m_shell->wayOutOpen()) return;
  const auto choices = careChoices();
  const auto answer = ui::WayOutDialog(m_fonts, choices, compact, [this](const std::string& id, const std::string& label) {
    noteActionRect(id, label);
  });
  if (answer.choice >= 0 || answer.back) {
    m_shell->closeWayOut();
    currentView().wayOutClosed(answer.back);
  }
  if (answer.choice >= 0) takeWayThrough(choices[size_t(answer.choice)]);
}

void App::drawCheckIn(bool compact) {
  if (!m_shell->checkInShown() || m_shell->wayOutOpen()) return;
  const auto choices = careChoices();
  const auto answer = ui::CheckInCard(choices, compact, m_contentTop, m_checkInHeight, [this](const std::string& id, const std::string& label) {
    noteActionRect(id, label);
  });
  if (answer.choice >= 0 || answer.more || answer.ok || answer.carriedOn) m_shell->dismissCheckIn();
  if (answer.choice >= 0) takeWayThrough(choices[size_t(answer.choice)]);
  if (answer.more) openWayOut();
}

void App::noteActionRect(const std::string& id, const std::string& title) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  NavRect r{id, title, min.x, min.y, max.x - min.x, max.y - min.y};
  for (auto& a : m_actionRects) {
    if (a.id == r.id) { a = r; return; }
  }
  m_actionRects.push_back(r);
}

void App::noteNavRect(size_t index) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  m_navRects.push_back({m_pages[index].id, m_pages[index].title, min.x, min.y, max.x - min.x, max.y - min.y});
}

void App::drawStatus() {
  // Where there is no room for the words (a phone's top bar), the dot alone says it, with its words on hover.
  const ui::Palette& p = ui::palette();
  const char* text;
  ImVec4 color = p.muted;
  if (!m_shell->writer()) {
    text = "Open in another tab";
  } else if (!m_durability.error().empty()) {
    text = "Not stored yet";
    color = p.warning;
  } else if (!allSaved()) {
    text = "Saving\u2026";
  } else {
    text = "Saved";
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float r = ImGui::GetFontSize() * 0.22f;
  // (beside a button, its words sit lower by the button's padding: the dot follows them)
  const float cy = pos.y + ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset + ImGui::GetTextLineHeight() * 0.5f;
  const bool saved = allSaved();
  const ImVec4 dot = (saved && m_durability.error().empty()) ? p.accent : color;
  draw->AddCircleFilled(ImVec2(pos.x + r, cy), r, ImGui::GetColorU32(dot));
  const float textX = pos.x + r * 2 + ImGui::GetStyle().ItemInnerSpacing.x;
  if (textX + ImGui::CalcTextSize(text).x > ImGui::GetWindowPos().x + ImGui::GetWindowWidth()) {
    ImGui::Dummy(ImVec2(r * 2, ImGui::GetTextLineHeight()));
    ui::a11y::status("saving", text, text[0] != 'S' || saved);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
    return;
  }
  ImGui::SetCursorScreenPos(ImVec2(textX, pos.y));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  // "Saving..." is never said; "Saved" only after something else was ("Not stored yet", another tab).
  ui::a11y::status("saving", text, text[0] != 'S' || saved);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", saved ? "Everything you wrote is stored in this browser."
                                                 : "Your latest words are on screen and are being stored.");
  }
}

void App::drawHeldWords() {
  if (m_held.empty()) return;
  if (m_held.holdsTyped()) {
    ui::MutedText("Some words you just typed could not be saved yet: they may be longer than one entry or letter "
                  "can hold. Toward keeps them here while this tab stays open, and keeps trying. You can copy them "
                  "to keep them somewhere else as well.");
  }
  if (m_held.holdsCrash()) {
    ui::MutedText("Some words kept when Toward stopped unexpectedly could not be put back in their place: they "
                  "may be longer than one entry or letter can hold. They are still kept, and Toward tries again "
                  "each time it opens. You can copy them now.");
  }
  if (ui::QuietButton("Copy these words##held")) {
    m_platform.copyToClipboard(m_held.joined());
    ui::a11y::announce("Copied. The words are on your clipboard, and still kept here.");
    m_heldCopiedVersion = m_held.version();
  }
  // Words that can never fit would hold back "Saved" (and every flush) for as long as the tab is open: the
  // person may let them go, once they have them, after a question whose safe answer keeps them.
  bool askLetGo = false;
  if (m_held.holdsTyped()) {
    ImGui::SameLine();
    askLetGo = ui::QuietButton("Let these words go##held");
  }
  if (m_heldCopiedVersion == m_held.version()) {   // words held since then are not on the clipboard
    ui::MutedText("Copied. They are still kept here too.");
  }
  if (askLetGo) ImGui::OpenPopup("let-held-go");
  if (ImGui::BeginPopupModal("let-held-go", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ui::a11y::beginDialog("Let these words go?");
    ImGui::TextUnformatted("Let these words go?");
    ui::a11y::heading("Let these words go?");
    ui::MutedText("Toward will stop keeping them. If you want them, copy them first: they cannot be brought back here.");
    if (ui::PrimaryButton("Let them go")) {
      m_held.letTypedGo();
      ui::a11y::announce("The words were let go.");
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool keep = ui::QuietButton("Keep them");
    ui::a11y::cancel();
    if (keep || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ui::a11y::endDialog();
    ImGui::EndPopup();
  }
  ImGui::Separator();
}

void App::drawBanners() {
  // A reminder may appear only as a page is shown, never in the middle of one (it would push the page
  // down under a finger about to tap), and not for a while after a hard moment (the way out, a quick action).
  const bool pageShown = m_shell->current() != m_bannerPage;
  m_bannerPage = m_shell->current();
  const bool mayAppear = pageShown && !m_shell->wayOutOpen() && m_platform.nowMs() >= m_quietUntilMs;
  // Nothing above a running timer or grounding session (it would push it down, or call attention away).
  if (currentView().careInProgress() || m_shell->wayOutOpen()) return;
  if (m_shell->writer() && m_shell->currentId() != kBackups.id &&
      ui::BackupReminderBanner(*m_store, m_platform.nowMs(), mayAppear)) {
    selectId(kBackups.id);
  }
  if (m_platform.updateReady()) {
    // (A reload is not enough: a waiting version starts once no tab runs the old one, web/glue/pwa.js.)
    ui::MutedText("A new version of Toward is ready. It starts once every Toward tab is closed, or now if you "
                  "like; everything you wrote is saved first.");
    if (ui::QuietButton("Use the new version now")) m_platform.acceptUpdate();
    ImGui::Separator();
  }
  if (!m_durability.error().empty()) {
    ui::PlainProblem("Your latest changes are not stored in this browser yet. They are safe on this screen, and "
                     "Toward keeps trying. Please keep this tab open; if the device is nearly full, freeing some "
                     "space will help.",
                     m_durability.error());
    ImGui::Separator();
  }
  drawHeldWords();
  if (!m_copyRestoreSeen && m_platform.restoredFromSecondCopy() > 0) {
    ui::MutedText("This browser emptied Toward's storage after it closed unexpectedly. Toward keeps a second copy "
                  "of everything you save, so all of it is back in its place. Making a backup soon is a good idea.");
    if (ui::QuietButton("Thank you##second-copy")) m_copyRestoreSeen = true;
    ImGui::Separator();
  }
  if (m_shell->recoveredToTell()) {
    ui::MutedText(m_shell->recovered() == 1
                      ? "Toward stopped unexpectedly last time. The words you were writing were kept, and they are back "
                        "in their place."
                      : "Toward stopped unexpectedly last time. The words you were writing were kept, and they are all "
                        "back in their places.");
    if (ui::QuietButton("Thank you")) m_shell->dismissRecovered();
    ImGui::Separator();
  }
  if (m_shell->problemsToTell()) {
    const auto& problems = m_store->problems();
    const bool one = problems.size() == 1;
    ui::PlainProblem(std::to_string(problems.size()) + (one ? " saved item" : " saved items") +
                         " could not be opened by this version of Toward. " + (one ? "It is" : "They are") +
                         " kept exactly as " + (one ? "it was" : "they were") + ", untouched.",
                     core::describeLoadProblems(problems));
    if (ui::QuietButton("I understand")) m_shell->dismissProblems();
    ImGui::Separator();
  }
}

}  // namespace toward::app
