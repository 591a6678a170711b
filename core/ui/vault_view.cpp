// core/ui/vault_view.cpp: see vault_view.h.
#include "core/ui/vault_view.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>

#include <algorithm>

#include "core/ui/a11y.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::ui {
namespace {

core::PassphraseKeyJob argon2Job(const std::string& passphrase, const std::string& salt, const core::vault::KdfParams& kdf) {
  core::PassphraseKeyJob job;
  job.passphrase = passphrase;
  job.salt = salt;
  job.opslimit = kdf.opslimit;
  job.memlimit = kdf.memlimit;
  return job;
}

// A passphrase field of the settings' forms with its name shown above it: typed, the fields are rows of dots
// alike, and a placeholder goes with the first letter (which was the current one, which the new?). The name is
// the field's own (its accessible name), so it is not said twice.
void SecretLine(ViewContext& ctx, const char* key, std::string& value, float width, TextFieldOptions options) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextUnformatted(options.label);
  ImGui::PopStyleColor();
  options.placeholder = "";
  TextLine(ctx.platform.textInput(), key, value, width, options);
}

TextFieldOptions secret(const char* label) {
  TextFieldOptions o;
  o.label = label;
  o.placeholder = label;
  o.password = true;
  return o;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] unlock screen
void UnlockScreen::forget() {
  WipeSecret(m_passphrase);
  WipeSecret(m_tried);
  m_enterDuringCheck = false;
  m_message.clear();
  m_openAfterWait = false;
  if (m_key.asked()) m_opening = false;   // its answer, when it comes, belongs to nobody
  m_key.reset();
}

bool UnlockScreen::tryUnlock(const std::string& passphrase, int64_t nowMs) {
  return tryUnlock(passphrase, nowMs, nullptr);
}

bool UnlockScreen::tryUnlock(const std::string& passphrase, int64_t nowMs, const core::vault::PassphraseKey* derived) {
  using Load = core::vault::Vault::Load;
  auto status = m_vault.unlock(passphrase, nowMs, m_stepwise && m_stepwise() ? Load::Stepwise : Load::Whole, derived);
  if (m_vault.status() == core::vault::VaultStatus::Locked) {
    m_message = status.message();
    // Only the passphrase that was tried goes: what was typed while it was being checked (the next try, begun
    // at once) stays, and an Enter pressed meanwhile tries it when the pause ends.
    const bool typedSince = !m_tried.empty() && m_passphrase != m_tried;
    if (!typedSince) WipeSecret(m_passphrase);
    WipeSecret(m_tried);
    m_openAfterWait = typedSince && m_enterDuringCheck && !m_passphrase.empty();
    m_enterDuringCheck = false;
    return false;
  }
  forget();
  // Unlocked; a storage problem while finishing an interrupted change is said, not hidden.
  if (!status) m_message = "Opened. One thing could not be finished yet: " + status.message();
  return true;
}

void UnlockScreen::requestOpen(int64_t nowMs) {
  if (m_opening) {   // Enter while the last try is being checked: kept for what is typed meanwhile
    m_enterDuringCheck = true;
    return;
  }
  if (m_vault.retryAtMs() > nowMs) {
    m_openAfterWait = !m_passphrase.empty();
    return;
  }
  m_openAfterWait = false;
  m_opening = true;
  m_openingShown = false;
  m_enterDuringCheck = false;
  WipeSecret(m_tried);
  m_tried = m_passphrase;
}

bool UnlockScreen::draw(ViewContext& ctx, bool ownWayOut) {
  const bool discreet = m_vault.prefs().discreet;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float w = std::min(display.x - ImGui::GetFontSize() * 2.0f, ImGui::GetFontSize() * 24.0f);
  ImGui::SetCursorPos(ImVec2((display.x - w) * 0.5f, std::max(ImGui::GetFontSize() * 2.0f, display.y * 0.22f)));
  ImGui::BeginChild("unlock", ImVec2(w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
  Heading(ctx.fonts, discreet ? "Welcome back" : "Toward is resting");
  // A way out even while everything is sealed, when the person kept nothing of their own readable here (their
  // plan, with their numbers, is then offered under this screen instead). Not on the discreet screen, which
  // says nothing of what Toward is.
  const auto wayOut = [&] {
    if (discreet || ownWayOut) return;
    Gap(0.8f);
    MutedText("If you are not safe right now, please call your local emergency number or a crisis line.");
  };
  if (!m_vault.problem().empty()) {
    BodyText(m_vault.problem().c_str());
    wayOut();
    ImGui::EndChild();
    return false;
  }
  MutedText(discreet ? "Please enter your passphrase." : "Your words are sealed on this device. Your passphrase opens them.");
  Gap(0.5f);
  TextFieldOptions o = secret("Passphrase");
  o.focus = ImGui::IsWindowAppearing();
  TextLine(ctx.platform.textInput(), "vault/unlock", m_passphrase, w, o);
  Gap(0.3f);
  const int64_t wait = m_vault.retryAtMs() - ctx.nowMs;
  if (m_openAfterWait && m_passphrase.empty()) m_openAfterWait = false;   // the field was emptied meanwhile
  // (The locked app draws a frame when the wait ends: App::nextWakeMs.)
  if (m_openAfterWait && wait <= 0) requestOpen(ctx.nowMs);
  bool opened = false;
  ImGui::BeginDisabled(m_opening || m_openAfterWait);
  if (PrimaryButton("Open")) requestOpen(ctx.nowMs);
  ImGui::EndDisabled();
  if (m_opening && !m_openingShown) {
    // This frame says so; the slow key work (a second or so) begins in the next one.
    m_openingShown = true;
    ctx.platform.wake();
  } else if (m_opening) {
    opened = stepOpening(ctx);
  }
  if (m_opening) {
    Gap(0.3f);
    MutedText("Opening your words\u2026 this takes a moment.");
  } else if (!opened) {
    Gap(0.3f);
    if (!m_message.empty()) CalmWarning(m_message);
    if (wait > 0) {
      const int seconds = int((wait + 999) / 1000);
      const std::string when = std::to_string(seconds) + (seconds == 1 ? " second." : " seconds.");
      const std::string words = m_openAfterWait ? "Toward will try this passphrase in " + when : "You can try again in " + when;
      ImGui::TextDisabled("%s", words.c_str());
      a11y::paragraph(words.c_str());
    }
  }
  wayOut();
  ImGui::EndChild();
  return opened;
}

bool UnlockScreen::stepOpening(ViewContext& ctx) {
  // What is tried is what the field held at Enter (m_tried), not what is typed after it.
  const std::string& tried = m_tried.empty() ? m_passphrase : m_tried;
  const auto state = m_key.step(ctx.platform, [&] {
    return std::optional<core::PassphraseKeyJob>(argon2Job(tried, m_vault.unlockSalt(), m_vault.unlockKdf()));
  });
  if (state == KeyAway::State::Working) return false;   // the page goes on; the answer wakes a frame
  m_opening = false;
  // Not made away (no worker here, or it could not start or stopped): made here, in this frame.
  const bool opened = state == KeyAway::State::Ready ? tryUnlock(tried, ctx.nowMs, &m_key.key()) : tryUnlock(tried, ctx.nowMs);
  m_key.reset();
  return opened;
}

// ---------------------------------------------------------------- [SECTION] settings
void VaultSection::forget() {
  WipeSecret(m_pass1);
  WipeSecret(m_pass2);
  WipeSecret(m_current);
  dropPending();
}

void VaultSection::closeForms() {
  forget();
  m_open = m_turningOff = m_understood = false;
  m_problem.clear();
  m_message.clear();
}

void VaultSection::say(std::string words, bool problem) {
  (problem ? m_problem : m_message) = std::move(words);
  if (problem) m_message.clear();
  else m_problem.clear();
  a11y::announce(problem ? m_problem : m_message);
  m_revealNote = true;
}

void VaultSection::dropPending() {
  m_pending = Pending::None;
  WipeSecret(m_pendingCurrent);
  WipeSecret(m_pendingNext);
  m_pendingSalt.clear();
  m_currentKey.reset();   // an answer still to come belongs to nobody
  m_nextKey.reset();
}

void VaultSection::startPending(ViewContext& ctx, Pending what) {
  dropPending();
  m_pending = what;
  m_pendingCurrent = m_current;
  m_pendingNext = m_pass1;
  if (what != Pending::Disable) m_pendingSalt = core::vault::newWrapSalt();
  stepPending(ctx);   // handed over now; where it cannot be, done now, in this frame, as before
}

void VaultSection::stepPending(ViewContext& ctx) {
  if (m_pending == Pending::None) return;
  using State = KeyAway::State;
  const State current = m_pending == Pending::Enable ? State::InPlace : m_currentKey.step(ctx.platform, [&] {
    return std::optional<core::PassphraseKeyJob>(argon2Job(m_pendingCurrent, m_vault.unlockSalt(), m_vault.unlockKdf()));
  });
  const State next = m_pending == Pending::Disable ? State::InPlace : m_nextKey.step(ctx.platform, [&] {
    return std::optional<core::PassphraseKeyJob>(argon2Job(m_pendingNext, m_pendingSalt, core::vault::KdfParams{}));
  });
  if (current == State::Working || next == State::Working) return;   // the answer wakes a frame
  // A key not made away (no worker here, or it could not start or stopped) is made in place by the vault.
  core::vault::DerivedWrap wrap;
  if (next == State::Ready) {
    wrap.salt = m_pendingSalt;
    wrap.key = m_nextKey.key();
  }
  finishPending(m_pending, current == State::Ready ? &m_currentKey.key() : nullptr, next == State::Ready ? &wrap : nullptr);
  sodium_memzero(wrap.key.data(), wrap.key.size());
  dropPending();
}

void VaultSection::draw(ViewContext& ctx) {
  const float width = ctx.compact ? ImGui::GetContentRegionAvail().x
                                  : std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24.0f);
  if (m_bringIntoView) ImGui::SetScrollHereY(0.0f);  // the heading at the top of the page
  Heading(ctx.fonts, "A passphrase for this device");
  if (m_vault.status() == core::vault::VaultStatus::Off) drawOff(ctx, width);
  else drawOn(ctx, width);
  const bool noted = !m_problem.empty() || (!m_message.empty() && !m_vault.migrationRunning());
  if (!m_problem.empty()) CalmWarning(m_problem);
  if (!m_message.empty() && !m_vault.migrationRunning()) BodyText(m_message.c_str());
  // What came of a change is brought into view once (on a phone the section shrank, and both were below it).
  if (m_revealNote && noted) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
  m_revealNote = false;
  if (m_bringIntoView && ++m_bringFrames > 4) m_bringIntoView = false;  // never pulls the page for long
}

void VaultSection::drawOff(ViewContext& ctx, float width) {
  MutedText("If someone else uses this device, a passphrase keeps what you write unreadable without it: your "
            "words are sealed in this browser's storage, and Toward asks for the passphrase when you come back. "
            "This is your choice; Toward works the same without one.");
  if (!m_open) {
    if (QuietButton("Set a passphrase\u2026")) {
      m_open = true;
      m_focusFirst = true;   // the keys go on into the form the button opened
      m_revealForm = true;   // and the form is scrolled into view down to its buttons
      m_message.clear();
      m_problem.clear();
    }
    return;
  }
  BodyText("Please keep this in mind: if the passphrase is forgotten, nobody can open your words again: "
           "Toward keeps no copy of it anywhere. A backup (on the Backups page) kept somewhere safe is a good companion to it.");
  Gap(0.3f);
  TextFieldOptions first = secret("New passphrase");
  first.focus = m_bringIntoView || m_focusFirst;
  m_focusFirst = false;
  SecretLine(ctx, "vault/new1", m_pass1, width, first);
  // The scroll arrives a frame later: the field takes focus once it is on screen (a field off screen has
  // no DOM element to focus).
  if (m_bringIntoView && ImGui::IsItemVisible()) m_bringIntoView = false;
  SecretLine(ctx, "vault/new2", m_pass2, width, secret("The same passphrase again"));
  // Both are taken (an Enter in either field is used once, never left for a later frame).
  const bool enter1 = ctx.platform.textInput().takeSubmit("vault/new1");
  const bool enter2 = ctx.platform.textInput().takeSubmit("vault/new2");
  const bool enter = enter1 || enter2;
  static constexpr const char* kTickTheBox = "Please tick the box once you are comfortable with it.";
  static constexpr const char* kNotTheSame = "The two passphrases are not the same yet. Please type the same one in both fields.";
  WrappedCheckbox("I understand that a forgotten passphrase cannot be recovered", &m_understood);
  // A message goes as soon as its cause does.
  if ((m_understood && m_problem == kTickTheBox) || (m_pass1 == m_pass2 && m_problem == kNotTheSame)) m_problem.clear();
  Gap(0.2f);
  if ((PrimaryButton("Seal my words with it") || enter) && m_pending == Pending::None) {
    m_problem.clear();
    if (m_pass1.empty()) say("Please choose a passphrase first.", true);
    else if (m_pass1 != m_pass2) say(kNotTheSame, true);
    else if (!m_understood) say(kTickTheBox, true);
    else startPending(ctx, Pending::Enable);
  }
  ImGui::SameLine();
  if (QuietButton("Not now")) { m_open = false; forget(); m_problem.clear(); }
  if (m_pending == Pending::Enable) MutedText("Making a key from your passphrase\u2026");
  // Opened near the bottom of the window, the form's tick box and buttons were below it: the page moves up
  // just enough to show them (the form is shorter than the window; a phone's openForm shows its top instead).
  if (m_revealForm) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
  m_revealForm = false;
}

void VaultSection::drawOn(ViewContext& ctx, float width) {
  MutedText("Your words are sealed in this browser's storage. Locking hides everything until the passphrase is "
            "typed again.");
  if (m_vault.migrationRunning()) {
    BodyText(m_vault.status() == core::vault::VaultStatus::Unlocked && m_turningOffStarted
                 ? "Opening the seal on your words, one at a time\u2026"
                 : "Sealing your words, one at a time\u2026 You can go on using Toward meanwhile.");
    ImGui::ProgressBar(float(m_vault.migrationProgress()), ImVec2(width, 0), "");
    a11y::progress(m_turningOffStarted ? "Opening the seal on your words" : "Sealing your words",
                   float(m_vault.migrationProgress()));
    return;
  }
  if (m_vault.migrating()) {
    CalmWarning("Sealing (or opening) your words was interrupted. Nothing is lost.");
    if (QuietButton("Finish it now")) {
      auto s = m_vault.resume();
      m_problem = s ? "" : s.message();
    }
  }
  if (PrimaryButton("Lock now")) {
    forget();
    m_message.clear();
    m_lockNow();
    return;
  }
  core::vault::VaultPrefs prefs = m_vault.prefs();
  bool changed = false;
  Gap(0.3f);
  ImGui::TextUnformatted("Lock by itself when I have not touched it for");
  a11y::paragraph("Lock by itself when I have not touched it for");
  static const int kMinutes[] = {1, 5, 15, 60, 0};
  static const char* const kLabels[] = {"1 minute", "5 minutes", "15 minutes", "an hour", "Never"};
  ImGui::PushID("auto-lock");
  a11y::beginRadioGroup("Lock by itself when I have not touched it for");
  for (int i = 0; i < 5; ++i) {
    if (i) FlowBeside(ToggleWidth(kLabels[i]));   // on as many rows as the width needs (a phone's cut "15 minutes")
    if (Radio(kLabels[i], prefs.autoLockMinutes == kMinutes[i]) && prefs.autoLockMinutes != kMinutes[i]) {
      prefs.autoLockMinutes = kMinutes[i];
      changed = true;
    }
  }
  a11y::endRadioGroup();
  ImGui::PopID();
  changed |= WrappedCheckbox("Lock when I switch to another tab or app", &prefs.lockOnHide);
  changed |= WrappedCheckbox("Discreet: a plain tab title and icon, and neutral words when locked", &prefs.discreet);
  if (changed) {
    auto s = m_vault.setPrefs(prefs);
    m_problem = s ? "" : s.message();
  }

  Gap(0.5f);
  if (!m_open && !m_turningOff) {
    // Opened by a click or the keys, the form's first field takes the keys (as "Set a passphrase..." does).
    if (QuietButton("Change the passphrase\u2026")) { m_open = true; m_focusFirst = true; m_message.clear(); m_problem.clear(); }
    FlowBeside(ButtonWidth("Stop using a passphrase\u2026"));   // below it where a phone has no room beside it
    if (QuietButton("Stop using a passphrase\u2026")) { m_turningOff = true; m_focusFirst = true; m_message.clear(); m_problem.clear(); }
    return;
  }
  TextFieldOptions current = secret("Current passphrase");
  current.focus = m_focusFirst;
  m_focusFirst = false;
  const std::string currentBefore = m_current;
  SecretLine(ctx, "vault/current", m_current, width, current);
  // Enter in any of the form's fields is its button (each Enter taken, never left for a later frame).
  bool enter = ctx.platform.textInput().takeSubmit("vault/current");
  if (m_current != currentBefore && m_pending == Pending::None) m_problem.clear();   // a message goes with its cause
  if (m_open) {
    SecretLine(ctx, "vault/new1", m_pass1, width, secret("New passphrase"));
    SecretLine(ctx, "vault/new2", m_pass2, width, secret("The same passphrase again"));
    const bool enter1 = ctx.platform.textInput().takeSubmit("vault/new1");
    const bool enter2 = ctx.platform.textInput().takeSubmit("vault/new2");
    enter = enter || enter1 || enter2;
    if ((PrimaryButton("Change it") || enter) && m_pending == Pending::None) {
      m_problem.clear();
      if (m_pass1.empty()) say("Please choose a new passphrase first.", true);
      else if (m_pass1 != m_pass2) say("The two new passphrases are not the same yet.", true);
      else startPending(ctx, Pending::Change);
    }
  } else {
    BodyText("Without a passphrase your words are stored unsealed in this browser again.");
    if ((PrimaryButton("Stop using a passphrase") || enter) && m_pending == Pending::None) startPending(ctx, Pending::Disable);
  }
  ImGui::SameLine();
  if (QuietButton("Cancel")) { m_open = false; m_turningOff = false; forget(); m_problem.clear(); }
  if (m_pending != Pending::None) MutedText("Checking the passphrase\u2026");
}

void VaultSection::finishPending(Pending what, const core::vault::PassphraseKey* currentKey,
                                 const core::vault::DerivedWrap* nextWrap) {
  if (what == Pending::Enable) {
    auto status = m_vault.beginEnable(m_pendingNext, core::vault::KdfParams{}, nextWrap);
    if (!status) {
      say("This could not be finished (" + status.message() + "). Nothing is lost; you can try again.", true);
      return;
    }
    m_vault.stepFirst();
    // The sealing itself goes on a few files a frame (web/app.cpp); drawOn() shows how far it is.
    say("Your words are sealed now. Toward will ask for the passphrase when it locks.", false);
    m_turningOffStarted = false;
    m_open = false;
    m_understood = false;
  } else if (what == Pending::Change) {
    if (auto s = m_vault.changePassphrase(m_pendingCurrent, m_pendingNext, core::vault::KdfParams{}, currentKey, nextWrap); !s) {
      say(s.message(), true);
      return;
    }
    say("The passphrase is changed.", false);
    m_open = false;
  } else {
    if (auto s = m_vault.beginDisable(m_pendingCurrent, currentKey); !s) {
      say(s.message(), true);
      return;
    }
    m_vault.stepFirst();
    // The files are written plain again a few a frame (web/app.cpp); drawOff() greets the result.
    say("Your words are stored without a passphrase now.", false);
    m_turningOff = false;
    m_turningOffStarted = true;
  }
  WipeSecret(m_pass1);
  WipeSecret(m_pass2);
  WipeSecret(m_current);
}

}  // namespace toward::ui
