// core/ui/settings_view.cpp: see settings_view.h. Every change is saved at once as the settings record.
#include "core/ui/settings_view.h"

#include <imgui.h>

#include <algorithm>

#include "core/ui/a11y.h"
#include "core/backup_state.h"
#include "core/settings.h"
#include "core/ui/backup_view.h"
#include "core/ui/device_section.h"
#include "core/ui/text_field.h"
#include "core/ui/vault_view.h"
#include "core/ui/widgets.h"

namespace toward::ui {
namespace {

bool choice(const char* label, std::string& value, const char* const* options, const char* const* labels, int n) {
  bool changed = false;
  ImGui::TextWrapped("%s", label);   // (a phone at 150 % cut "Movement (breathing guides and timers)")
  a11y::paragraph(label);
  a11y::beginRadioGroup(label);   // "Like my device" is said with its question: Colours, or Movement
  for (int i = 0; i < n; ++i) {
    if (i) FlowBeside(ToggleWidth(labels[i]));
    ImGui::PushID(label);
    if (Radio(labels[i], value == options[i])) {
      value = options[i];
      changed = true;
    }
    ImGui::PopID();
  }
  a11y::endRadioGroup();
  return changed;
}

}  // namespace

void SettingsView::draw(ViewContext& ctx) {
  ImGui::BeginChild("settings", ImVec2(0, 0));
  Heading(ctx.fonts, "Settings");
  core::Settings s = core::loadSettings(m_store);
  bool changed = false;

  ImGui::Spacing();
  static const char* const kThemes[] = {"system", "light", "dark"};
  static const char* const kThemeLabels[] = {"Like my device", "Light", "Dark"};
  changed |= choice("Colours", s.theme, kThemes, kThemeLabels, 3);

  ImGui::Spacing();
  ImGui::TextUnformatted("Text size");
  // One named group: a screen reader says "Text size" with "Smaller", the size and "Larger".
  a11y::beginGroup(a11y::Role::Group, "Text size");
  ImGui::PushID("text-size");
  if (QuietButton("Smaller") && s.textPercent > 80) { s.textPercent -= 10; changed = true; }
  ImGui::SameLine();
  const std::string percent = std::to_string(s.textPercent) + " %";
  ImGui::TextUnformatted(percent.c_str());
  a11y::paragraph(percent.c_str());
  ImGui::SameLine();
  if (QuietButton("Larger") && s.textPercent < 200) { s.textPercent += 10; changed = true; }
  // On the next line when it does not fit beside them (at 150 % on a phone it was drawn past the edge).
  if (s.textPercent != 100) {
    FlowBeside(ButtonWidth("Usual size"));
    if (QuietButton("Usual size")) { s.textPercent = 100; changed = true; }
  }
  ImGui::PopID();
  a11y::endGroup();

  ImGui::Spacing();
  static const char* const kMotion[] = {"system", "on", "off"};
  static const char* const kMotionLabels[] = {"Like my device", "Less motion", "Gentle motion"};
  changed |= choice("Movement (breathing guides and timers)", s.reducedMotion, kMotion, kMotionLabels, 3);

  ImGui::Spacing();
  static const char* const kWeek[] = {"monday", "sunday"};
  static const char* const kWeekLabels[] = {"Monday", "Sunday"};
  changed |= choice("Weeks start on", s.weekStart, kWeek, kWeekLabels, 2);

  ImGui::Spacing();
  // The gentle check-in after a hard moment (core/ui/way_out.h); some people prefer to be left alone.
  if (WrappedCheckbox("After a hard moment, ask gently how it is now", &s.checkIns)) changed = true;
  // Anniversaries of hard things are real: "On this day" in the journal is the person's choice.
  if (WrappedCheckbox("Show \"On this day\" in the journal", &s.onThisDay)) changed = true;

  if (changed) {
    auto status = core::saveSettings(m_store, s);
    m_error = status ? "" : status.message();
  }
  CalmWarning(m_error);

  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  Heading(ctx.fonts, "Backups");
  core::BackupState backup = core::loadBackupState(m_store);
  BodyText(core::describeLastBackup(backup).c_str());
  MutedText("You can make a backup, or bring one back, on the Backups page.");
  if (ctx.platform.storageHealth().mayBeCleared) {
    MutedText(kStorageMayBeClearedSettings);
    if (ctx.noteControl) ctx.noteControl("note:storage-may-be-cleared", kStorageMayBeClearedSettings);
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("A gentle reminder to make a backup");
  a11y::paragraph("A gentle reminder to make a backup");
  static const uint32_t kReminderDays[] = {0, 7, 14, 30};
  static const char* const kReminderLabels[] = {"No reminder", "After a week", "After two weeks", "After a month"};
  ImGui::PushID("backup-reminder");
  a11y::beginRadioGroup("A gentle reminder to make a backup");
  for (int i = 0; i < 4; ++i) {
    if (i) FlowBeside(ToggleWidth(kReminderLabels[i]));
    if (Radio(kReminderLabels[i], backup.reminderDays == kReminderDays[i]) && backup.reminderDays != kReminderDays[i]) {
      backup.reminderDays = kReminderDays[i];
      auto status = core::saveBackupState(m_store, backup);
      m_error = status ? "" : status.message();
    }
    if (ctx.noteControl) ctx.noteControl("settings:reminder-" + std::to_string(kReminderDays[i]), kReminderLabels[i]);
  }
  a11y::endRadioGroup();
  ImGui::PopID();

  if (m_vaultSection) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    m_vaultSection->draw(ctx);
  }

  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  Heading(ctx.fonts, "Quick hide");
  // A phone has no keyboard shortcut to offer: there the words name the button alone.
  MutedText(ctx.compact ? "The Hide button at the top hides everything at once: with a passphrase Toward locks, "
                          "without one a plain page covers the screen. It can also open a page of your choice, such as "
                          "the weather (what you wrote is saved first)."
                        : "The Hide button, or Ctrl+Shift+H, hides everything at once: with a passphrase Toward locks, "
                          "without one a plain page covers the screen. It can also open a page of your choice, such as "
                          "the weather (what you wrote is saved first).");
  if (!m_hideUrlKnown) {
    m_hideUrl = s.quickHideUrl;
    m_hideUrlKnown = true;
  }
  TextFieldOptions urlOptions;
  urlOptions.label = "A page to open when hiding";
  urlOptions.placeholder = "https://… (optional)";
  const float urlWidth = ctx.compact ? ImGui::GetContentRegionAvail().x
                                     : std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24.0f);
  if (TextLine(ctx.platform.textInput(), "settings/quick-hide-url", m_hideUrl, urlWidth, urlOptions)) {
    if (m_hideUrl.empty() || core::isQuickHideUrl(m_hideUrl)) {
      s.quickHideUrl = m_hideUrl;
      auto status = core::saveSettings(m_store, s);
      m_error = status ? "" : status.message();
    }
  }
  if (!m_hideUrl.empty() && !core::isQuickHideUrl(m_hideUrl)) {
    MutedText("This is kept once it is a whole web address starting with https://.");
  }

  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  DeviceSection(ctx.platform, ctx.fonts);

  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  Heading(ctx.fonts, "Where your words live");
  // Where the save status is (web/app.cpp drawStatus): words under the menu, or on a phone a dot in the top bar.
  MutedText(ctx.compact ? "Everything you write is kept only in this browser, on this device. Nothing is sent anywhere: "
                          "there is no account and no server. Each change is stored a moment after you make it; the "
                          "small dot at the top of the screen turns from grey to colour once it is safely in the browser's storage."
                        : "Everything you write is kept only in this browser, on this device. Nothing is sent anywhere: "
                          "there is no account and no server. Each change is stored a moment after you make it; the note "
                          "at the bottom of the menu says \"Saved\" once it is safely in the browser's storage.");

  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  Heading(ctx.fonts, "About Toward");
  MutedText("Toward is a companion to therapy: a private place for the slow work between sessions. It is not a "
            "replacement for therapy, and it is not an emergency service: no one sees what you write here, and "
            "no one is alerted.");
  MutedText("In an emergency, please call your local emergency number or a crisis line. \"My safety plan\" can "
            "keep those numbers, and the people you trust, one tap away.");
  TouchScroll();
  ImGui::EndChild();
}

}  // namespace toward::ui
