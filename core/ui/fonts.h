// core/ui/fonts.h: the app's fonts, built from one TTF (Noto Sans from Debian's fonts-noto-core):
// Latin, Latin Extended, Greek, Cyrillic and general punctuation. Glyphs are rasterized at the
// screen's device pixel ratio and drawn at 1/ratio, so text is crisp on HiDPI screens.
#pragma once
#include <string>

#include <imgui.h>

namespace toward::ui {

// ImGui sizes a font by its full line (ascender to descender); CSS sizes it by its em square. For
// Noto Sans the line is 1.362 em (ascender 1069 + descender 293 per 1000 units), so text of CSS size
// N px is an ImGui font of N * kLinePerEm px. Text fields (DOM) and ImGui text then look the same.
inline constexpr float kLinePerEm = 1.362f;

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  float bodyPx = 16;      // body text size in CSS pixels (em size, as CSS means it)
  float pixelRatio = 1;   // device pixels per CSS pixel the atlas was built for
};

// Which glyphs an atlas holds. Everything: the scripts above. Latin: Basic Latin, Latin-1 and general
// punctuation only (every string of Toward's own; a third of the glyphs, so a third of the rasterizing),
// for a start with nothing kept yet: the app's first visit draws sooner, and the whole atlas follows at
// the first quiet moment or before anything kept is drawn (web/main.cpp).
enum class Glyphs { Everything, Latin };

// Rebuilds ImGui's font atlas from `ttfPath` for a body size in CSS pixels and a device pixel ratio.
// Returns false (and leaves ImGui's default font) when the file cannot be read.
bool buildFonts(Fonts& fonts, const std::string& ttfPath, float bodyPx, float pixelRatio, Glyphs glyphs = Glyphs::Everything);

}  // namespace toward::ui
