// web/test_exports.cpp: the functions behind window.towardTest (web/glue/test_api.js), compiled only into
// the test build (TOWARD_TEST_HOOKS: build/web-test, build/web-asan). They go through the same store,
// models and sync queue as the UI; knobs reach a model or a page through the app (App::page,
// App::model). README.md documents the API.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/backup/age_format.h"
#include "core/backup/backup_merge.h"
#include "core/files.h"
#include "core/ui/backup_view.h"
#include "core/json.h"
#include "core/ui/a11y.h"
#include "web/js_reply.h"
#include "web/web_state.h"
#include "plugins/journal/journal_view.h"
#include "plugins/texture_box/photo_textures.h"
#include "plugins/texture_box/texture_box_model.h"

using toward::web::errorReply;
using toward::web::g_state;
using toward::web::quoted;
using toward::web::reply;

namespace {

// [{id, title, x, y, w, h}] of items drawn in the last frame.
std::string rectsJson(const std::vector<toward::app::NavRect>& rects) {
  std::string out = "[";
  for (const auto& r : rects) {
    if (out.size() > 1) out += ",";
    out += "{\"id\":" + quoted(r.id) + ",\"title\":" + quoted(r.title) + ",\"x\":" + std::to_string(r.x) +
           ",\"y\":" + std::to_string(r.y) + ",\"w\":" + std::to_string(r.w) + ",\"h\":" + std::to_string(r.h) + "}";
  }
  return out + "]";
}

void wakeFrames() { g_state.wakeRequested = true; }

// Appends a code point as UTF-8.
void appendUtf8(std::string& out, unsigned c) {
  if (c < 0x80) out += char(c);
  else if (c < 0x800) { out += char(0xC0 | (c >> 6)); out += char(0x80 | (c & 0x3F)); }
  else { out += char(0xE0 | (c >> 12)); out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F)); }
}

// The text in the last frame's draw data: every four vertices whose UVs are exactly a glyph's rectangle in
// the font atlas are that glyph. A gap reads as a space, a new baseline as a new line. Glyphs cut by a clip
// rectangle (their UVs change) are not read.
std::string drawnText() {
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return "";
  std::map<std::pair<float, float>, std::vector<const ImFontGlyph*>> glyphs;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts) {
    for (const ImFontGlyph& g : font->Glyphs) {
      if (g.Visible) glyphs[{g.U0, g.V0}].push_back(&g);
    }
  }
  std::string out;
  float lastX = 0, lastY = -1e9f;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    const ImDrawVert* v = list->VtxBuffer.Data;
    const int n = list->VtxBuffer.Size;
    for (int i = 0; i + 3 < n; ++i) {
      auto it = glyphs.find({v[i].uv.x, v[i].uv.y});
      if (it == glyphs.end()) continue;
      const ImFontGlyph* found = nullptr;
      for (const ImFontGlyph* g : it->second) {
        if (v[i + 1].uv.x == g->U1 && v[i + 1].uv.y == g->V0 && v[i + 2].uv.x == g->U1 && v[i + 2].uv.y == g->V1 &&
            v[i + 3].uv.x == g->U0 && v[i + 3].uv.y == g->V1) {
          found = g;
          break;
        }
      }
      if (!found) continue;
      // Glyphs follow each other pen to pen (no kerning): a gap is a space, another baseline a new line.
      const float pen = v[i].pos.x - found->X0, baseline = v[i].pos.y - found->Y0;
      if (std::abs(baseline - lastY) > 2.0f) {
        if (!out.empty() && out.back() != '\n') out += '\n';
      } else if (pen - lastX > 1.5f || pen < lastX - 1.5f) {
        out += ' ';
      }
      appendUtf8(out, found->Codepoint);
      lastX = pen + found->AdvanceX;
      lastY = baseline;
      i += 3;
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace

extern "C" {

// The text the last frame drew (labels, headings, buttons, list lines), read back from its draw lists:
// each glyph quad is matched to the font atlas glyph it shows (drawnText below). Not pixels.
EMSCRIPTEN_KEEPALIVE const char* toward_test_drawn_text() { return reply(drawnText()); }

// Frames actually drawn since start (the app draws nothing while idle).
EMSCRIPTEN_KEEPALIVE unsigned toward_test_frames_rendered() { return g_state.framesRendered; }
// Frames that drew on the canvas (a frame that would draw what it shows leaves it alone).
EMSCRIPTEN_KEEPALIVE unsigned toward_test_canvas_draws() { return g_state.canvasDraws; }

// What the font atlas holds: 1 every script Toward draws, 0 Latin only (ui::Glyphs, a start with nothing kept).
EMSCRIPTEN_KEEPALIVE int toward_test_font_glyphs_all() { return g_state.fontGlyphs == toward::ui::Glyphs::Everything ? 1 : 0; }

// ---------------------------------------------------------------- records, state, what was drawn
EMSCRIPTEN_KEEPALIVE const char* toward_test_put(const char* type, const char* json, const char* id) {
  auto saved = g_state.app->store().put(type, id, json);
  wakeFrames();
  if (!saved) return reply(errorReply(saved.error().message()));
  return reply("{\"ok\":true,\"id\":" + quoted(saved.value().id) + "}");
}

EMSCRIPTEN_KEEPALIVE const char* toward_test_remove(const char* type, const char* id) {
  auto status = g_state.app->store().remove(type, id);
  wakeFrames();
  return reply(status ? "{\"ok\":true}" : errorReply(status.message()));
}

EMSCRIPTEN_KEEPALIVE const char* toward_test_list(const char* type) {
  std::string out = "[";
  bool first = true;
  for (const auto* r : g_state.app->store().list(type)) {
    if (!first) out += ",";
    first = false;
    out += "{\"id\":" + quoted(r->id) + ",\"revision\":" + std::to_string(r->revision) +
           ",\"updatedMs\":" + std::to_string(r->updatedMs) + ",\"body\":" + r->body + "}";
  }
  return reply(out + "]");
}

// How many live records of `type` there are (cheap to ask often, unlike toward_test_list).
EMSCRIPTEN_KEEPALIVE int toward_test_count(const char* type) { return int(g_state.app->store().list(type).size()); }

EMSCRIPTEN_KEEPALIVE const char* toward_test_trash() {
  std::string out = "[";
  bool first = true;
  for (const auto* t : g_state.app->store().trash()) {
    if (!first) out += ",";
    first = false;
    out += "{\"type\":" + quoted(t->record.type) + ",\"id\":" + quoted(t->record.id) +
           ",\"deletedMs\":" + std::to_string(t->deletedMs) + "}";
  }
  return reply(out + "]");
}

EMSCRIPTEN_KEEPALIVE const char* toward_test_state() {
  const auto& d = g_state.app->durability();
  std::string out = std::string("{\"saved\":") + (g_state.app->allSaved() ? "true" : "false") +
                    ",\"pendingSync\":" + (d.syncing() || !d.saved() ? "true" : "false") +
                    ",\"storageError\":" + (d.error().empty() ? "null" : quoted(d.error())) +
                    ",\"stored\":" + (d.saved() ? "true" : "false") +
                    ",\"typing\":" + (g_state.platform->textInput().hasPendingInput() ? "true" : "false") +
                    ",\"unsavedPages\":" + quoted(g_state.app->unsavedPages()) +
                    ",\"page\":" + quoted(g_state.app->shell().currentId()) +
                    ",\"care\":" + (g_state.app->shell().careInProgress() ? "true" : "false") +
                    ",\"wayOut\":" + (g_state.app->shell().wayOutOpen() ? "true" : "false") +
                    ",\"checkIn\":" + (g_state.app->shell().checkInShown() ? "true" : "false") + "}";
  return reply(out);
}

// How long after a change the automatic sync waits (default 1000 ms).
EMSCRIPTEN_KEEPALIVE void toward_test_set_sync_delay(int ms) { g_state.app->durability().setDelayMs(ms); }

// [{id, title, x, y, w, h}]: where each page's navigation item was drawn in the last frame.
EMSCRIPTEN_KEEPALIVE const char* toward_test_nav() { return reply(rectsJson(g_state.app->navRects())); }

// The id of the page shown now (the shell's choice, whatever was drawn).
EMSCRIPTEN_KEEPALIVE const char* toward_test_shown_page() { return reply(quoted(g_state.app->shell().currentId())); }

// [{id, title, x, y, w, h}]: where the shell's quick actions ("feeling", "therapist") and "hide" were drawn.
EMSCRIPTEN_KEEPALIVE const char* toward_test_actions() { return reply(rectsJson(g_state.app->actionRects())); }

// [{name, x, y, w, h, popup}]: Dear ImGui's windows drawn in the last frame (popups and dialogs among
// them), to check that a dialog sits inside the screen one settle after it opened.
EMSCRIPTEN_KEEPALIVE const char* toward_test_windows() {
  std::string out = "[";
  for (ImGuiWindow* w : GImGui->Windows) {
    if (!w->Active || w->Hidden) continue;   // drawn in the last frame
    if (out.size() > 1) out += ",";
    out += "{\"name\":" + quoted(w->Name) + ",\"x\":" + std::to_string(w->Pos.x) + ",\"y\":" + std::to_string(w->Pos.y) +
           ",\"w\":" + std::to_string(w->Size.x) + ",\"h\":" + std::to_string(w->Size.y) +
           ",\"popup\":" + ((w->Flags & ImGuiWindowFlags_Popup) ? "true" : "false") +
           // How far its content reaches past its right edge (0: nothing drawn outside it sideways).
           ",\"overflowX\":" + std::to_string(w->ScrollMax.x) + ",\"child\":" +
           ((w->Flags & ImGuiWindowFlags_ChildWindow) ? "true" : "false") + "}";
  }
  return reply(out + "]");
}

// Test hook: the next frame traps (as a memory error in C++ would), to test the page's crash rescue.
EMSCRIPTEN_KEEPALIVE void toward_test_trap_next_frame() {
  g_state.trapNextFrame = true;
  wakeFrames();
}

// {x, y, w, h}: where the shell's quick-hide button was drawn in the last frame.
EMSCRIPTEN_KEEPALIVE const char* toward_test_hide_button() {
  const auto& h = g_state.app->hideRect();
  return reply("{\"x\":" + std::to_string(h.x) + ",\"y\":" + std::to_string(h.y) + ",\"w\":" + std::to_string(h.w) +
               ",\"h\":" + std::to_string(h.h) + "}");
}

namespace {
// The `share` (0.95: the 95th percentile) of the measured frames took at most this long, in ms.
double percentile(std::vector<float> samples, double share) {
  if (samples.empty()) return 0;
  const size_t at = std::min(samples.size() - 1, size_t(share * double(samples.size())));
  std::nth_element(samples.begin(), samples.begin() + long(at), samples.end());
  return samples[at];
}
}  // namespace

// The last unlock's frame (App::afterUnlock; through towardTest.vaultUnlock too, before it reads the rest):
// {"openedInFrame": bool, "filesRead": n} (-1: everything was read in it).
EMSCRIPTEN_KEEPALIVE const char* toward_test_unlock_frame() {
  static std::string out;
  out = std::string("{\"openedInFrame\":") + (g_state.unlockOpenedInFrame ? "true" : "false") +
        ",\"filesRead\":" + std::to_string(g_state.unlockFrameFilesRead) + "}";
  return out.c_str();
}

// {frames, meanMs, medianMs, p95Ms, maxMs, a11yMeanMs, a11yMedianMs, a11yP95Ms, a11yMaxMs, samples, a11ySamples} of our frame
// code since the last reset (samples: each frame's ms in order, the first 2,000; workSamples: each task of work
// beside the frames, toward_work, the opening's reading, the first 2,000; workTasks: how many there were); reset = 1
// starts a new measurement.
EMSCRIPTEN_KEEPALIVE const char* toward_test_frame_stats(int reset) {
  const unsigned n = g_state.framesMeasured;
  auto sorted = g_state.frameMsSamples;
  std::sort(sorted.begin(), sorted.end());
  const size_t m = sorted.size();
  const double medianMs = m == 0 ? 0.0 : m % 2 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0;
  std::string out = "{\"frames\":" + std::to_string(n) + ",\"medianMs\":" + std::to_string(medianMs) + ",\"meanMs\":" +
                    std::to_string(n ? g_state.frameMsTotal / n : 0.0) + ",\"maxMs\":" + std::to_string(g_state.frameMsMax) +
                    ",\"p95Ms\":" + std::to_string(percentile(g_state.frameMsSamples, 0.95)) +
                    ",\"a11yMeanMs\":" + std::to_string(n ? g_state.a11yMsTotal / n : 0.0) +
                    ",\"a11yMedianMs\":" + std::to_string(percentile(g_state.a11yMsSamples, 0.5)) +
                    ",\"a11yP95Ms\":" + std::to_string(percentile(g_state.a11yMsSamples, 0.95)) +
                    ",\"a11yMaxMs\":" + std::to_string(g_state.a11yMsMax) +
                    ",\"glMedianMs\":" + std::to_string(percentile(g_state.glMsSamples, 0.5)) +
                    ",\"glP95Ms\":" + std::to_string(percentile(g_state.glMsSamples, 0.95)) +
                    ",\"glMaxMs\":" + std::to_string(g_state.glMsMax);
  // Each frame's time in order (the first 2,000), so a bench can say which frame was the slow one.
  auto list = [](const std::vector<float>& xs) {
    std::string s = "[";
    for (size_t i = 0; i < xs.size() && i < 2000; ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%.2f", i ? "," : "", double(xs[i]));
      s += buf;
    }
    return s + "]";
  };
  out += ",\"samples\":" + list(g_state.frameMsSamples) + ",\"a11ySamples\":" + list(g_state.a11yMsSamples) +
         ",\"glSamples\":" + list(g_state.glMsSamples) + ",\"workSamples\":" + list(g_state.workTaskMsSamples) +
         ",\"workTasks\":" + std::to_string(g_state.workTaskMsSamples.size()) + "}";
  if (reset) {
    g_state.frameMsTotal = g_state.frameMsMax = 0;
    g_state.a11yMsTotal = g_state.a11yMsMax = 0;
    g_state.framesMeasured = 0;
    g_state.frameMsSamples.clear();
    g_state.a11yMsSamples.clear();
    g_state.glMsSamples.clear();
    g_state.workTaskMsSamples.clear();
    g_state.glMsMax = 0;
  }
  return reply(out);
}

// The semantics tree on or off (off: the bench's floor, the same frames without it; the mirror empties).
EMSCRIPTEN_KEEPALIVE void toward_test_a11y_enabled(int on) {
  toward::ui::a11y::setEnabled(on != 0);
  wakeFrames();
}

// Backup timings in this page (tests/browser/bench_backup.mjs): building and encoding the document, sealing
// it (work factor `wf`), opening it again (decrypt, parse, check), and merging it into an empty store in
// the in-memory file system (/tmp, never the IndexedDB mount; left there until the page reloads), in ms; plus scrypt alone at work factor 18.
EMSCRIPTEN_KEEPALIVE const char* toward_test_backup_bench(int wf) {
  using namespace toward;
  auto& store = g_state.app->store();
  const auto& registry = g_state.app->registry();
  auto now = [] { return emscripten_get_now(); };
  double t = now();
  const backup::BackupDocument built = backup::documentFromStore(store, registry, store.now());
  const double buildMs = now() - t;
  const std::string json = backup::encodeDocument(built);
  const double docMs = now() - t;
  backup::AgeEncryptOptions o;
  o.workFactor = wf;
  t = now();
  auto file = backup::ageEncrypt(json, "bench passphrase", o);
  const double encryptMs = now() - t;
  if (!file) return reply(errorReply(file.error().message()));
  // Opening, step by step (decrypt, parse, check), then as the app does it in one call.
  t = now();
  auto plain = backup::ageDecrypt(file.value(), "bench passphrase");
  const double decryptMs = now() - t;
  if (!plain) return reply(errorReply(plain.error().message()));
  t = now();
  auto parsed = backup::parseDocument(plain.value());
  const double parseMs = now() - t;
  if (!parsed) return reply(errorReply(parsed.error().message()));
  t = now();
  auto checked = backup::checkDocument(std::move(parsed.value()), registry);
  const double checkMs = now() - t;
  if (!checked) return reply(errorReply(checked.error().message()));
  t = now();
  auto doc = backup::openBackup(file.value(), "bench passphrase", registry);
  const double openMs = now() - t;
  if (!doc) return reply(errorReply(doc.error().message()));
  const std::string dir = "/tmp/toward-bench-" + std::to_string(int64_t(now()));
  double mergeMs = -1;
  {
    core::RecordStore temp(dir, registry, [] { return int64_t(emscripten_get_now()); });
    temp.load();
    t = now();
    auto merged = backup::mergeDocument(temp, registry, doc.value());
    mergeMs = now() - t;
    if (!merged) return reply(errorReply(merged.error().message()));
  }
  t = now();
  auto empty = backup::ageEncrypt("", "bench passphrase");
  const double scryptMs = now() - t;
  return reply("{\"ok\":true,\"records\":" + std::to_string(doc.value().doc().records.size()) +
               ",\"documentBytes\":" + std::to_string(json.size()) + ",\"fileBytes\":" + std::to_string(file.value().size()) +
               ",\"docMs\":" + std::to_string(docMs) + ",\"buildMs\":" + std::to_string(buildMs) + ",\"encryptMs\":" + std::to_string(encryptMs) +
               ",\"openMs\":" + std::to_string(openMs) + ",\"decryptMs\":" + std::to_string(decryptMs) +
               ",\"parseMs\":" + std::to_string(parseMs) + ",\"checkMs\":" + std::to_string(checkMs) + ",\"mergeMs\":" + std::to_string(mergeMs) +
               ",\"scrypt18Ms\":" + std::to_string(empty ? scryptMs : -1.0) + "}");
}

// ---------------------------------------------------------------- test API: the vault
// {status:"off"|"locked"|"unlocked", covered, migrating, failedTries, retryInMs, prefs:{...}, problem, opening (the
// unlock's key work), storeOpening (the records still being read after it, beside the frames)}
EMSCRIPTEN_KEEPALIVE const char* toward_test_vault_state() {
  using toward::core::vault::VaultStatus;
  auto& app = *g_state.app;
  auto& v = app.vault();
  const char* status = v.status() == VaultStatus::Off ? "off" : v.status() == VaultStatus::Locked ? "locked" : "unlocked";
  const int64_t wait = std::max<int64_t>(0, v.retryAtMs() - g_state.platform->nowMs());
  const auto p = v.prefs();
  return reply(std::string("{\"status\":\"") + status + "\",\"covered\":" + (app.covered() ? "true" : "false") +
               ",\"offer\":" + (app.vaultOfferShown() ? "true" : "false") +
               ",\"migrating\":" + (v.migrating() ? "true" : "false") + ",\"progress\":" + std::to_string(v.migrationProgress()) + ",\"failedTries\":" + std::to_string(v.failedTries()) +
               ",\"retryInMs\":" + std::to_string(wait) + ",\"prefs\":" + toward::core::vault::encodeVaultPrefs(p) +
               ",\"problem\":" + quoted(v.problem()) + ",\"opening\":" + (app.unlockOpening() ? "true" : "false") +
               ",\"storeOpening\":" + (app.store().opening() ? "true" : "false") + "}");
}

// Turns the vault on with the app's real key settings (Argon2id, 64 MiB); returns {ok, ms} or {ok:false, error}.
EMSCRIPTEN_KEEPALIVE const char* toward_test_vault_enable(const char* passphrase) {
  const double t = emscripten_get_now();
  auto s = g_state.app->vault().enable(passphrase);
  wakeFrames();
  if (!s) return reply(errorReply(s.message()));
  return reply("{\"ok\":true,\"ms\":" + std::to_string(emscripten_get_now() - t) + "}");
}

// Starts turning the vault on as the settings page does: the files are sealed a few a frame afterwards.
EMSCRIPTEN_KEEPALIVE const char* toward_test_vault_begin_enable(const char* passphrase) {
  auto s = g_state.app->vault().beginEnable(passphrase);
  if (s) g_state.app->vault().stepFirst();
  wakeFrames();
  return reply(s ? "{\"ok\":true}" : errorReply(s.message()));
}

EMSCRIPTEN_KEEPALIVE const char* toward_test_vault_disable(const char* passphrase) {
  auto s = g_state.app->vault().disable(passphrase);
  wakeFrames();
  return reply(s ? "{\"ok\":true}" : errorReply(s.message()));
}

EMSCRIPTEN_KEEPALIVE void toward_test_vault_lock() {
  if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
  g_state.app->lockNow();
  toward::web::renderNow();
  wakeFrames();
}

// Tries a passphrase as the unlock screen does; returns {ok, ms} or {ok:false, error} (the kind words shown).
EMSCRIPTEN_KEEPALIVE const char* toward_test_vault_unlock(const char* passphrase) {
  const double t = emscripten_get_now();
  const std::string message = g_state.app->unlock(passphrase);
  g_state.app->finishOpeningNow();   // the records a few milliseconds a frame is the real unlock's way (tested by hand-typed unlocks)
  const double ms = emscripten_get_now() - t;
  toward::web::renderNow();
  wakeFrames();
  if (g_state.app->locked()) return reply(errorReply(message));
  return reply("{\"ok\":true,\"ms\":" + std::to_string(ms) + "}");
}

// Paths of the files under the data folder (the in-memory file system mirrored to IndexedDB) whose bytes
// contain `word`: the browser tests look for known plaintext while the vault is on.
EMSCRIPTEN_KEEPALIVE const char* toward_test_data_files_containing(const char* word) {
  namespace files = toward::core::files;
  std::string out = "[";
  std::vector<std::string> dirs{g_state.platform->dataRoot()};
  while (!dirs.empty()) {
    const std::string dir = dirs.back();
    dirs.pop_back();
    for (const auto& sub : files::listDirs(dir)) dirs.push_back(dir + "/" + sub);
    for (const auto& name : files::listFiles(dir)) {
      auto text = files::readFile(dir + "/" + name);
      if (text && text.value().find(word) != std::string::npos) out += (out.size() > 1 ? "," : "") + quoted(dir + "/" + name);
    }
  }
  return reply(out + "]");
}

// ms of one Argon2id key derivation with the app's settings (the part of unlocking spent on the passphrase).
EMSCRIPTEN_KEEPALIVE double toward_test_vault_kdf_ms() {
  const double t = emscripten_get_now();
  auto made = toward::core::vault::createVault("bench passphrase");
  return made ? emscripten_get_now() - t : -1.0;
}

// Auto-lock after `ms` of idle time instead of the chosen minutes (0 = as chosen). The idle time counts
// from now: a slow step before (turning the vault on takes seconds under the sanitizers) must not make a
// frame lock at once, before the test's own input arrives.
EMSCRIPTEN_KEEPALIVE void toward_test_vault_autolock_ms(int ms) {
  g_state.app->shell().setAutoLockOverrideMs(ms);
  g_state.app->shell().noteActivity(g_state.platform->nowMs());
}

// Sets the vault's plain preferences (JSON as in vault.json's "prefs").
EMSCRIPTEN_KEEPALIVE const char* toward_test_vault_set_prefs(const char* json) {
  auto s = g_state.app->vault().setPrefs(toward::core::vault::parseVaultPrefs(json));
  wakeFrames();
  return reply(s ? "{\"ok\":true}" : errorReply(s.message()));
}

// Backups: at most `records` records imported per frame (0 = by the frame's time budget).
// The Backups page as it is now (a lock builds the pages anew, and the knob with them).
EMSCRIPTEN_KEEPALIVE void toward_test_import_records_per_frame(int records) {
  if (auto* backups = dynamic_cast<toward::ui::BackupView*>(g_state.app->page("backups")))
    backups->setImportRecordsPerFrame(size_t(records > 0 ? records : 0));
}

// Journal: a search looks at `entries` entries a frame or task (0 = by the time budget), to watch one part way;
// each step takes at least `stepMs` (a slow machine's walk).
EMSCRIPTEN_KEEPALIVE void toward_test_journal_search_step(int entries, int stepMs) {
  if (auto* journal = dynamic_cast<toward::journal::JournalView*>(g_state.app->page("journal")))
    journal->setSearchEntriesPerStep(size_t(entries > 0 ? entries : 0), stepMs > 0 ? stepMs : 0);
}

// Journal: each step of the folding for search takes at least `ms` (a slow machine's; main() sets it from
// sessionStorage 'towardTestFoldStepMs' before the first frame, as the folding begins at the second).
EMSCRIPTEN_KEEPALIVE void toward_test_journal_fold_step_ms(int ms) {
  if (auto* journal = dynamic_cast<toward::journal::JournalView*>(g_state.app->page("journal")))
    journal->setFoldStepMs(ms > 0 ? ms : 0);
}

// Texture box: grounding sessions last `seconds` instead of the chosen minutes (0 = as chosen).
EMSCRIPTEN_KEEPALIVE void toward_test_texture_session_seconds(int seconds) {
  if (auto* box = dynamic_cast<toward::texture_box::TextureBoxModel*>(g_state.app->model("texture_box"))) box->setSessionSecondsOverride(seconds);
}

// Texture box: {textures, bytes, peakTextures, peakBytes, uploads, maxUploadMs, maxPrepareMs} of photo textures.
EMSCRIPTEN_KEEPALIVE const char* toward_test_texture_photo_stats(int resetPeaks) {
  const auto s = toward::texture_box::photoGpuStats(resetPeaks != 0);
  return reply("{\"textures\":" + std::to_string(s.textures) + ",\"bytes\":" + std::to_string(s.bytes) +
               ",\"peakTextures\":" + std::to_string(s.peakTextures) + ",\"peakBytes\":" + std::to_string(s.peakBytes) +
               ",\"uploads\":" + std::to_string(s.uploads) + ",\"maxUploadMs\":" + std::to_string(s.maxUploadMs) +
               ",\"maxPrepareMs\":" + std::to_string(s.maxPrepareMs) + "}");
}

// [{path, message}]: the files the store could not read at its last load (kept on disk untouched).
EMSCRIPTEN_KEEPALIVE const char* toward_test_problems() {
  std::string out = "[";
  for (const auto& p : g_state.app->store().problems()) {
    if (out.size() > 1) out += ",";
    out += "{\"path\":" + quoted(p.path) + ",\"message\":" + quoted(p.message) + "}";
  }
  return reply(out + "]");
}

}  // extern "C"
