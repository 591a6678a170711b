// web/main.cpp: the browser entry point. Sets up SDL2, WebGL2 and Dear ImGui, then runs the frame
// callback. main() is called only after the glue (web/glue/storage.js) holds the writer lock and has
// loaded the data folder from IndexedDB, so nothing is ever written before the initial load.
// Frames are drawn only when something happened (input, typing, a timer, a finished sync): an idle
// app draws nothing.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_sdl2.h>

#include <GLES3/gl3.h>
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <memory>

#include "core/platform/platform.h"
#include "core/ui/a11y.h"
#include "core/ui/texture_pixels.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"
#include "web/app.h"
#include "web/gl_renderer.h"
#include "web/web_state.h"

#ifdef TOWARD_TEST_HOOKS
extern "C" void toward_test_journal_fold_step_ms(int ms);   // web/test_exports.cpp
#endif

namespace toward::web {

State g_state;

namespace {

constexpr const char* kFontPath = "/fonts/NotoSans-Regular.ttf";

EM_JS(void, js_on_started, (), { TowardGlue.onStarted(); });
EM_JS(void, js_cannot_draw, (), { TowardGlue.cannotDraw(); });
EM_JS(void, js_mark_start, (const char* step), { TowardEarly.times[UTF8ToString(step)] = performance.now(); });
EM_JS(void, js_on_first_frame, (), { TowardGlue.onFirstFrame(); });
EM_JS(void, js_on_opened, (), { TowardGlue.onOpened(); });
EM_JS(int, js_post_work, (), { return TowardGlue.postWork() ? 1 : 0; });
#ifdef TOWARD_TEST_HOOKS
// A number a test put in sessionStorage under `key` before the start (0: none).
EM_JS(int, js_test_knob, (const char* key), {
  try { return Number(sessionStorage.getItem(UTF8ToString(key))) || 0; } catch (e) { return 0; }
});
#endif

SDL_Window* g_window = nullptr;

// The glyphs the atlas is to hold now: Latin only while nothing is kept and no quiet second has passed
// since the start (ui::Glyphs: a first visit's first frame comes sooner); everything once anything is kept,
// typed, or the page has been quiet for a second (the whole atlas is built then, in a frame nobody waits on).
ui::Glyphs wantedGlyphs(int64_t now) {
  if (g_state.fontGlyphs == ui::Glyphs::Everything && g_state.fontPx != 0) return ui::Glyphs::Everything;
  const bool early = g_state.framesRendered == 0 || now - g_state.quietSinceMs < g_state.glyphQuietMs;
  const bool typing = g_state.platform->textInput().hasPendingInput();
  return early && !typing && g_state.app->keepsNothing() ? ui::Glyphs::Latin : ui::Glyphs::Everything;
}

// Rebuilds fonts and theme when the text size, the theme, the screen's pixel ratio or the glyphs wanted changed.
void applyLook(int64_t now) {
  app::App& app = *g_state.app;
  const float px = app.textPx();
  const float ratio = float(emscripten_get_device_pixel_ratio());
  const bool dark = app.wantsDark();
  const ui::Glyphs glyphs = wantedGlyphs(now);
  if (px != g_state.fontPx || ratio != g_state.fontRatio || glyphs != g_state.fontGlyphs) {
    ui::buildFonts(app.fonts(), kFontPath, px, ratio, glyphs);
    glRendererUploadFonts();
    markStart("fontsBuilt");
    g_state.fontPx = px;
    g_state.fontRatio = ratio;
    g_state.fontGlyphs = glyphs;
    g_state.themeKnown = false;
  }
  if (!g_state.themeKnown || dark != g_state.dark) {
    ui::applyTheme(dark, px / 16.0f);
    const ui::Palette& p = ui::palette();
    g_state.platform->textInput().setStyle(ui::toRgb(p.surface), ui::toRgb(p.text), ui::toRgb(p.accent), px);
    EM_ASM({ document.documentElement.style.setProperty('--page-bg', '#' + ($0 >>> 0).toString(16).padStart(6, '0')); },
           int(ui::toRgb(p.background)));
    g_state.dark = dark;
    g_state.themeKnown = true;
  }
}

void drawFrame(int64_t now);

// The semantics tree of this frame to web/glue/a11y.js (only when it changed), and words for the live region.
// A frame that acted on a press keeps its tree back (ui::a11y::pressedThisFrame: what was drawn before the
// press is a moment old), and the next frame, which there always is after a press, hands over its own.
void handTreeToPage() {
#ifdef TOWARD_TEST_HOOKS
  const double started = emscripten_get_now();
#endif
  const bool pressed = ui::a11y::pressedThisFrame();
  if (pressed) g_state.framesToRender = std::max(g_state.framesToRender, 1);
  const std::string json = ui::a11y::endFrame(!pressed);
  if (!json.empty()) EM_ASM({ TowardGlue.a11y.update(UTF8ToString($0)); }, json.c_str());
  for (const std::string& words : ui::a11y::takeAnnouncements()) {
    EM_ASM({ TowardGlue.a11y.announce(UTF8ToString($0)); }, words.c_str());
  }
#ifdef TOWARD_TEST_HOOKS
  const double spent = emscripten_get_now() - started;
  g_state.a11yMsTotal += spent;
  g_state.a11yMsMax = std::max(g_state.a11yMsMax, spent);
  if (g_state.a11yMsSamples.size() < 100000) g_state.a11yMsSamples.push_back(float(spent));
#endif
}

// A press of the pointer that took one of ImGui's controls (a button, a chip, a row, a slider; not a window's
// scrollbar, nor a window's empty space) while a DOM text field has the keys: the field lets them go
// (web/glue/a11y.js controlPressed: a mouse's or a pen's press only), as a web page's field does when
// another control is clicked, so the next keys are not typed into a field the person has left. Known only
// once the frame's controls have run (ImGui makes the pressed one active then), and done after the frame.
void letFieldGoAfterControlPress() {
  const ImGuiContext& g = *GImGui;
  if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left) || g.ActiveId == 0 || g.ActiveIdWindow == nullptr) return;
  if (g.ActiveId == ImGui::GetWindowScrollbarID(g.ActiveIdWindow, ImGuiAxis_X) ||
      g.ActiveId == ImGui::GetWindowScrollbarID(g.ActiveIdWindow, ImGuiAxis_Y)) {
    return;
  }
  g_state.afterFrame.push_back([] { EM_ASM({ if (TowardGlue.a11y) TowardGlue.a11y.controlPressed(); }); });
}

// Frames that settle: Dear ImGui needs more than one frame for some changes (a window or popup that
// appears sizes itself, then is placed; a layout change moves what follows). After a frame whose drawing
// differs from the one before, another is drawn, until two in a row are the same, at most
// kMaxSettleFrames in a row (an animation differs every frame: it asks for its own frames instead).
constexpr int kMaxSettleFrames = 8;

// FNV-1a over what a frame draws: every vertex, index and command (clip rectangle, texture, counts).
// FNV-1a over `n` bytes, on from `h` (hashDrawData, canvasKey).
void mixHash(uint64_t& h, const void* bytes, size_t n) {
  const auto* p = static_cast<const unsigned char*>(bytes);
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
}

uint64_t hashDrawData(const ImDrawData* data) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const void* bytes, size_t n) { mixHash(h, bytes, n); };
  if (!data) return h;
  mix(&data->DisplaySize, sizeof(data->DisplaySize));
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    mix(list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    mix(list->IdxBuffer.Data, size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      mix(&cmd.ClipRect, sizeof(cmd.ClipRect));
      mix(&cmd.TextureId, sizeof(cmd.TextureId));
      mix(&cmd.ElemCount, sizeof(cmd.ElemCount));
      mix(&cmd.IdxOffset, sizeof(cmd.IdxOffset));
    }
  }
  return h;
}

// What a frame would put on the canvas (drawFrame compares it with what is there).
uint64_t canvasKey(uint64_t drawHash, const ImVec4& clear, const ImVec2& pixelScale) {
  uint64_t h = drawHash;
  mixHash(h, &clear, sizeof clear);
  mixHash(h, &pixelScale, sizeof pixelScale);
  const uint64_t textures = ui::texturePixelsGeneration();
  mixHash(h, &textures, sizeof textures);
  return h;
}

// The finger that moves the pointer, followed by the browser's own event times (`timeStamp`: when the finger
// moved, not when a busy page got to it; SDL stamps its events as they are handled, so a lift handled 100 ms
// after the last move looked like a finger that stood still, and a quick swipe did not coast). Listened to
// beside SDL's own handlers on the canvas; the lift's stillness and speed wait there for SDL's release of the
// pointer, in the next frame (ui::NoteFingerLift).
struct FingerLift {
  double stillSeconds = 1e9;
  float speed = 0.0f;
  bool waiting = false;   // a lift heard, its release not yet taken by a frame
};
FingerLift g_lift;
bool g_fingerDown = false;
int g_fingerId = 0;   // the touch followed (SDL moves the pointer with the first finger down)

EM_BOOL onTouch(int type, const EmscriptenTouchEvent* e, void*) {
  const uint32_t ms = uint32_t(std::llround(e->timestamp));
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& t = e->touches[i];
    if (!t.isChanged) continue;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
      if (g_fingerDown) continue;
      g_fingerDown = true;
      g_fingerId = t.identifier;
      g_state.finger.start(ms, float(t.targetY));
    } else if (!g_fingerDown || t.identifier != g_fingerId) {
      continue;
    } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      g_state.finger.moved(ms, float(t.targetY));
    } else {   // lifted, or the browser took the touch over (cancel: no coasting)
      g_fingerDown = false;
      const bool lifted = type == EMSCRIPTEN_EVENT_TOUCHEND;
      g_lift = FingerLift{lifted ? g_state.finger.stillSeconds(ms) : 1e9, lifted ? g_state.finger.speed() : 0.0f, true};
    }
  }
  return EM_FALSE;   // SDL's own handler says what the browser does with the touch
}

void listenToFinger() {
  emscripten_set_touchstart_callback("#canvas", nullptr, EM_FALSE, onTouch);
  emscripten_set_touchmove_callback("#canvas", nullptr, EM_FALSE, onTouch);
  emscripten_set_touchend_callback("#canvas", nullptr, EM_FALSE, onTouch);
  emscripten_set_touchcancel_callback("#canvas", nullptr, EM_FALSE, onTouch);
}

void frame() {
  SDL_Event event;
  bool input = false;
  bool fingerLifted = false;
  while (SDL_PollEvent(&event)) {
    // A finger landing says where, always: SDL sends no motion for a touch where the last one ended (a tap
    // where a swipe stopped), and ImGui's pointer was moved away when that one lifted (below).
    if (event.type == SDL_MOUSEBUTTONDOWN && event.button.which == SDL_TOUCH_MOUSEID) {
      ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
      ImGui::GetIO().AddMousePosEvent(float(event.button.x), float(event.button.y));
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
    input = true;
    // A resized canvas is cleared by the browser, even when its size comes back before the next frame.
    if (event.type == SDL_WINDOWEVENT) g_state.canvasKey = 0;
    // The finger's stillness and speed at its lift, by the browser's times (onTouch), for ui::TouchScroll's
    // coasting. (A release with no lift heard there, which should not happen, does not coast.)
    if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) {
      fingerLifted = true;
      ui::NoteFingerLift(g_lift.waiting ? g_lift.stillSeconds : 1e9, g_lift.waiting ? g_lift.speed : 0.0f);
      g_lift.waiting = false;
    }
  }
  // A finger that lifts leaves no pointer behind: what it tapped is not drawn hovered afterwards (a tapped
  // tab stayed grey instead of showing it is the chosen one). ImGui takes the release at the finger's
  // place first and the pointer's leaving in the next frame (its input queue trickles).
  if (fingerLifted) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  const int64_t now = g_state.platform->nowMs();
  // Auto-lock counts idle time from the last touch, click, key or typed word.
  if (input || g_state.platform->textInput().hasPendingInput()) {
    g_state.app->noteActivity(now);
    g_state.quietSinceMs = now;
  }
  // An atlas of Latin glyphs only is made whole after a quiet second, or at once when something is kept.
  if (g_state.fontGlyphs == ui::Glyphs::Latin && g_state.framesRendered > 0 && wantedGlyphs(now) == ui::Glyphs::Everything) {
    g_state.framesToRender = std::max(g_state.framesToRender, 1);
  }
  // Input: two frames (ImGui notices a hover or a release a frame late); a wake or a change of state: one.
  // Either way, settling (below) adds frames for as long as the drawing still changes.
  if (input || g_state.wakeRequested) {
    g_state.framesToRender = std::max(g_state.framesToRender, input ? 2 : 1);
    g_state.settleFrames = 0;
  }
  g_state.wakeRequested = false;
  if (g_state.app->tick(now)) g_state.framesToRender = std::max(g_state.framesToRender, 1);
  if (g_state.framesToRender <= 0) return;
  --g_state.framesToRender;
  drawFrame(now);
  // The shell's Hide button: the same quick hide as Ctrl+Shift+H, after the frame (it draws one itself).
  if (g_state.app->takeHideRequest()) EM_ASM({ TowardGlue.quickHide(); });
}

void drawFrame(int64_t now) {
  if (g_state.inFrame) return;  // never a frame inside a frame (see State::inFrame)
#ifdef TOWARD_TEST_HOOKS
  if (g_state.trapNextFrame) {
    g_state.trapNextFrame = false;
    __builtin_trap();
  }
  const double started = emscripten_get_now();  // for frameStats (toward_test_frame_stats)
#endif
  g_state.inFrame = true;
  applyLook(now);
  ImGui_ImplSDL2_NewFrame();
  const int queued = GImGui->InputEventsQueue.Size;
  ImGui::NewFrame();
  // This frame acted on input (a release that presses a button, a key): what that changed is drawn by
  // the next frame, so there is one, whatever this frame looked like.
  const bool actedOnInput = GImGui->InputEventsQueue.Size < queued;
  ui::a11y::beginFrame();
  g_state.app->draw(now);
  letFieldGoAfterControlPress();
  handTreeToPage();
  ImGui::Render();
  // Settling (see kMaxSettleFrames): a frame that drew something new asks for one more.
  const uint64_t drawn = hashDrawData(ImGui::GetDrawData());
  if (drawn != g_state.lastDrawHash && g_state.settleFrames < kMaxSettleFrames) {
    ++g_state.settleFrames;
    g_state.framesToRender = std::max(g_state.framesToRender, 1);
  }
  g_state.lastDrawHash = drawn;
  // A window drawn for the first time is hidden for a frame while ImGui measures it (a tooltip, a popup):
  // the frame that shows it is drawn too, whatever this one looked like.
  for (const ImGuiWindow* w : GImGui->Windows) {
    if (w->Active && (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0)) {
      g_state.framesToRender = std::max(g_state.framesToRender, 1);
      break;
    }
  }
  // Input acted on, or still queued (ImGui trickles a press and a release into separate frames): go on.
  if (actedOnInput || !GImGui->InputEventsQueue.empty()) g_state.framesToRender = std::max(g_state.framesToRender, 1);
  if (g_state.app->discreet() != g_state.discreet) {
    g_state.discreet = g_state.app->discreet();
    EM_ASM({ TowardGlue.setDiscreet(!!$0, !!$1); }, g_state.discreet ? 1 : 0, g_state.app->discreetByChoice() ? 1 : 0);
  }

  // The glue's crash rescue keeps a copy of typed words in IndexedDB only while nothing is sealed.
  const int plain = g_state.app->vault().status() == core::vault::VaultStatus::Off ? 1 : 0;
  if (plain != g_state.plainAtRest) {
    g_state.plainAtRest = plain;
    EM_ASM({ TowardGlue.setPlainAtRest(!!$0); }, plain);
  }
  // The page's own "Opening your space..." of the next start is shown in the person's colours and text size
  // (web/glue/early_read.js reads them back): only while nothing is sealed, since a locked start draws the
  // device's look until the unlock. A new look is kept once the settings are durable (a start read before
  // that would draw the record's old look after an opening screen in the new one); forgetting is at once.
  const auto& look = g_state.app->settings();
  std::string kept = plain && !g_state.app->opening() ? look.theme + " " + std::to_string(look.textPercent) : std::string();
  if (kept != g_state.keptLook && (kept.empty() || g_state.app->allSaved())) {
    g_state.keptLook = kept;
    EM_ASM({ TowardGlue.keepLook(UTF8ToString($0)); }, kept.c_str());
  }

  const ImGuiIO& io = ImGui::GetIO();
#ifdef TOWARD_TEST_HOOKS
  const double glStarted = emscripten_get_now();
#endif
  // A frame that would draw exactly what the canvas shows leaves it alone, so the browser has nothing new to
  // put on the screen (most input's second frame, and every settling's last; with software compositing each
  // changed canvas was read back in 22-32 ms of the page's main thread). What the canvas shows: the draw data,
  // the clear colour, the pixel scale and the textures' pixels.
  const ImVec4 bg = ui::palette().background;
  const uint64_t canvas = canvasKey(drawn, bg, io.DisplayFramebufferScale);
  if (canvas != g_state.canvasKey) {
    g_state.canvasKey = canvas;
    ++g_state.canvasDraws;
    glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x), int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glRendererDraw(ImGui::GetDrawData());
  }
#ifdef TOWARD_TEST_HOOKS
  const double spent = emscripten_get_now() - started;  // our code's share of the frame (CPU)
  const double glSpent = emscripten_get_now() - glStarted;
  g_state.glMsMax = std::max(g_state.glMsMax, glSpent);
  if (g_state.glMsSamples.size() < 100000) g_state.glMsSamples.push_back(float(glSpent));
  g_state.frameMsTotal += spent;
  g_state.frameMsMax = std::max(g_state.frameMsMax, spent);
  if (g_state.frameMsSamples.size() < 100000) g_state.frameMsSamples.push_back(float(spent));
  ++g_state.framesMeasured;
#endif
  ++g_state.framesRendered;
  if (g_state.framesRendered == 1) {
    js_on_first_frame();
    if (g_state.quietSinceMs == 0) g_state.quietSinceMs = now;
  }
  // The first frame with everything read (the same frame unless the store opened behind the opening screen).
  if (!g_state.openedTold && !g_state.app->opening()) {
    g_state.openedTold = true;
    js_on_opened();
  }
  g_state.inFrame = false;
  // Work that DOM events asked for during the frame (a blurred field's flush, say) runs now.
  while (!g_state.afterFrame.empty()) {
    auto work = std::move(g_state.afterFrame);
    g_state.afterFrame.clear();
    for (auto& w : work) w();
  }
}

}  // namespace

void renderNow() { drawFrame(g_state.platform->nowMs()); }

void markStart(const char* step) {
  if (g_state.framesRendered == 0) js_mark_start(step);
}

bool workSoon() { return js_post_work() != 0; }

void outsideFrame(std::function<void()> work) {
  if (g_state.inFrame) {
    g_state.afterFrame.push_back(std::move(work));
    g_state.wakeRequested = true;
  } else {
    work();
  }
}

}  // namespace toward::web

int main() {
  using namespace toward;
  web::markStart("mainEntered");
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    EM_ASM({ console.warn('SDL could not start: ' + UTF8ToString($0)); }, SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  web::g_window = SDL_CreateWindow("Toward", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1024, 768,
                                   SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = web::g_window ? SDL_GL_CreateContext(web::g_window) : nullptr;
  if (!gl) {   // no WebGL 2 here: the page says so in plain words, and nothing starts
    web::js_cannot_draw();
    return 0;
  }
  SDL_GL_MakeCurrent(web::g_window, gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no layout file: the shell lays itself out
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTrickleEventQueue = true;
  ui::a11y::install();
  ImGui_ImplSDL2_InitForOpenGL(web::g_window, gl);
  web::listenToFinger();
  if (!web::glRendererInit()) {
    web::js_cannot_draw();
    return 0;
  }

  web::markStart("glReady");
  web::g_state.platform = core::makePlatform();
  web::g_state.app = std::make_unique<app::App>(*web::g_state.platform);
  web::g_state.app->setOutsideFrame(web::outsideFrame);
  web::g_state.app->setWorkBeside(web::workSoon);
#ifdef TOWARD_TEST_HOOKS
  web::g_state.openFilesPerFrame = web::js_test_knob("towardTestOpenFilesPerFrame");
  if (const int quiet = web::js_test_knob("towardTestQuietMs"); quiet > 0) web::g_state.glyphQuietMs = quiet;
#endif
  web::g_state.app->start();
#ifdef TOWARD_TEST_HOOKS
  toward_test_journal_fold_step_ms(web::js_test_knob("towardTestFoldStepMs"));
#endif
  web::js_on_started();
  // simulate_infinite_loop: main() never returns, so the runtime never exits (a sanitizer build would
  // otherwise end the program here to check for leaks).
  emscripten_set_main_loop(web::frame, 0, true);
  return 0;
}
