// plugins/texture_box/breath_ring.cpp: see breath_ring.h.
#include "plugins/texture_box/breath_ring.h"

#include <algorithm>

namespace toward::texture_box {

BreathRing breathRing(float width, float height, float wordsWidth, float fontPx) {
  const float calm = std::min(width, height * 0.45f) * 0.32f;   // a third of the smaller side, with room
  const float forWords = wordsWidth * 0.5f + fontPx * 0.6f;      // the words and a little air each side
  const float outer = std::max(0.0f, std::min(std::max(calm, forWords), width * 0.5f - 8.0f));
  return {outer, outer * 0.45f};
}

}  // namespace toward::texture_box
