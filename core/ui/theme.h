// core/ui/theme.h: the calm light and dark themes. Colours are soft and warm; nothing is red.
#pragma once
#include <cstdint>

#include <imgui.h>

namespace toward::ui {

struct Palette {
  ImVec4 background, surface, surfaceHover, text, muted, accent, accentSoft, border, warning;
  bool dark = false;
};

// The palette in use (set by applyTheme).
const Palette& palette();

// Applies the light or dark theme to ImGui's style, at `scale` (1 = 100 % text size).
void applyTheme(bool dark, float scale);

// 0xRRGGBB of a colour, for DOM elements that must match (text fields, the page background).
uint32_t toRgb(const ImVec4& c);

}  // namespace toward::ui
