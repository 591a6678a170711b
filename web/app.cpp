// web/app.cpp: see app.h.
#include "web/app.h"

#include <imgui.h>

#include <cstdio>

#include "core/ui/settings_view.h"
#include "core/ui/theme.h"
#include "core/ui/trash_view.h"
#include "core/ui/backup_view.h"
#include "core/ui/widgets.h"
#include "plugins/all_plugins.h"
#include "plugins/journal/journal_model.h"
#include "plugins/journal/journal_view.h"
#include "plugins/texture_box/texture_box_model.h"
#include "plugins/texture_box/texture_box_view.h"
#include "plugins/progress/progress_plugin.h"
#include "plugins/progress/progress_view.h"

namespace toward::app {
namespace {

constexpr float kCompactWidth = 720.0f;   // below this many CSS px: phone layout
constexpr size_t kPhoneTabs = 3;           // pages shown as tabs on a phone; the rest are under "More"

}  // namespace

App::App(core::Platform& platform) : m_platform(platform) {}
App::~App() = default;

void App::start() {
  // Record types of the core and of every plugin: the one list, shared with the CLI.
  plugins::registerAll(m_registry);

  m_store = std::make_unique<core::RecordStore>(m_platform.dataRoot(), m_registry, [this] { return m_platform.nowMs(); });
  m_store->load();
  m_store->purgeExpired();
  m_durability.observe(m_store->generation(), m_platform.nowMs());
  // The tracker hears of every change at once, so "saved" is never claimed for a change it has not seen
  // (a background tab may draw no frame for a long time).
  m_store->addListener([this](const core::RecordChange&) {
    m_durability.observe(m_store->generation(), m_platform.nowMs());
    m_stateChanged = true;
  });

  m_journal = std::make_unique<journal::JournalModel>(*m_store);
  m_journal->attach(m_registry);
  m_textureBox = std::make_unique<texture_box::TextureBoxModel>(*m_store);
  m_textureBox->attach(m_registry);

  auto journalView = std::make_unique<journal::JournalView>(*m_journal);
  m_journalView = journalView.get();
  m_views.push_back(std::move(journalView));
  m_views.push_back(std::make_unique<texture_box::TextureBoxView>(*m_textureBox, m_platform));
  m_views.push_back(std::make_unique<progress::ProgressView>(m_registry, *m_store));
  m_views.push_back(std::make_unique<ui::TrashView>(*m_store, m_registry));
  m_views.push_back(std::make_unique<ui::BackupView>(*m_store, m_registry));
  m_views.push_back(std::make_unique<ui::SettingsView>(*m_store));
}

void App::pumpDurability(int64_t nowMs) {
  m_durability.observe(m_store->generation(), nowMs);
  auto generation = m_durability.startIfDue(nowMs);
  if (!generation) return;
  m_syncRunning = true;
  m_stateChanged = true;
  m_platform.startSync([this](bool ok, const std::string& message) {
    m_syncRunning = false;
    m_durability.finished(ok, message, m_platform.nowMs());
    m_stateChanged = true;
    // A flush asked for during this sync starts the next one now, not at the next frame.
    if (!m_durability.saved()) pumpDurability(m_platform.nowMs());
  });
}

bool App::tick(int64_t nowMs) {
  pumpDurability(nowMs);
  // Once there is something to lose and it is safely stored, ask the browser to keep it.
  if (!m_askedPersistence && m_writer && m_store->count() > 0 && m_durability.saved()) {
    m_askedPersistence = true;
    if (!m_platform.storageHealth().persisted) m_platform.requestPersistentStorage();
  }
  bool redraw = m_stateChanged;
  m_stateChanged = false;
  const int64_t wake = nextWakeMs();
  if (wake >= 0 && wake <= nowMs) redraw = true;
  return redraw;
}

int64_t App::nextWakeMs() const {
  int64_t wake = -1;
  auto earliest = [&](int64_t t) { if (t >= 0 && (wake < 0 || t < wake)) wake = t; };
  for (const auto& v : m_views) earliest(v->nextWakeMs());
  return wake;
}

void App::flushNow() {
  for (auto& v : m_views) v->commitPendingEdits();
  m_durability.requestFlush();
  pumpDurability(m_platform.nowMs());
}

void App::setWriter(bool writer) {
  if (!writer) for (auto& v : m_views) v->commitPendingEdits();
  m_writer = writer;
  m_store->setReadOnly(writer ? "" : "Toward is open in another tab, so this tab is only showing your words.");
  m_stateChanged = true;
}

void App::reloadStore() {
  m_store->load();
  m_stateChanged = true;
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
  if (index == m_current || index >= m_views.size()) return;
  m_views[m_current]->onHide();
  m_current = index;
}

void App::draw(int64_t nowMs) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool compact = io.DisplaySize.x < kCompactWidth;
  const auto& current = settings();
  ui::ViewContext ctx{m_platform, m_fonts, nowMs, compact,
                      current.reducedMotion == "on" || (current.reducedMotion == "system" && m_platform.prefersReducedMotion()),
                      m_durability.saved(), [this] { m_durability.requestFlush(); }};

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags shellFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("Toward", nullptr, shellFlags);
  ImGui::PopStyleVar();

  const ImGuiStyle& style = ImGui::GetStyle();
  if (compact) {
    // top bar, content, bottom tabs
    const float barH = ImGui::GetFrameHeight() + style.WindowPadding.y;
    const float tabsH = ui::RowHeight(true) + style.WindowPadding.y;
    ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, style.WindowPadding.y * 0.6f));
    ImGui::PushFont(m_fonts.heading);
    ImGui::TextUnformatted("Toward");
    ImGui::PopFont();
    ImGui::SameLine();
    if (ui::QuietButton("A feeling is here")) feelingIsHere();
    ImGui::SameLine();
    const float statusW = ImGui::CalcTextSize("Open in another tab").x + ImGui::GetFontSize();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), io.DisplaySize.x - statusW - style.WindowPadding.x));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetFontSize() * 0.35f));
    drawStatus();
    ImGui::SetCursorPos(ImVec2(0, barH + style.WindowPadding.y * 0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x * 0.7f, style.WindowPadding.y * 0.5f));
    ImGui::BeginChild("content", ImVec2(0, -tabsH), ImGuiChildFlags_AlwaysUseWindowPadding);
    drawBanners(true);
    m_views[m_current]->draw(ctx);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    drawNavigation(true);
  } else {
    const float navW = std::max(ImGui::GetFontSize() * 12.0f, 180.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette().surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.WindowPadding);
    ImGui::BeginChild("navigation", ImVec2(navW, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    drawNavigation(false);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x * 1.5f, style.WindowPadding.y * 1.2f));
    ImGui::BeginChild("content", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    drawBanners(false);
    m_views[m_current]->draw(ctx);
    ImGui::EndChild();
    ImGui::PopStyleVar();
  }
  ImGui::End();
  m_platform.textInput().endFrame();
}

void App::drawNavigation(bool compact) {
  const ImGuiStyle& style = ImGui::GetStyle();
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
    // Phone: the first pages as tabs, the rest behind "More" (six labels do not fit a phone's width).
    const size_t tabs = std::min<size_t>(m_views.size(), kPhoneTabs);
    const bool more = m_views.size() > tabs;
    const float w = display.x / float(tabs + (more ? 1 : 0));
    const float y = display.y - tabsH - style.WindowPadding.y * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    for (size_t i = 0; i < tabs; ++i) {
      ImGui::SetCursorPos(ImVec2(w * float(i), y));
      ImGui::PushID(int(i));
      if (ImGui::Selectable(m_views[i]->title(), i == m_current, 0, ImVec2(w, tabsH))) select(i);
      noteNavRect(i);
      ImGui::PopID();
    }
    if (more) {
      ImGui::SetCursorPos(ImVec2(w * float(tabs), y));
      if (ImGui::Selectable("More", m_current >= tabs, 0, ImVec2(w, tabsH))) ImGui::OpenPopup("more-pages");
      const ImVec2 moreMin = ImGui::GetItemRectMin();
      ImGui::SetNextWindowPos(ImVec2(display.x - style.WindowPadding.x * 0.5f, moreMin.y - 4), ImGuiCond_Always, ImVec2(1, 1));
      if (ImGui::BeginPopup("more-pages")) {
        for (size_t i = tabs; i < m_views.size(); ++i) {
          ImGui::PushID(int(i));
          if (ImGui::Selectable(m_views[i]->title(), i == m_current, 0, ImVec2(ImGui::GetFontSize() * 9, tabsH * 0.8f))) {
            select(i);
            ImGui::CloseCurrentPopup();
          }
          noteNavRect(i);
          ImGui::PopID();
        }
        ImGui::EndPopup();
      }
    }
    ImGui::PopStyleVar();
    return;
  }
  ImGui::PushFont(m_fonts.heading);
  ImGui::TextUnformatted("Toward");
  ImGui::PopFont();
  ui::MutedText("A quiet place for the slow work.");
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.6f));
  for (size_t i = 0; i < m_views.size(); ++i) {
    ImGui::PushID(int(i));
    if (ImGui::Selectable(m_views[i]->title(), i == m_current, 0, ImVec2(0, ui::RowHeight(false)))) select(i);
    noteNavRect(i);
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.6f));
  // The quick path for hard moments: one press from any page starts the "stay with it" timer.
  if (ui::QuietButton("A feeling is here", ImVec2(-1, 0))) feelingIsHere();
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - ImGui::GetFrameHeight() * 2.2f));
  drawStatus();
}

void App::feelingIsHere() {
  for (size_t i = 0; i < m_views.size(); ++i) {
    if (std::string(m_views[i]->id()) == "journal") select(i);
  }
  if (m_journalView) m_journalView->startFeelingHere();
}

void App::noteNavRect(size_t index) {
  if (m_navRects.size() < m_views.size()) m_navRects.resize(m_views.size());
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  m_navRects[index] = {m_views[index]->id(), m_views[index]->title(), min.x, min.y, max.x - min.x, max.y - min.y};
}

void App::drawStatus() {
  const ui::Palette& p = ui::palette();
  const char* text;
  ImVec4 color = p.muted;
  if (!m_writer) {
    text = "Open in another tab";
  } else if (!m_durability.error().empty()) {
    text = "Not stored yet";
    color = p.warning;
  } else if (!m_durability.saved()) {
    text = "Saving\u2026";
  } else {
    text = "Saved";
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float r = ImGui::GetFontSize() * 0.22f;
  const float cy = pos.y + ImGui::GetTextLineHeight() * 0.5f;
  const ImVec4 dot = (m_durability.saved() && m_durability.error().empty()) ? p.accent : color;
  draw->AddCircleFilled(ImVec2(pos.x + r, cy), r, ImGui::GetColorU32(dot));
  ImGui::SetCursorScreenPos(ImVec2(pos.x + r * 2 + ImGui::GetStyle().ItemInnerSpacing.x, pos.y));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", m_durability.saved() ? "Everything you wrote is stored in this browser."
                                                 : "Your latest words are on screen and are being stored.");
  }
}

void App::drawBanners(bool compact) {
  const ui::Palette& p = ui::palette();
  if (m_writer && std::string(m_views[m_current]->id()) != "backups" && ui::BackupReminderBanner(*m_store, m_platform.nowMs())) {
    for (size_t i = 0; i < m_views.size(); ++i) if (std::string(m_views[i]->id()) == "backups") select(i);
  }
  if (m_platform.updateReady()) {
    ui::MutedText("A new version of Toward is ready. It will start the next time you open Toward, or now if "
                  "you like; everything you wrote is saved first.");
    if (ui::QuietButton("Use the new version now")) m_platform.acceptUpdate();
    ImGui::Separator();
  }
  if (!m_durability.error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
    ImGui::TextWrapped("Your latest changes could not be stored in this browser yet (%s). They are safe on this "
                       "screen, and Toward keeps trying. Please keep this tab open; if the device is nearly full, "
                       "freeing some space will help.",
                       m_durability.error().c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
  }
  const auto& problems = m_store->problems();
  if (!problems.empty() && !m_problemsDismissed) {
    ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
    ImGui::TextWrapped("%zu saved %s could not be opened by this version of Toward (%s). %s kept exactly as "
                       "%s, untouched.",
                       problems.size(), problems.size() == 1 ? "item" : "items", problems.front().message.c_str(),
                       problems.size() == 1 ? "It is" : "They are", problems.size() == 1 ? "it was" : "they were");
    ImGui::PopStyleColor();
    if (ui::QuietButton("I understand")) m_problemsDismissed = true;
    ImGui::Separator();
  }
  (void)compact;
}

}  // namespace toward::app
