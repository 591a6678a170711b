// web/exports.cpp: the functions the JavaScript glue (web/glue/) calls in every build: durability (flush,
// "saved"), tab handover, waking the frame loop, words brought back after a crash, quick hide and discreet
// mode. The test build adds web/test_exports.cpp (window.towardTest).
#include <emscripten.h>

#include <string>

#include "web/js_reply.h"
#include "web/web_state.h"

#ifndef TOWARD_VERSION
#define TOWARD_VERSION "dev"
#endif

using toward::web::g_state;
using toward::web::reply;

namespace {

void wakeFrames() { g_state.wakeRequested = true; }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void toward_wake() { wakeFrames(); }

EMSCRIPTEN_KEEPALIVE void toward_flush_now() {
  toward::web::outsideFrame([=] {
    if (!g_state.app) return;
    // Words typed since the last frame are still in the text field: hand them to the views first.
    if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
    g_state.app->flushNow();
    wakeFrames();
  });
}

EMSCRIPTEN_KEEPALIVE int toward_is_saved() { return g_state.app && g_state.app->allSaved() ? 1 : 0; }

// After a crash the glue kept the words of every text field (its emergency copy); at the next start it
// hands each back here. 1 when the view that owns the field put them back and stored them, 0 when no
// part of the app owns the field any more, -1 when it cannot be done now (locked: the copy waits).
EMSCRIPTEN_KEEPALIVE int toward_recover_text(const char* key, const char* text) {
  if (!g_state.app) return -1;
  if (g_state.app->locked()) return -1;
  const bool ok = g_state.app->recoverText(key, text);
  wakeFrames();
  return ok ? 1 : 0;
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
  toward::web::outsideFrame([=] {
    if (!g_state.app) return;
    if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
    g_state.app->quickHide();
    toward::web::renderNow();
    wakeFrames();
  });
}

// Enter in the unlock screen's passphrase field.
EMSCRIPTEN_KEEPALIVE void toward_unlock_submit() {
  toward::web::outsideFrame([=] {
    if (!g_state.app) return;
    if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
    g_state.app->submitUnlock();
    wakeFrames();
  });
}

// The page quick hide opens afterwards (settings), or "": asked before hiding (a lock forgets settings).
EMSCRIPTEN_KEEPALIVE const char* toward_quick_hide_url() {
  if (!g_state.app || g_state.app->locked()) return reply("");
  return reply(g_state.app->settings().quickHideUrl);
}

// The page was hidden: saves at once, and locks when the person chose "lock when I switch away".
EMSCRIPTEN_KEEPALIVE void toward_page_hidden() {
  toward::web::outsideFrame([=] {
    if (!g_state.app) return;
    if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
    g_state.app->pageHidden();
    wakeFrames();
  });
}

// 1 while the tab should look neutral (discreet mode), for the glue's title and icon.
EMSCRIPTEN_KEEPALIVE int toward_discreet() { return g_state.app && g_state.app->discreet() ? 1 : 0; }

}  // extern "C"
