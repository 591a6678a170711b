// web/exports.cpp: the functions the JavaScript glue (web/glue/) calls in every build: durability (flush,
// "saved"), tab handover, waking the frame loop, words brought back after a crash, quick hide and discreet
// mode. The test build adds web/test_exports.cpp (window.towardTest).
#include <algorithm>
#include <emscripten.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <functional>
#include <string>

#include "core/ui/a11y.h"
#include "web/js_reply.h"
#include "web/web_state.h"

#ifndef TOWARD_VERSION
#define TOWARD_VERSION "dev"
#endif

using toward::web::g_state;
using toward::web::reply;

namespace {

void wakeFrames() { g_state.wakeRequested = true; }
// A press or a value from a screen reader or a key on the mirror (web/glue/a11y.js): as for input from
// SDL, two frames, one where ImGui acts on it and one that draws what that changed (the frame that acts
// may draw exactly what the frame before drew, a chip pressed before its new look, and then settling
// alone would stop there, one frame behind, until a mouse move).
void wakeFramesForInput() {
  g_state.wakeRequested = true;
  g_state.framesToRender = std::max(g_state.framesToRender, 2);
}

// Runs `work` on the app outside any frame, after the words typed since the last frame (still in their
// text field) have reached the views, then asks for a frame.
void withTypedWords(std::function<void(toward::app::App&)> work) {
  toward::web::outsideFrame([work = std::move(work)] {
    if (!g_state.app) return;
    if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
    work(*g_state.app);
    wakeFrames();
  });
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void toward_wake() { wakeFrames(); }

// A task of work beside the frames (web::workSoon): 1 while more is left for another. Never inside a frame
// (a task cannot begin in one; this is only a guard).
EMSCRIPTEN_KEEPALIVE int toward_work() {
  if (!g_state.app || g_state.inFrame) return 0;
#ifdef TOWARD_TEST_HOOKS
  const double started = emscripten_get_now();
#endif
  const bool more = g_state.app->stepWorkTask();
#ifdef TOWARD_TEST_HOOKS
  if (g_state.workTaskMsSamples.size() < 100000) g_state.workTaskMsSamples.push_back(float(emscripten_get_now() - started));
#endif
  if (!more) wakeFrames();   // all of it done (everything read, or a page's work): the next frame draws it
  return more ? 1 : 0;
}

// The canvas lost the keyboard's focus (web/glue/a11y.js): SDL hears the keys only there, so a key held
// down then is released for ImGui now. Its release goes where the focus went (a control's element that
// the first press moved the focus to), and ImGui would otherwise repeat the key until the next press.
EMSCRIPTEN_KEEPALIVE void toward_release_keys() {
  if (!GImGui) return;
  ImGuiIO& io = ImGui::GetIO();
  for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k) {
    if (ImGui::IsKeyDown(ImGuiKey(k))) io.AddKeyEvent(ImGuiKey(k), false);
  }
  wakeFrames();
}

// A screen reader (or Tab) focused the hidden element of item `id` (web/glue/a11y.js): ImGui's focus follows.
// It is also revealed with room around it (a11y::requestReveal): two frames, one that asks its windows to
// scroll and one that draws them scrolled.
EMSCRIPTEN_KEEPALIVE void toward_a11y_focus(unsigned id) {
  toward::ui::a11y::requestFocus(id);
  wakeFramesForInput();
}

// A DOM text field was reached from the keyboard or a screen reader: item `id` (its place on the canvas)
// is revealed with room around it.
EMSCRIPTEN_KEEPALIVE void toward_a11y_reveal(unsigned id) {
  toward::ui::a11y::requestReveal(id);
  wakeFramesForInput();
}

// A DOM text field over item `id` took the focus (however: a click, Tab, a screen reader): ImGui's focus
// goes to its item, without a ring.
EMSCRIPTEN_KEEPALIVE void toward_a11y_field_focus(unsigned id) {
  toward::ui::a11y::requestFieldFocus(id);
  wakeFramesForInput();
}

// ImGui's own keyboard focus, shown or not (after a dialog closes, the control that opened it): where the
// mirror puts the focus back when the focused control went away (web/glue/a11y.js refocus).
EMSCRIPTEN_KEEPALIVE unsigned toward_a11y_nav_id() { return GImGui ? GImGui->NavId : 0; }

// Escape pressed on a hidden element: ImGui hears it (a menu or popup closes; dialogs keep typed words).
EMSCRIPTEN_KEEPALIVE void toward_a11y_escape() {
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
  wakeFrames();
}

// A screen reader clicked item `id`: it is pressed once, on the next frame.
EMSCRIPTEN_KEEPALIVE void toward_a11y_activate(unsigned id) {
  toward::web::outsideFrame([id] {
    toward::ui::a11y::requestActivate(id);
    wakeFramesForInput();
  });
}

// Arrows on a slider's hidden element (a keyboard, or a screen reader's "increase"): slider `id` takes
// `value` on the next frame, as if dragged there.
EMSCRIPTEN_KEEPALIVE void toward_a11y_set_value(unsigned id, int value) {
  toward::web::outsideFrame([id, value] {
    toward::ui::a11y::requestValue(id, value);
    wakeFramesForInput();
  });
}

EMSCRIPTEN_KEEPALIVE void toward_flush_now() {
  withTypedWords([](toward::app::App& app) { app.flushNow(); });
}

EMSCRIPTEN_KEEPALIVE int toward_is_saved() { return g_state.app && g_state.app->allSaved() ? 1 : 0; }

// After a crash the glue kept the words of every text field (its emergency copy); at the next start it
// hands each back here. 1 when the view that owns the field put them back and stored them, 0 when no
// part of the app owns the field any more, -1 when it cannot be done now (the copy waits): locked,
// still opening, another tab writes, or the store refused the words. `text` holds `size` bytes from
// toward_platform_alloc (a copy may be megabytes, more than ccall's stack holds) and is freed here.
EMSCRIPTEN_KEEPALIVE int toward_recover_text(const char* key, char* text, int size) {
  const std::string words(text ? text : "", text && size > 0 ? size_t(size) : 0);
  std::free(text);
  if (!g_state.app) return -1;
  if (g_state.app->locked() || g_state.app->opening() || !g_state.app->shell().writer()) return -1;
  using toward::ui::Recovery;
  const Recovery r = g_state.app->recoverText(key, words);
  wakeFrames();
  return r == Recovery::Stored ? 1 : r == Recovery::NotMine ? 0 : -1;
}

// The shell tells the person, once, that `count` fields were brought back.
EMSCRIPTEN_KEEPALIVE void toward_note_recovered(int count) {
  if (g_state.app) g_state.app->noteRecovered(count);
  wakeFrames();
}

EMSCRIPTEN_KEEPALIVE void toward_set_writer(int writer) {
  toward::web::outsideFrame([=] {
    if (g_state.app) g_state.app->setWriter(writer != 0);
    wakeFrames();
  });
}

EMSCRIPTEN_KEEPALIVE void toward_reload_store() {
  toward::web::outsideFrame([=] {
    if (g_state.app) g_state.app->reloadStore();
    wakeFrames();
  });
}

EMSCRIPTEN_KEEPALIVE const char* toward_version() { return TOWARD_VERSION; }

// Quick hide (the shortcut and the shell's button, caught by the glue): the vault locks, or without
// one a neutral page covers the screen. Words typed since the last frame are saved first.
EMSCRIPTEN_KEEPALIVE void toward_quick_hide() {
  withTypedWords([](toward::app::App& app) {
    app.quickHide();
    toward::web::renderNow();  // nothing of the words stays on screen until the next frame
  });
}

// Enter in the unlock screen's passphrase field.
EMSCRIPTEN_KEEPALIVE void toward_unlock_submit() {
  withTypedWords([](toward::app::App& app) { app.submitUnlock(); });
}

// The page quick hide opens afterwards (settings), or "": asked before hiding (a lock forgets settings).
EMSCRIPTEN_KEEPALIVE const char* toward_quick_hide_url() {
  if (!g_state.app || g_state.app->locked()) return reply("");
  return reply(g_state.app->settings().quickHideUrl);
}

// The page is shown again (a tab brought back, a page from the back-forward cache): the next frame draws the
// canvas whole, whatever it showed before (a frame that matches the canvas otherwise leaves it alone).
EMSCRIPTEN_KEEPALIVE void toward_page_shown() {
  g_state.canvasKey = 0;
  wakeFrames();
}

// The page was hidden: saves at once, and locks when the person chose "lock when I switch away".
EMSCRIPTEN_KEEPALIVE void toward_page_hidden() {
  withTypedWords([](toward::app::App& app) { app.pageHidden(); });
}

// 1 while the tab should look neutral (discreet mode), for the glue's title and icon.
EMSCRIPTEN_KEEPALIVE int toward_discreet() { return g_state.app && g_state.app->discreet() ? 1 : 0; }

}  // extern "C"
