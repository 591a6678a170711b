// core/ui/vault_view.h: the vault's two faces. UnlockScreen is the only thing drawn while the vault is
// locked (a calm card, a passphrase field, kind words after a wrong try and the pause before the next).
// VaultSection is the part of the settings page that turns the vault on and off, changes the
// passphrase, locks now, and sets auto-lock, lock-on-hide and discreet mode.
#pragma once
#include <functional>
#include <string>

#include "core/ui/key_away.h"
#include "core/ui/view.h"
#include "core/vault/vault.h"

namespace toward::ui {

class UnlockScreen {
 public:
  // stepwise: asked at each unlock; true lets the store be read a few milliseconds a frame afterwards
  // (core::vault::Vault::Load::Stepwise), behind the app's opening screen.
  explicit UnlockScreen(core::vault::Vault& vault, std::function<bool()> stepwise = nullptr)
      : m_vault(vault), m_stepwise(std::move(stepwise)) {}
  ~UnlockScreen() { forget(); }
  // Draws the whole screen; returns true when the vault was just unlocked. ownWayOut: something of the
  // person's own is offered under it (their safety plan, kept readable); otherwise a plain line says where
  // to turn when they are not safe.
  bool draw(ViewContext& ctx, bool ownWayOut = false);
  // Tries a passphrase (the Open button, and the test API). Returns true when it opened.
  bool tryUnlock(const std::string& passphrase, int64_t nowMs);
  // ... with the passphrase's key already derived (core::vault::unwrapKey's `derived`).
  bool tryUnlock(const std::string& passphrase, int64_t nowMs, const core::vault::PassphraseKey* derived);
  // Opens with what is typed in the passphrase field (Enter in the field, or Open): the next frame says
  // "Opening your words..." and the one after does the slow key work, so the person sees it is going on.
  // Asked during the wait after a passphrase that did not fit, it is kept, said, and done when the wait ends
  // (an Enter there was dropped without a sign, and the right passphrase seemed refused).
  void requestOpen(int64_t nowMs);
  // True from requestOpen() until the key work is done.
  bool opening() const { return m_opening; }
  const std::string& message() const { return m_message; }
  // Wipes the typed passphrase and the message; an opening under way is let go (its key is never used).
  void forget();

 private:
  // The key work, once "Opening..." is drawn: away from the page where the platform can (the page keeps
  // drawing and answering), else here, in this frame. True when the vault was just unlocked.
  bool stepOpening(ViewContext& ctx);

  core::vault::Vault& m_vault;
  std::function<bool()> m_stepwise;
  std::string m_passphrase;
  std::string m_message;
  bool m_opening = false;        // asked to open; the key work runs once "Opening..." was drawn
  bool m_openingShown = false;   // "Opening your words..." is on screen
  bool m_openAfterWait = false;  // asked to open during the wait: opens when it ends
  std::string m_tried;           // the passphrase being checked (what the field held at Enter)
  bool m_enterDuringCheck = false;   // Enter pressed while it was checked
  KeyAway m_key;                 // the passphrase's key, made beside the page where the platform can
};

class VaultSection {
 public:
  // lockNow: the shell's "lock now" (saves what is being typed first, then locks and drops everything).
  VaultSection(core::vault::Vault& vault, std::function<void()> lockNow) : m_vault(vault), m_lockNow(std::move(lockNow)) {}
  ~VaultSection() { forget(); }
  void draw(ViewContext& ctx);
  // Opens the "turn on" form, and brings it into view with its first field focused at the next draw
  // (from the first-run offer's "Set a passphrase").
  void openForm() { m_open = true; m_bringIntoView = true; m_bringFrames = 0; }
  // Wipes every passphrase typed here; a change whose keys are still being made is let go.
  void forget();
  // The same, and the forms and their messages closed (the vault locked: after the unlock the section starts
  // afresh, not with a form of emptied fields under an old message).
  void closeForms();
  // Goes on with a change asked here whose passphrase keys are being made (finishing it once they are in):
  // called by the app every frame, whatever page is shown.
  void stepPending(ViewContext& ctx);

 private:
  void drawOff(ViewContext& ctx, float width);
  void drawOn(ViewContext& ctx, float width);

  // A change asked of the vault while its passphrases' keys are made (Argon2id: away from the page where the
  // platform can, so the page keeps answering; else in place, in the frame of the press, as before).
  enum class Pending { None, Enable, Change, Disable };
  void startPending(ViewContext& ctx, Pending what);
  void finishPending(Pending what, const core::vault::PassphraseKey* currentKey, const core::vault::DerivedWrap* nextWrap);
  void dropPending();
  // A message (or a problem) about what was just done: said to a screen reader, brought into view, the other
  // kind cleared (an old "did not fit" above "stored without a passphrase now" contradicted it).
  void say(std::string words, bool problem);
  bool m_revealNote = false;

  core::vault::Vault& m_vault;
  std::function<void()> m_lockNow;
  bool m_open = false;            // the "turn on" or "change" form is shown
  bool m_bringIntoView = false;   // scroll the section to the top of the page and focus its first field
  int m_bringFrames = 0;          // frames drawn while bringing it into view
  bool m_revealForm = false;      // "Set a passphrase..." just opened the form: its buttons are scrolled into view
  bool m_focusFirst = false;      // the form was just opened here: its first field takes the focus
  bool m_understood = false;
  bool m_turningOff = false;
  bool m_turningOffStarted = false;   // "stop using a passphrase" was pressed: the progress says "opening"
  std::string m_pass1, m_pass2, m_current;
  std::string m_message, m_problem;
  Pending m_pending = Pending::None;
  std::string m_pendingCurrent, m_pendingNext;   // the passphrases as they were when the button was pressed
  std::string m_pendingSalt;                      // the new wrapping's salt (Enable, Change)
  KeyAway m_currentKey, m_nextKey;                // their keys
};

}  // namespace toward::ui
