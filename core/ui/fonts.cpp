// core/ui/fonts.cpp: font atlas building (see fonts.h).
#include "core/ui/fonts.h"

#include <cstdio>

namespace toward::ui {
namespace {

const ImWchar kRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x0100, 0x024F,  // Latin Extended-A and -B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic
    0x2000, 0x206F,  // General Punctuation (dashes, quotes, ellipsis, bullet)
    0x2190, 0x2193,  // arrows used by navigation
    0,
};

}  // namespace

bool buildFonts(Fonts& fonts, const std::string& ttfPath, float bodyPx, float pixelRatio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  fonts.bodyPx = bodyPx;
  fonts.pixelRatio = pixelRatio;
  ImFontConfig config;
  config.OversampleH = 1;   // rasterized at the real device size already
  config.OversampleV = 1;
  config.PixelSnapH = true;
  FILE* probe = std::fopen(ttfPath.c_str(), "rb");
  if (!probe) {
    fonts.body = fonts.heading = io.Fonts->AddFontDefault();
    io.FontGlobalScale = 1.0f;
    return false;
  }
  std::fclose(probe);
  fonts.body = io.Fonts->AddFontFromFileTTF(ttfPath.c_str(), bodyPx * kLinePerEm * pixelRatio, &config, kRanges);
  fonts.heading = io.Fonts->AddFontFromFileTTF(ttfPath.c_str(), bodyPx * kLinePerEm * 1.35f * pixelRatio, &config, kRanges);
  io.FontDefault = fonts.body;
  io.FontGlobalScale = 1.0f / pixelRatio;
  return fonts.body != nullptr && fonts.heading != nullptr;
}

}  // namespace toward::ui
