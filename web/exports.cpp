// web/exports.cpp: functions the JavaScript glue calls (durability, handover, wake) and the test API
// behind window.towardTest. The test API goes through the same store, models and sync queue as the UI.
#include <emscripten.h>

#include <string>

#include "core/json.h"
#include "core/time_format.h"
#include "web/web_state.h"

#ifndef TOWARD_VERSION
#define TOWARD_VERSION "dev"
#endif

using toward::web::g_state;

namespace {

std::string g_reply;  // the last string returned to JavaScript (read at once by the caller)

const char* reply(const std::string& s) {
  g_reply = s;
  return g_reply.c_str();
}

std::string quoted(const std::string& s) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.String(s.c_str(), rapidjson::SizeType(s.size()));
  return std::string(sb.GetString(), sb.GetSize());
}

std::string errorReply(const std::string& message) { return "{\"ok\":false,\"error\":" + quoted(message) + "}"; }

void wakeFrames() {
  g_state.wakeRequested = true;
}

}  // namespace

extern "C" {

// ---------------------------------------------------------------- glue
EMSCRIPTEN_KEEPALIVE void toward_wake() { wakeFrames(); }

EMSCRIPTEN_KEEPALIVE void toward_flush_now() {
  if (!g_state.app) return;
  // Words typed since the last frame are still in the text field: hand them to the views first.
  if (g_state.platform->textInput().hasPendingInput()) toward::web::renderNow();
  g_state.app->flushNow();
  wakeFrames();
}

EMSCRIPTEN_KEEPALIVE int toward_is_saved() { return g_state.app && g_state.app->durability().saved() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void toward_set_writer(int writer) {
  if (g_state.app) g_state.app->setWriter(writer != 0);
  wakeFrames();
}

EMSCRIPTEN_KEEPALIVE void toward_reload_store() {
  if (g_state.app) g_state.app->reloadStore();
  wakeFrames();
}

EMSCRIPTEN_KEEPALIVE const char* toward_version() { return TOWARD_VERSION; }

EMSCRIPTEN_KEEPALIVE unsigned toward_frames_rendered() { return g_state.framesRendered; }

// ---------------------------------------------------------------- test API
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
  std::string out = std::string("{\"saved\":") + (d.saved() ? "true" : "false") +
                    ",\"pendingSync\":" + (d.syncing() || !d.saved() ? "true" : "false") +
                    ",\"storageError\":" + (d.error().empty() ? "null" : quoted(d.error())) + "}";
  return reply(out);
}

EMSCRIPTEN_KEEPALIVE void toward_set_sync_delay(int ms) { g_state.app->durability().setDelayMs(ms); }

// {frames, meanMs, maxMs} of our frame code since the last reset; reset = 1 starts a new measurement.
EMSCRIPTEN_KEEPALIVE const char* toward_test_frame_stats(int reset) {
  const unsigned n = g_state.framesMeasured;
  std::string out = "{\"frames\":" + std::to_string(n) + ",\"meanMs\":" +
                    std::to_string(n ? g_state.frameMsTotal / n : 0.0) + ",\"maxMs\":" + std::to_string(g_state.frameMsMax) + "}";
  if (reset) {
    g_state.frameMsTotal = g_state.frameMsMax = 0;
    g_state.framesMeasured = 0;
  }
  return reply(out);
}

}  // extern "C"
