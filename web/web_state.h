// web/web_state.h: the running app's globals, shared by main.cpp and the exported functions.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/finger_path.h"
#include "core/platform/platform.h"
#include "core/ui/fonts.h"
#include "web/app.h"

namespace toward::web {

struct State {
  std::unique_ptr<core::Platform> platform;
  std::unique_ptr<app::App> app;
  int framesToRender = 3;        // frames still to draw before going idle
  uint64_t lastDrawHash = 0;     // what the last frame drew (main.cpp's hashDrawData)
  uint64_t canvasKey = 0;        // what the canvas shows (main.cpp's canvasKey): a frame that matches leaves it
  unsigned canvasDraws = 0;      // frames that drew on the canvas (framesRendered counts every frame)
  int settleFrames = 0;          // frames drawn in a row that differed from the one before
  bool wakeRequested = false;
  unsigned framesRendered = 0;
  bool openedTold = false;       // the glue heard onOpened(): the first frame drawn with every record read
  float fontPx = 0, fontRatio = 0;
  ui::Glyphs fontGlyphs = ui::Glyphs::Everything;   // what the atlas holds (Latin at a start with nothing kept)
  int64_t quietSinceMs = 0;      // the last input (or the first frame): the whole atlas follows a quiet second
  core::FingerPath finger;       // a finger's last moves, by the browser's times: its speed and stillness at the lift
  int64_t glyphQuietMs = 1000;   // ... of this length (a test may lengthen it: sessionStorage 'towardTestQuietMs')
  bool dark = false, themeKnown = false;
  bool discreet = false;         // the tab's title and icon are neutral
  int plainAtRest = -1;          // the glue was told the vault is off (1) or on (0); -1 not yet
  std::string keptLook;          // "theme percent" last handed to TowardGlue.keepLook ("": none kept)
  // A frame is being drawn: nothing may draw another one inside it (a DOM field that blurs during a
  // frame calls back into C++ synchronously); work asked for meanwhile runs right after the frame.
  bool inFrame = false;
  std::vector<std::function<void()>> afterFrame;
#ifdef TOWARD_TEST_HOOKS
  // The test build only (web/test_exports.cpp):
  bool trapNextFrame = false;    // the next frame traps, as a memory error would
  // Files the store reads a frame while opening, instead of by time (0): a test holds the opening screen
  // with sessionStorage 'towardTestOpenFilesPerFrame' (read when main() starts).
  int openFilesPerFrame = 0;
  double frameMsTotal = 0, frameMsMax = 0;  // time spent in our frame code (ImGui + GL), since the last reset
  unsigned framesMeasured = 0;
  double a11yMsTotal = 0, a11yMsMax = 0;  // of it: ending the semantics tree and the page's diff (core/ui/a11y.h)
  double glMsMax = 0;   // of it: handing the frame to WebGL (the OpenGL backend, glClear included)
  std::vector<float> frameMsSamples, a11yMsSamples, glMsSamples;  // each measured frame (median, 95th percentile)
  std::vector<float> workTaskMsSamples;   // each task of work beside the frames (toward_work), since the start
  // The last unlock's frame (App::afterUnlock): whether everything was open at its end, and if not, how many
  // files the store had read in it (-1: everything read in it, or no unlock yet).
  bool unlockOpenedInFrame = false;
  long unlockFrameFilesRead = -1;
#endif
};

extern State g_state;

// Notes when a step of the start happened (TowardEarly.times, read by towardTest.startStats() and the
// benchmark); nothing once the first frame is drawn.
void markStart(const char* step);

// Draws one frame at once (so that text typed since the last frame reaches the views' drafts). Inside
// a frame it draws nothing: the frame being drawn picks the text up.
void renderNow();

// Runs `work` now, or right after the frame when called while one is being drawn (from a DOM event
// that a frame caused). Every entry point from JavaScript that changes the app goes through this.
void outsideFrame(std::function<void()> work);

// Asks for a task of its own beside the frames (web/glue/storage.js postWork: a MessageChannel message),
// which runs App::stepOpeningTask and asks again while that says more is left (toward_work). True when
// one is asked for or already waits; false where the page cannot run one (the work stays in the frames).
bool workSoon();

}  // namespace toward::web
