// core/ui/theme.cpp: palettes and ImGui style for the calm themes.
#include "core/ui/theme.h"

namespace toward::ui {
namespace {

ImVec4 rgb(uint32_t hex, float a = 1.0f) {
  return ImVec4(float((hex >> 16) & 0xFF) / 255.f, float((hex >> 8) & 0xFF) / 255.f, float(hex & 0xFF) / 255.f, a);
}

Palette g_palette;

Palette lightPalette() {
  Palette p;
  p.background = rgb(0xF4F1EC);
  p.surface = rgb(0xFBFAF7);
  p.surfaceHover = rgb(0xEAE5DD);
  p.text = rgb(0x2F2C28);
  p.muted = rgb(0x6F6A62);
  p.accent = rgb(0x3B7A74);
  p.accentSoft = rgb(0xD6E8E4);
  p.border = rgb(0xDDD6CB);
  p.warning = rgb(0x8A6A1E);   // amber-brown: calm, never alarm red
  p.dark = false;
  return p;
}

Palette darkPalette() {
  Palette p;
  p.background = rgb(0x1B1F24);
  p.surface = rgb(0x232830);
  p.surfaceHover = rgb(0x2D333C);
  p.text = rgb(0xE7E2D9);
  p.muted = rgb(0xA29D94);
  p.accent = rgb(0x86C1B8);
  p.accentSoft = rgb(0x2E4643);
  p.border = rgb(0x3A414B);
  p.warning = rgb(0xD8B869);
  p.dark = true;
  return p;
}

}  // namespace

const Palette& palette() { return g_palette; }

uint32_t toRgb(const ImVec4& c) {
  return (uint32_t(c.x * 255.f + 0.5f) << 16) | (uint32_t(c.y * 255.f + 0.5f) << 8) | uint32_t(c.z * 255.f + 0.5f);
}

void applyTheme(bool dark, float scale) {
  g_palette = dark ? darkPalette() : lightPalette();
  const Palette& p = g_palette;
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.ChildRounding = 10;
  style.FrameRounding = 8;
  style.PopupRounding = 10;
  style.GrabRounding = 8;
  style.ScrollbarRounding = 8;
  style.TabRounding = 8;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.PopupBorderSize = 1;
  style.FrameBorderSize = 1;   // soft outlines keep fields and boxes visible on the paper background
  style.WindowPadding = ImVec2(20, 18);
  style.FramePadding = ImVec2(12, 8);
  style.ItemSpacing = ImVec2(10, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12;
  style.TouchExtraPadding = ImVec2(2, 2);
  style.SelectableTextAlign = ImVec2(0, 0.5f);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = p.surfaceHover;
  c[ImGuiCol_FrameBgActive] = p.surfaceHover;
  c[ImGuiCol_TitleBg] = p.background;
  c[ImGuiCol_TitleBgActive] = p.background;
  c[ImGuiCol_MenuBarBg] = p.background;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = p.border;
  c[ImGuiCol_ScrollbarGrabHovered] = p.muted;
  c[ImGuiCol_ScrollbarGrabActive] = p.muted;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = p.accent;
  c[ImGuiCol_Button] = p.surface;
  c[ImGuiCol_ButtonHovered] = p.surfaceHover;
  c[ImGuiCol_ButtonActive] = p.accentSoft;
  c[ImGuiCol_Header] = p.accentSoft;
  c[ImGuiCol_HeaderHovered] = p.surfaceHover;
  c[ImGuiCol_HeaderActive] = p.accentSoft;
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_SeparatorHovered] = p.border;
  c[ImGuiCol_SeparatorActive] = p.border;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Tab] = p.surface;
  c[ImGuiCol_TabHovered] = p.surfaceHover;
  c[ImGuiCol_TabActive] = p.accentSoft;
  c[ImGuiCol_TextSelectedBg] = p.accentSoft;
  c[ImGuiCol_NavHighlight] = p.accent;
  // Progress bars (import, export, sealing) fill with the calm accent, never ImGui's default yellow.
  c[ImGuiCol_PlotHistogram] = p.accent;
  c[ImGuiCol_PlotHistogramHovered] = p.accent;
  c[ImGuiCol_ModalWindowDimBg] = p.dark ? ImVec4(0, 0, 0, 0.45f) : ImVec4(0.2f, 0.18f, 0.15f, 0.25f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace toward::ui
