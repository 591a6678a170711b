// core/ui/fonts.cpp: font atlas building (see fonts.h).
#include "core/ui/fonts.h"

#include <cstdio>
#include <string>
#include <vector>

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
const ImWchar kLatinRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x2000, 0x206F,  // General Punctuation
    0x2190, 0x2193,  // arrows used by navigation
    0,
};

}  // namespace

bool buildFonts(Fonts& fonts, const std::string& ttfPath, float bodyPx, float pixelRatio, Glyphs glyphs) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  fonts.bodyPx = bodyPx;
  fonts.pixelRatio = pixelRatio;
  ImFontConfig config;
  config.OversampleH = 1;   // rasterized at the real device size already
  config.OversampleV = 1;
  config.PixelSnapH = true;
  // The file is read once and kept (both sizes use the same bytes; the atlas does not own them). Reading it
  // once per size through the file system was a third of building the fonts on a first visit.
  static std::string cachedPath;
  static std::vector<unsigned char> ttf;
  if (cachedPath != ttfPath || ttf.empty()) {
    ttf.clear();
    if (FILE* file = std::fopen(ttfPath.c_str(), "rb")) {
      unsigned char chunk[65536];
      for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) ttf.insert(ttf.end(), chunk, chunk + n);
      std::fclose(file);
    }
    cachedPath = ttfPath;
  }
  if (ttf.empty()) {
    fonts.body = fonts.heading = io.Fonts->AddFontDefault();
    io.FontGlobalScale = 1.0f;
    return false;
  }
  config.FontDataOwnedByAtlas = false;
  const ImWchar* ranges = glyphs == Glyphs::Latin ? kLatinRanges : kRanges;
  const int size = int(ttf.size());
  fonts.body = io.Fonts->AddFontFromMemoryTTF(ttf.data(), size, bodyPx * kLinePerEm * pixelRatio, &config, ranges);
  fonts.heading = io.Fonts->AddFontFromMemoryTTF(ttf.data(), size, bodyPx * kLinePerEm * 1.35f * pixelRatio, &config, ranges);
  io.FontDefault = fonts.body;
  io.FontGlobalScale = 1.0f / pixelRatio;
  return fonts.body != nullptr && fonts.heading != nullptr;
}

}  // namespace toward::ui
